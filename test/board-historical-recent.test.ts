import { describe, expect, it } from 'vitest';
import { viewBoard } from '../src/mission-control/board-view.js';
import { RECENCY_WINDOW_MS } from '../src/mission-control/registry.js';
import { DAY, NOON, boardFor, moduleOf } from './helpers/mission-control.js';

describe('Historical and Recent carts on the board', () => {
  it('never generates a contract that needs a cart registered long ago (Historical)', () => {
    const longAgo = NOON - RECENCY_WINDOW_MS - DAY;
    let contracts = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const { uds } = boardFor({ seed, registered: [{ cart: 'depthcharge', lastSeen: longAgo }], inserted: 'black-ledger' });
      for (const e of uds.board) {
        contracts++;
        expect(moduleOf(e.schema)).not.toContain('depthcharge');
        // ledger-heist needs ICE BREAKER too, never registered here.
        expect(moduleOf(e.schema)).not.toContain('ice-breaker');
      }
    }
    expect(contracts).toBeGreaterThan(1500);
  });

  it('generates contracts that need a Recent cart, marked swapRequired, and inserted ones without', () => {
    let recentSeen = 0;
    let insertedSeen = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { uds, ctx } = boardFor({ seed, registered: [{ cart: 'depthcharge', lastSeen: NOON - DAY }], inserted: 'neongrid' });
      const views = viewBoard(uds, ctx);
      uds.board.forEach((e, i) => {
        const view = views[i];
        const modules = moduleOf(e.schema);
        if (modules.includes('depthcharge')) {
          recentSeen++;
          expect(view?.swapRequired).toBe(true);
          expect(view?.capabilities.some((c) => c.module === 'depthcharge' && !c.present)).toBe(true);
        } else {
          expect(view?.swapRequired).toBe(false);
        }
        if (modules.includes('neongrid')) insertedSeen++;
      });
    }
    expect(recentSeen).toBeGreaterThan(50);
    expect(insertedSeen).toBeGreaterThan(50);
  });

  it('a multi-cart schema composes only when every cart it needs is Inserted or Recent', () => {
    const found = (setup: Parameters<typeof boardFor>[0]): boolean => {
      for (let seed = 1; seed <= 400; seed++) if (boardFor({ ...setup, seed }).uds.board.some((e) => e.schema === 'encrypted-cache-recovery')) return true;
      return false;
    };
    expect(found({ seed: 0, inserted: 'depthcharge' })).toBe(false);
    expect(found({ seed: 0, inserted: 'depthcharge', registered: [{ cart: 'ice-breaker', lastSeen: NOON - DAY }] })).toBe(true);
    expect(found({ seed: 0, inserted: 'depthcharge', registered: [{ cart: 'ice-breaker', lastSeen: NOON - RECENCY_WINDOW_MS - 1 }] })).toBe(false);
  });
});
