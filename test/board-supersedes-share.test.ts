import { describe, expect, it } from 'vitest';
import { SUPERSEDED_WEIGHT } from '../src/mission-control/registry.js';
import { boardFor, moduleOf } from './helpers/mission-control.js';

const SEEDS = 1000;

/** Contracts drawn by weight (Opportunities come from a separate window, not the weighted draw). */
function tally(insert: string | null): { terminal: number; otherBaselines: number; all: number; maxThreat: number } {
  const t = { terminal: 0, otherBaselines: 0, all: 0, maxThreat: 0 };
  for (let seed = 1; seed <= SEEDS; seed++) {
    for (const e of boardFor({ seed, inserted: insert }).uds.board) {
      t.maxThreat = Math.max(t.maxThreat, e.threat);
      if (e.category === 'opportunity') continue;
      t.all++;
      const m = moduleOf(e.schema);
      if (m.length === 1 && m[0] === 'terminal') t.terminal++;
      else if (m.every((x) => x === 'grid' || x === 'audit' || x === 'sonar')) t.otherBaselines++;
    }
  }
  return t;
}

describe(':supersedes — ICE BREAKER in the slot', () => {
  const before = tally(null);
  const after = tally('ice-breaker');

  it('lets contracts reach threat 6 (ICE BREAKER :threat-cap 6), where the baselines stop at 2', () => {
    expect(before.maxThreat).toBe(2);
    expect(after.maxThreat).toBe(6);
  });

  it('drops TERMINAL to about 5% of its former share, measured against the baselines it does not supersede', () => {
    // GRID, AUDIT and SONAR keep their weights, so TERMINAL's odds against them
    // isolate the supersedes factor from the share ICE BREAKER's own schemas take.
    const oddsBefore = before.terminal / before.otherBaselines;
    const oddsAfter = after.terminal / after.otherBaselines;
    const ratio = oddsAfter / oddsBefore;
    // Tolerance: `after.terminal` is a binomial count with an expectation of
    // about 5% × oddsBefore × otherBaselines ≈ 45 over 1,000 seeds, so one
    // standard deviation is about √45 ≈ 6.7, 15% of it. Four of them either
    // side (±60%) keeps a correct build from flaking, and still fails a build
    // that drops the weight to 0 or leaves it anywhere near 100%.
    const expected = SUPERSEDED_WEIGHT * oddsBefore * after.otherBaselines;
    const sd = Math.sqrt(expected);
    expect(after.terminal).toBeGreaterThan(expected - 4 * sd);
    expect(after.terminal).toBeLessThan(expected + 4 * sd);
    expect(ratio).toBeGreaterThan(0.02);
    expect(ratio).toBeLessThan(0.08);
    // The plain share of the whole board falls further, since ICE BREAKER's own schemas now compete too.
    expect(after.terminal / after.all).toBeLessThan(0.05 * (before.terminal / before.all) * 1.6);
  });
});
