import { type GoalState, isLegalTransition } from '../../objectives/index.js';
import type { Invariant } from './invariant.js';

/** Every goal change the deck reports is an edge of seed 003 §2.2's state machine. */
export function legalTransitions(): Invariant {
  return {
    name: 'legal-transitions',
    check(f) {
      if (f.kind !== 'goal') return null;
      return isLegalTransition(f.from as GoalState, f.to as GoalState) ? null : `goal ${f.goal} went ${f.from} → ${f.to}, which §2.2 does not allow`;
    },
  };
}
