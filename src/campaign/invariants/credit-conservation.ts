import { figuresDiffer, ledgerFrom } from './model/ledger.js';
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
      const problem = figuresDiffer(w.ledger, f.figures);
      // One discrepancy is one violation: the books carry on from the deck's, so a skimmed credit is not reported at every later report.
      if (problem !== null) w.ledger = { ...ledgerFrom(f.figures), obligations: w.ledger.obligations };
      return problem;
    },
  };
}
