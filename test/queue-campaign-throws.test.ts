import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJson } from './helpers/cli.js';
import { startNosh } from './helpers/nosh-process.js';
import { type RedisServer, startRedis } from '../bench/fixtures/redis-server.js';

describe('a queued campaign that throws on every attempt', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('is tried 3 times, then reported FAILED with its replay command, and the soak ends with exit 1', async () => {
    const soak = startNosh(['soak', '--queue', redis.url, '--campaigns', '2', '--missions', '1', '--seed', '90', '--json']);
    await soak.waitFor(/queued as soak-\w+ on (\S+)/);
    const queue = /queued as soak-\w+ on (\S+)/.exec(soak.output())?.[1] ?? '';
    // A real BullMQ worker on the soak's queue standing in for a nosh worker whose campaign 91 throws (nosh has no
    // seed that throws): it plays nothing, it only answers as a nosh worker would.
    const attempts: number[] = [];
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const worker = new Worker(
      queue,
      (job) => {
        if (job.name === 'soak') return Promise.resolve({});
        const seed = (job.data as { seed: number }).seed;
        if (seed !== 91) return Promise.resolve({ seed, missions: 1, violationCount: 0, violations: [], traceHash: 'a'.repeat(64), ended: 'done' });
        attempts.push(job.attemptsMade + 1);
        return Promise.reject(new Error('the deck caught fire'));
      },
      { connection, concurrency: 1 },
    );
    try {
      expect(await soak.exited()).toBe(1);
    } finally {
      await worker.close();
      connection.disconnect();
    }
    expect(attempts).toEqual([1, 2, 3]);
    const line = lastJson<{ hashes: Array<string | null>; failed: Array<{ seed: number; error: string; replay: string }> }>(soak.output());
    expect(line.hashes).toEqual(['a'.repeat(64), null]);
    expect(line.failed).toEqual([{ seed: 91, error: 'the deck caught fire', replay: 'nosh replay --seed 91 --missions 1' }]);
  });
});
