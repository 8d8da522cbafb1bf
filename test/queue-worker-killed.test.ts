import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';
import { type NoshProcess, startNosh } from './helpers/nosh-process.js';
import { type RedisServer, startRedis } from '../bench/fixtures/redis-server.js';

const SOAK = ['--campaigns', '3', '--missions', '6', '--seed', '21', '--json'];
// Short locks, so the killed worker's campaign is found stalled in a second or two, not in 45 s.
const FAST_STALLS = ['--concurrency', '1', '--lock-duration', '2000', '--stalled-interval', '1000'];

describe('a nosh worker killed with kill -9 mid-campaign', () => {
  let redis: RedisServer;
  let victim: NoshProcess;
  let survivor: NoshProcess;
  beforeAll(async () => {
    redis = await startRedis();
    victim = startNosh(['worker', redis.url, ...FAST_STALLS]);
    await victim.waitFor(/waiting for campaigns/);
  });
  afterAll(async () => {
    await Promise.all([victim.stop('SIGKILL'), survivor?.stop()]);
    await redis.stop();
  });

  it('loses nothing: its campaign runs again on another worker, and the hashes are the local soak\'s', async () => {
    const local = nosh(['soak', ...SOAK]);
    const queued = startNosh(['soak', '--queue', redis.url, ...SOAK]);
    await victim.waitFor(/took seed (\d+)/);
    const seed = /took seed (\d+)/.exec(victim.output())?.[1];
    await victim.stop('SIGKILL');
    survivor = startNosh(['worker', redis.url, ...FAST_STALLS]);
    expect(await queued.exited()).toBe(0);
    const a = lastJson<{ hashes: string[]; violations: number }>((await local).stdout);
    const b = lastJson<{ hashes: string[]; violations: number }>(queued.output());
    expect(b.hashes).toEqual(a.hashes);
    expect(b.violations).toBe(a.violations);
    // The trace shows the re-run: the soak saw the stall, and the survivor says it took the campaign again.
    expect(victim.output()).not.toContain(`finished seed ${seed} `);
    expect(queued.output()).toContain(`seed ${seed} stalled`);
    expect(survivor.output()).toMatch(new RegExp(`took seed ${seed} of soak-\\w+ \\(attempt 1, again: the worker that had it stopped answering\\)`));
  });
});
