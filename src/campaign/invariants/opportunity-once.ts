import { boardOf, label } from './board-facts.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 004 §3.4: an Opportunity, once gone from the board (taken or expired), never comes back on the
 * same seed. Judged after the model took the board in: after a boot, "gone" is what the commit the deck
 * booted from knew (a board that left in a commit a power cut lost never left).
 */
export function opportunityOnce(): Invariant {
  return {
    name: 'opportunity-once',
    after(f, w) {
      const b = boardOf(f);
      if (b === null) return null;
      const back = b.contracts.find((c) => c.opportunityKey !== 0 && w.gone.has(c.opportunityKey));
      return back ? `${label(back.id)} (:${back.schema}) spends opportunity ${back.opportunityKey}, which already left the board` : null;
    },
  };
}
