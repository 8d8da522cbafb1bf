import { boardOf, label } from './board-facts.js';
import { RECENCY_WINDOW_MS } from './model/rules.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 004 §2.2: only System, Inserted and Recent modules compose; a cart last seated more than the
 * recency window (7 days, docs/mission-control.md) before a contract was made is Historical and never
 * contributes to it. Each contract is judged when it first appears, by the carts seen until then.
 */
export function noHistorical(): Invariant {
  return {
    name: 'no-historical',
    before(f, w) {
      const b = boardOf(f);
      if (b === null) return null;
      for (const c of b.contracts) {
        if (w.seen.has(c.id)) continue;
        const stale = w.content.contributors(c.schema).filter((m) => {
          if (m.system || m.name === w.cart) return false;
          const seen = w.cartsSeen.get(m.name);
          return seen === undefined || c.createdAt - seen > RECENCY_WINDOW_MS;
        });
        if (stale.length > 0) return `${label(c.id)} (:${c.schema}) is composed from ${stale.map((m) => `${m.name} (${w.cartsSeen.has(m.name) ? 'Historical' : 'never seated'})`).join(', ')}`;
      }
      return null;
    },
  };
}
