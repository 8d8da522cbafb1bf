import { boardOf } from './board-facts.js';
import { BOARD_MAX, BOARD_MIN } from './model/rules.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 004 §4.1: the board presents 3–5 contracts. Decision (docs/soak.md): it is held to that between
 * runs; while a mission runs the accepted contract has left it and the board is not refreshed until the
 * run ends, so it may show fewer.
 */
export function boardSize(): Invariant {
  return {
    name: 'board-size',
    after(f, w) {
      const b = boardOf(f);
      if (b === null || w.mission !== null) return null;
      const n = b.contracts.length;
      return n >= BOARD_MIN && n <= BOARD_MAX ? null : `the board holds ${n} contracts (${BOARD_MIN}–${BOARD_MAX} allowed)`;
    },
  };
}
