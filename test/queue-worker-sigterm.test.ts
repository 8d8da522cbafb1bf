import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NoshProcess, startNosh } from './helpers/nosh-process.js';
import { type RedisServer, startRedis } from './helpers/redis-server.js';

describe('SIGTERM to a nosh worker playing a campaign', () => {
  let redis: RedisServer;
  let worker: NoshProcess;
  beforeAll(async () => {
    redis = await startRedis();
    worker = startNosh(['worker', redis.url, '--concurrency', '1']);
    await worker.waitFor(/waiting for campaigns/);
  });
  afterAll(async () => {
    await worker.stop('SIGKILL');
    await redis.stop();
  });

  it('finishes the campaign, takes no other, exits 0, and the soak gets its result', async () => {
    const soak = startNosh(['soak', '--queue', redis.url, '--campaigns', '2', '--missions', '10', '--seed', '100', '--json']);
    await worker.waitFor(/took seed/);
    const seed = Number(/took seed (\d+)/.exec(worker.output())?.[1]);
    const other = seed === 100 ? 101 : 100;
    expect(await worker.stop('SIGTERM')).toBe(0);
    const out = worker.output();
    expect(out).toContain('worker: stopping · finishing 1 running campaign');
    expect(out.slice(out.indexOf('stopping'))).toMatch(new RegExp(`finished seed ${seed} [\\s\\S]*worker: stopped`));
    expect(out.match(/took seed/g)).toHaveLength(1);
    // The other campaign waits for a worker; a new one takes it and the soak completes.
    const next = startNosh(['worker', redis.url, '--concurrency', '1']);
    try {
      expect(await soak.exited()).toBe(0);
      expect(next.output()).toContain(`took seed ${other} `);
      expect(next.output()).not.toContain(`took seed ${seed} `);
    } finally {
      await next.stop();
    }
  });
});
