import { describe, expect, it } from 'vitest';
import { TICK_BUDGET_US, boardSuite } from '../bench/board.js';
import { lastJson, nosh } from './helpers/cli.js';

describe('bench board', () => {
  it('reports board generation against a UDS clone and the tick budget, measured in the same run', async () => {
    const f = await boardSuite(400);
    expect(Object.keys(f).sort()).toEqual(['boardGenColdUs', 'boardGenP99Us', 'boardGenTickFraction', 'boardGenUs', 'boardGenVsCloneRatio', 'targetUs', 'tickBudgetUs', 'udsCloneUs']);
    expect(f.boardGenUs).toBeGreaterThan(0);
    expect(f.udsCloneUs).toBeGreaterThan(0);
    expect(f.tickBudgetUs).toBeCloseTo(TICK_BUDGET_US, 1);
    expect(f.boardGenTickFraction).toBeCloseTo((f.boardGenUs as number) / TICK_BUDGET_US, 3);
    // A loose bound that still catches a gross regression on a noisy 2-core CI machine (the target is 333 µs).
    expect(f.boardGenUs).toBeLessThan(10 * (f.targetUs as number));
  });

  it('nosh bench board --json prints {"board":{…}} last', async () => {
    const r = await nosh(['bench', 'board', '--json'], { timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    const out = lastJson<{ board: Record<string, number> }>(r.stdout);
    expect(Object.keys(out)).toEqual(['board']);
    expect(out.board.boardGenUs).toBeGreaterThan(0);
  });
});
