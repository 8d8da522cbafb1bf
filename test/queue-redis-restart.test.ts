import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';
import { startNosh } from './helpers/nosh-process.js';
import { queueFixture } from './helpers/queue-fixture.js';

const SOAK = ['--campaigns', '3', '--missions', '20', '--seed', '60', '--json'];

describe('redis-server restarted under a nosh worker and a queued soak', () => {
  const q = queueFixture();

  it('loses nothing: the worker reconnects and takes the rest, and the soak completes with the local hashes', async () => {
    const local = nosh(['soak', ...SOAK]);
    const queued = startNosh(['soak', '--queue', q.redis.url, ...SOAK]);
    // At once, while the worker plays its first campaign (its threads still warming up) and the rest wait in Redis.
    await q.worker.waitFor(/took seed/);
    await q.redis.restart();
    expect(await queued.exited()).toBe(0);
    expect(lastJson<{ hashes: string[] }>(queued.output()).hashes).toEqual(lastJson<{ hashes: string[] }>((await local).stdout).hashes);
    expect(q.worker.output()).toMatch(/lost Redis at redis:\/\/127\.0\.0\.1:\d+/);
    expect(q.worker.output()).toContain('is back; taking campaigns again');
    // After the restart the worker took campaigns again (it did not sit connected and idle).
    const afterRestart = q.worker.output().slice(q.worker.output().indexOf('is back'));
    expect(afterRestart).toMatch(/took seed|finished seed/);
  });
});
