import { boardOf } from './board-facts.js';
import type { Invariant } from './invariant.js';
import { RecentIds } from './model/recent-ids.js';
import { RECENCY_WINDOW_MS } from './model/rules.js';

/**
 * Seed 004 §2.3, §3.2.3: while a cart that `:supersedes` a baseline is in a non-System tier (Inserted,
 * or Recent: seated within the recency window), the baseline's schemas drop to 5% of their weight.
 * The rule is about weights, so it is judged over the campaign: of the contracts made while their
 * baseline was superseded, no more may come from it than a SHARE of them plus four standard deviations
 * (and two for small numbers). Measured: 1–10% of them (about 4%) in clean soaks; 18–39% with the
 * baseline at full weight.
 */
export const SHARE = 0.05;
/** Contracts made before the share is judged: below this, chance decides too much. */
export const MIN_SAMPLE = 20;

/** The most contracts of `made` that may come from a superseded baseline by chance. */
export function allowed(made: number): number {
  return SHARE * made + 4 * Math.sqrt(SHARE * (1 - SHARE) * made) + 2;
}

export function supersedesFloor(): Invariant {
  const seen = new RecentIds();
  let made = 0;
  let fromSuperseded = 0;
  return {
    name: 'supersedes-floor',
    before(f, w) {
      const b = boardOf(f);
      if (b !== null) {
        for (const c of b.contracts) {
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          const superseded = [...w.content.supersedes].filter(([cart]) => cart === w.cart || c.createdAt - (w.cartsSeen.get(cart) ?? Number.NEGATIVE_INFINITY) <= RECENCY_WINDOW_MS);
          if (superseded.length === 0) continue;
          made++;
          if (superseded.some(([, baseline]) => w.content.schemaOwner.get(c.schema) === baseline)) fromSuperseded++;
        }
      }
      if (f.kind !== 'done' || made < MIN_SAMPLE) return null;
      const bound = allowed(made);
      return fromSuperseded <= bound ? null : `${fromSuperseded} of the ${made} contracts made while their baseline was superseded came from it (${((fromSuperseded / made) * 100).toFixed(1)}%; a 5% weight allows at most ${Math.floor(bound)})`;
    },
  };
}
