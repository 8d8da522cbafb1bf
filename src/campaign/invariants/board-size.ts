import { BOARD_MAX, BOARD_MIN } from '../../deck/limits.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 004 §4.1: the board presents 3–5 contracts. It is presented between
 * runs; while a mission runs the accepted contract has left it and it is not
 * refreshed until the run ends, so only boards without a running mission
 * are held to the rule.
 */
export function boardSize(): Invariant {
  return {
    name: 'board-size',
    check(f) {
      if (f.kind !== 'commit' || f.uds === null || f.uds.active !== null) return null;
      const n = f.uds.board.length;
      return n >= BOARD_MIN && n <= BOARD_MAX ? null : `the board holds ${n} contracts (${BOARD_MIN}–${BOARD_MAX} allowed)`;
    },
  };
}
