import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';
import { type NoshProcess, startNosh } from './helpers/nosh-process.js';
import { type RedisServer, startRedis } from './helpers/redis-server.js';

const SOAK = ['--campaigns', '3', '--missions', '20', '--seed', '60', '--json'];

describe('redis-server restarted under a nosh worker and a queued soak', () => {
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

  it('loses nothing: the worker reconnects and takes the rest, and the soak completes with the local hashes', async () => {
    const local = nosh(['soak', ...SOAK]);
    const queued = startNosh(['soak', '--queue', redis.url, ...SOAK]);
    // At once, while the worker plays its first campaign (its threads still warming up) and the rest wait in Redis.
    await worker.waitFor(/took seed/);
    await redis.restart();
    expect(await queued.exited()).toBe(0);
    expect(lastJson<{ hashes: string[] }>(queued.output()).hashes).toEqual(lastJson<{ hashes: string[] }>((await local).stdout).hashes);
    expect(worker.output()).toMatch(/lost Redis at redis:\/\/127\.0\.0\.1:\d+/);
    expect(worker.output()).toContain('is back; taking campaigns again');
    // After the restart the worker took campaigns again (it did not sit connected and idle).
    const afterRestart = worker.output().slice(worker.output().indexOf('is back'));
    expect(afterRestart).toMatch(/took seed|finished seed/);
  });
});
