import { boardOf, label } from './board-facts.js';
import { DECAY_SLACK_MS } from './model/rules.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 004 §3.3: a contract whose TTL ran out is gone from the board, whether the deck was on or off:
 * at a boot, every expired contract is reaped; while the deck runs, within one decay interval
 * (30 s of deck time, docs/mission-control.md).
 */
export function ttlReaping(): Invariant {
  return {
    name: 'ttl-reaping',
    after(f) {
      const b = boardOf(f);
      if (b === null) return null;
      const slack = b.boot ? 0 : DECAY_SLACK_MS;
      const late = b.contracts.find((c) => c.expiresAt !== null && c.expiresAt + slack < b.at);
      return late ? `${label(late.id)} expired ${Math.round((b.at - (late.expiresAt as number)) / 1000)} s ago and is still on the board${b.boot ? ' after a boot' : ''}` : null;
    },
  };
}
