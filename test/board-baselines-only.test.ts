import { describe, expect, it } from 'vitest';
import { BOARD_MAX, BOARD_MIN } from '../src/deck/limits.js';
import { boardFor, catalog, moduleOf } from './helpers/mission-control.js';

const BASELINES = new Set(['terminal', 'grid', 'audit', 'sonar']);

describe('a deck with nothing registered', () => {
  it('over 1,000 seeds holds only baseline contracts: threat ≤ 2 (≤ 1 GRID-only), all single-phase', () => {
    let contracts = 0;
    const seenThreat = new Set<number>();
    const seenSchemas = new Set<string>();
    for (let seed = 1; seed <= 1000; seed++) {
      const { uds } = boardFor({ seed });
      expect(uds.board.length).toBeGreaterThanOrEqual(BOARD_MIN);
      expect(uds.board.length).toBeLessThanOrEqual(BOARD_MAX);
      for (const e of uds.board) {
        contracts++;
        const modules = moduleOf(e.schema);
        expect(modules.every((m) => BASELINES.has(m)), e.schema).toBe(true);
        expect(e.threat).toBeLessThanOrEqual(modules.every((m) => m === 'grid') ? 1 : 2);
        expect(e.phases).toBe(1);
        seenThreat.add(e.threat);
        seenSchemas.add(e.schema);
      }
    }
    expect(contracts).toBeGreaterThan(3000);
    // Both threat levels occur, and every baseline schema shows up: the bound is a clip, not a constant.
    expect([...seenThreat].sort()).toEqual([1, 2]);
    const baselineSchemas = catalog().schemas.filter((s) => s.providers.every((m) => m.system)).map((s) => s.schema.name);
    expect([...seenSchemas].sort()).toEqual(baselineSchemas.sort());
  });
});
