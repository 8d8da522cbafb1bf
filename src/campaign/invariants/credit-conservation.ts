import { figuresDiffer } from './model/ledger.js';
import type { Invariant } from './invariant.js';

/**
 * The books balance at every report of them (seed 003 §3, §5; docs/economy.md): ¤, reputation and
 * intel move only by the rewards the rules pay (`:on-complete` when a goal is done, escrow on a clean
 * success, obligations at check-ins) and the outcome's reputation, by the model's own count.
 */
export function creditConservation(): Invariant {
  return {
    name: 'credit-conservation',
    after(f, w) {
      if (f.kind !== 'settled' && f.kind !== 'check-in') return null;
      // One discrepancy is one violation: the checker carries the books on from the deck's afterwards (World.adopt).
      return figuresDiffer(w.ledger, f.figures);
    },
  };
}
