import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startNosh } from './helpers/nosh-process.js';
import { queueFixture } from './helpers/queue-fixture.js';

describe('Redis wiped in the middle of a queued soak', () => {
  const q = queueFixture();

  it('is reported with the campaigns it lost, exit 1, and no result line', async () => {
    const queued = startNosh(['soak', '--queue', q.redis.url, '--campaigns', '4', '--missions', '3', '--seed', '80', '--json']);
    await q.worker.waitFor(/finished seed/);
    expect(spawnSync('redis-cli', ['-p', String(q.redis.port), 'FLUSHALL']).status).toBe(0);
    expect(await queued.exited()).toBe(1);
    expect(queued.output()).toMatch(/lost soak soak-[0-9a-f]{16} mid-run .*: [1-4] of 4 campaigns lost before they answered \(seeds [\d–, ]+\), and the results of the [0-3] that had answered went with it/);
    expect(queued.output()).not.toMatch(/"hashes"/);
  });
});
