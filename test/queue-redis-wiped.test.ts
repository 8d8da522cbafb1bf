import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NoshProcess, startNosh } from './helpers/nosh-process.js';
import { type RedisServer, startRedis } from './helpers/redis-server.js';

describe('Redis wiped in the middle of a queued soak', () => {
  let redis: RedisServer;
  let worker: NoshProcess;
  beforeAll(async () => {
    redis = await startRedis();
    worker = startNosh(['worker', redis.url, '--concurrency', '1']);
    await worker.waitFor(/waiting for campaigns/);
  });
  afterAll(async () => {
    await worker.stop();
    await redis.stop();
  });

  it('is reported with the campaigns it lost, exit 1, and no result line', async () => {
    const queued = startNosh(['soak', '--queue', redis.url, '--campaigns', '4', '--missions', '3', '--seed', '80', '--json']);
    await worker.waitFor(/finished seed/);
    expect(spawnSync('redis-cli', ['-p', String(redis.port), 'FLUSHALL']).status).toBe(0);
    expect(await queued.exited()).toBe(1);
    expect(queued.output()).toMatch(/lost soak soak-[0-9a-f]{16} mid-run .*: [1-4] of 4 campaigns lost \(seeds [\d–, ]+\)/);
    expect(queued.output()).not.toMatch(/"hashes"/);
  });
});
