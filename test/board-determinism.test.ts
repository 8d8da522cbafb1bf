import { describe, expect, it } from 'vitest';
import { encodeUds } from '../src/deck/uds-codec.js';
import { boardJson, viewBoard } from '../src/mission-control/board-view.js';
import { renderBoard } from '../src/mission-control/render-board.js';
import { DAY, NOON, boardFor } from './helpers/mission-control.js';

const setup = { inserted: 'ice-breaker', registered: [{ cart: 'black-ledger', lastSeen: NOON - DAY }] };

describe('board determinism', () => {
  it('same UDS + seed ⇒ the same board, byte for byte (state, view and text)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const a = boardFor({ seed, ...setup });
      const b = boardFor({ seed, ...setup });
      expect(encodeUds(a.uds)).toEqual(encodeUds(b.uds));
      expect(JSON.stringify(boardJson(viewBoard(a.uds, a.ctx, true)))).toBe(JSON.stringify(boardJson(viewBoard(b.uds, b.ctx, true))));
      expect(renderBoard(viewBoard(a.uds, a.ctx), 0, 'ice-breaker')).toEqual(renderBoard(viewBoard(b.uds, b.ctx), 0, 'ice-breaker'));
      expect(a.events).toEqual(b.events);
    }
  });

  it('a different seed gives a different board', () => {
    const boards = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) boards.add(JSON.stringify(boardJson(viewBoard(boardFor({ seed, ...setup }).uds, boardFor({ seed, ...setup }).ctx))));
    expect(boards.size).toBe(50);
  });

  it('a contract reads the same whatever else changed in the UDS (its content comes from its own seed)', () => {
    const a = boardFor({ seed: 9, ...setup });
    const richer = { ...a.uds, creditBalance: 1_000_000, reputation: 500 };
    expect(viewBoard(richer, a.ctx).map((c) => [c.target, c.brief])).toEqual(viewBoard(a.uds, a.ctx).map((c) => [c.target, c.brief]));
  });
});
