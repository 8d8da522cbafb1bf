import { describe, expect, it } from 'vitest';
import { loadMutants, tryMutant } from './mutants/run-mutants.js';

/**
 * CI's share of `npm run mutants`: a fixed sample of three mutants from different rule
 * families, each applied to a scratch copy of the built project and soaked with faults.
 * Each must be caught, and its printed replay command must reproduce the finding.
 */
const SAMPLE = ['abandon-penalty-skipped', 'refused-commit-not-retried', 'voids-skip-open-goals'];

describe('a fixed sample of the mutation suite', () => {
  it('the catalogue holds at least 20 mutants, each naming its family, its bug and what should catch it', () => {
    const all = loadMutants();
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const m of all) {
      expect(m.family, m.id).not.toBe('');
      expect(m.bug, m.id).not.toBe('');
      expect(m.expect.length, m.id).toBeGreaterThan(0);
    }
    for (const id of SAMPLE) expect(all.map((m) => m.id)).toContain(id);
  });

  it.each(SAMPLE)('%s is caught, and its replay reproduces it', async (id) => {
    const m = loadMutants().find((x) => x.id === id);
    if (!m) throw new Error(`no mutant ${id}`);
    const r = await tryMutant(m);
    expect(r.caught, r.note).toBe(true);
    expect(r.replayed, r.note).toBe(true);
  }, 300_000);
});
