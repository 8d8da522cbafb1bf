import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';
import { queueFixture } from './helpers/queue-fixture.js';

interface SoakLine {
  hashes: Array<string | null>;
  violations: number;
  missions: number;
  details?: Array<{ seed: number; replay: string }>;
}

// The soak skims a credit (--skim-credit), so every campaign has violations, with replay commands, to compare too.
const SOAK = ['--campaigns', '4', '--missions', '2', '--seed', '5', '--skim-credit', '1', '--json'];

describe('nosh soak --queue, served by two nosh worker processes', () => {
  const q = queueFixture(2);

  it('prints the hashes, violations and replay commands of the local soak with the same seed and config', async () => {
    const [local, queued] = await Promise.all([nosh(['soak', ...SOAK]), nosh(['soak', '--queue', q.redis.url, ...SOAK])]);
    const a = lastJson<SoakLine>(local.stdout);
    const b = lastJson<SoakLine>(queued.stdout);
    expect(a.violations).toBeGreaterThan(0);
    expect(b.hashes).toEqual(a.hashes);
    expect(b.violations).toBe(a.violations);
    expect(b.missions).toBe(a.missions);
    expect(b.details).toEqual(a.details);
    expect(queued.code).toBe(local.code);
    // Both workers took campaigns, and each campaign was played once.
    const took = q.workers.map((w) => (w.output().match(/took seed/g) ?? []).length);
    expect(took.every((n) => n > 0)).toBe(true);
    expect(took.reduce((x, y) => x + y, 0)).toBe(4);
  });
});
