import type { Invariant } from './invariant.js';

/**
 * Seed 003 §5: a mission succeeds iff every briefed primary not voided by a branch is done; a failed or
 * forfeited primary fails it whatever the operator asks; abandoning is its own, smaller, outcome.
 */
export function missionOutcome(): Invariant {
  return {
    name: 'mission-outcome',
    after(f, w) {
      if (f.kind !== 'settled' || w.settled === null) return null;
      return f.outcome === w.settled.outcome ? null : `the deck settled ${w.settled.mission.label} as ${f.outcome}; by its goals it is a ${w.settled.outcome}`;
    },
  };
}
