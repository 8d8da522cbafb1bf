import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';
import { queueFixture } from './helpers/queue-fixture.js';

const SOAK = ['--campaigns', '3', '--missions', '2', '--seed', '40', '--json'];

describe('submitting the same queued soak again', () => {
  const q = queueFixture(1, ['--concurrency', '2']);

  it('returns the same result without running any campaign, and --attach finds it by its id', async () => {
    const first = await nosh(['soak', '--queue', q.redis.url, ...SOAK]);
    expect(first.code).toBe(0);
    const soakId = /queued as (soak-[0-9a-f]{16})/.exec(first.stderr)?.[1];
    expect(soakId).toBeDefined();
    const taken = (q.worker.output().match(/took seed/g) ?? []).length;
    expect(taken).toBe(3);

    const again = await nosh(['soak', '--queue', q.redis.url, ...SOAK]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`${soakId} is already on`);
    expect(lastJson<{ hashes: string[] }>(again.stdout).hashes).toEqual(lastJson<{ hashes: string[] }>(first.stdout).hashes);

    const attached = await nosh(['soak', '--queue', q.redis.url, '--attach', soakId ?? '', '--json']);
    expect(attached.code).toBe(0);
    expect(lastJson<{ hashes: string[] }>(attached.stdout).hashes).toEqual(lastJson<{ hashes: string[] }>(first.stdout).hashes);
    // Nothing ran again for either.
    expect((q.worker.output().match(/took seed/g) ?? []).length).toBe(taken);
  });
});
