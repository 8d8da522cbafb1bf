import { obligationsDiffer, paymentsDiffer } from './model/ledger.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 003 §3.2 and docs/economy.md: a clean success leaves its `:deferred` and `:recurring` rewards
 * owing; a check-in pays each obligation earned in an earlier session once per session — a deferred one
 * once, in full; a recurring one at most four times — and a full ledger settles its oldest at once.
 */
export function checkIns(): Invariant {
  return {
    name: 'check-ins',
    after(f, w) {
      if (f.kind === 'check-in') {
        const forced = f.paid.filter((p) => p.forced);
        if (forced.length > 0) return paymentsDiffer(w.settled?.forced ?? [], forced);
        return paymentsDiffer(w.paid, f.paid) ?? obligationsDiffer(w.ledger, f.figures);
      }
      // One discrepancy is one violation: the checker carries the obligations on from the deck's afterwards (World.adopt).
      if (f.kind === 'settled') return obligationsDiffer(w.ledger, f.figures);
      return null;
    },
  };
}
