import { describe, expect, it } from 'vitest';
import { runCampaign, runSoak } from '../src/index.js';

/**
 * The same seed gives the same trace hash whatever the placement and
 * however many pool workers play it: 20 deck campaigns, each played on a
 * soak of one worker, a soak of two, and alone on threads (an actor per worker).
 */
const FIRST_SEED = 4_200;
const CAMPAIGNS = 20;
const MISSIONS = 2;

describe('a deck campaign’s trace hash does not depend on where it runs', () => {
  const soak = (workers: number) => runSoak({ campaigns: CAMPAIGNS, missions: MISSIONS, workers, seed: FIRST_SEED, faults: null, skimCredit: null });
  let bySeed = new Map<number, string>();

  it('a soak on one worker and on two give the same 20 hashes, in seed order, and no two seeds share one', async () => {
    const one = await soak(1);
    const two = await soak(2);
    for (const r of [one, two]) {
      expect(r.failures).toEqual([]);
      expect(r.violations).toBe(0);
      expect(r.summaries.map((s) => s.seed)).toEqual(Array.from({ length: CAMPAIGNS }, (_, i) => FIRST_SEED + i));
    }
    expect(two.summaries.map((s) => s.traceHash)).toEqual(one.summaries.map((s) => s.traceHash));
    bySeed = new Map(one.summaries.map((s) => [s.seed, String(s.traceHash)]));
    expect(new Set(bySeed.values()).size).toBe(CAMPAIGNS);
  });

  it('each of the 20 seeds played on threads (every actor on its own worker) hashes as the soak’s inline play of it', async () => {
    expect(bySeed.size).toBe(CAMPAIGNS);
    for (const [seed, hash] of bySeed) {
      const threads = await runCampaign({ seed, missions: MISSIONS, placement: 'threads' });
      expect({ seed, hash: threads.traceHash, missions: threads.missions }).toEqual({ seed, hash, missions: MISSIONS });
    }
  });
});
