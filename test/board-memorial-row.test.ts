import { describe, expect, it } from 'vitest';
import { openLiveDeck } from '../src/campaign/live-deck.js';
import { evaluateSource } from '../src/lisp/evaluator.js';
import { print } from '../src/lisp/printer.js';

/** Seed 004 §2.2: a Historical cart is "visible to operator as memorial / re-insert affordance". */
describe('the board shows Historical carts as a memorial row with a re-insert hint', () => {
  it('a cart pulled and not seen for over a week is on the board frame, with how to bring it back', async () => {
    const deck = await openLiveDeck({ seed: 3, placement: 'inline', out: () => {} });
    const boards: string[][] = [];
    deck.runtime.external$.subscribe((e) => {
      if (e.kind === 'deck/event' && (e.body as { type: string }).type === 'board') boards.push((e.body as { lines: string[] }).lines);
    });
    try {
      await evaluateSource('(abandon-mission "to swap")', deck.env);
      expect(print(await evaluateSource('(insert-cart :neongrid)', deck.env))).toBe(':neongrid');
      await evaluateSource('(board)', deck.env);
      // Just pulled, ICE BREAKER is Recent: no memorial yet.
      expect(boards.at(-1)?.some((l) => l.startsWith('IN MEMORIAM'))).toBe(false);
      expect(print(await evaluateSource('(power-off (* 8 24))', deck.env))).toBe(':ready');
      await evaluateSource('(board)', deck.env);
      const row = boards.at(-1)?.find((l) => l.startsWith('IN MEMORIAM')) ?? '';
      expect(row).toMatch(/^IN MEMORIAM {2}ICE BREAKER {2}.*re-insert.*\(insert-cart :ice-breaker\)$/);
      // Re-inserting it brings it back: it leaves the memorial.
      await evaluateSource('(insert-cart :ice-breaker)', deck.env);
      await evaluateSource('(board)', deck.env);
      expect(boards.at(-1)?.find((l) => l.startsWith('IN MEMORIAM')) ?? '').not.toContain('ICE BREAKER');
    } finally {
      await deck.close();
    }
  });
});
