import { BONUS_BITS, type ProvenanceRecord } from '../deck/uds.js';

/** How many recent runs the skill signal looks at. */
export const SKILL_WINDOW = 8;

/**
 * The operator skill signal (seed 004 §3.1: "derived from recent run
 * outcomes: threat levels attempted, trace levels, speed bonuses earned"), in
 * [0, 1]. Decision: each of the last SKILL_WINDOW runs scores
 *   success:   0.5 × threat/6 + 0.3 × (1 − trace/100) + 0.1 × speed + 0.1 × stealth
 *   failure:   0.1 × threat/6 (attempting hard work still says something)
 *   abandoned: 0
 * and the signal is their mean, with missing runs (a new deck) counting 0, so
 * a deck earns its way up instead of starting hot.
 */
export function skillSignal(provenance: readonly ProvenanceRecord[]): number {
  const recent = provenance.slice(-SKILL_WINDOW);
  let sum = 0;
  for (const r of recent) {
    const threat = Math.min(1, r.threat / 6);
    if (r.outcome === 'success') {
      sum += 0.5 * threat + 0.3 * (1 - r.trace / 100) + ((r.bonuses & BONUS_BITS.speed) !== 0 ? 0.1 : 0) + ((r.bonuses & BONUS_BITS.stealth) !== 0 ? 0.1 : 0);
    } else if (r.outcome === 'failure') {
      sum += 0.1 * threat;
    }
  }
  return sum / SKILL_WINDOW;
}
