import { describe, expect, it } from 'vitest';
import { openLiveDeck } from '../src/campaign/live-deck.js';
import { evaluateSource } from '../src/lisp/evaluator.js';
import { print } from '../src/lisp/printer.js';
import { type Cons, Keyword, LispMap, Sym, type Value, listToArray } from '../src/lisp/values.js';

const kw = (n: string): Keyword => new Keyword(n);
const get = (m: Value, k: string): Value => (m instanceof LispMap ? (m.get(kw(k)) ?? null) : null);
const name = (v: Value): string => (v instanceof Sym || v instanceof Keyword ? v.name : String(v));
const BUCKETS = ['banked', 'paid-at-resolve', 'deferred', 'recurring', 'forfeited', 'unearned'];

describe('(settlement): the last settlement with a line per reward, and (status) every currency', () => {
  it.each([
    ['a mission with a goal done and the rest left open', "(goal-complete 'breach) (complete-mission)"],
    ['an abandoned mission', '(abandon-mission "test")'],
  ])('%s: each line names its goal, final state, bucket and why, and the lines add up to the summary', async (_what, play) => {
    const deck = await openLiveDeck({ seed: 3, placement: 'inline', out: () => {} });
    try {
      expect(await evaluateSource('(settlement)', deck.env)).toBeNull();
      await evaluateSource(play, deck.env);
      const s = await evaluateSource('(settlement)', deck.env);
      const lines = listToArray(get(s, 'lines') as Cons | null) as Value[];
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) {
        expect(typeof get(l, 'why'), print(l)).toBe('string');
        expect(String(get(l, 'why')).length).toBeGreaterThan(5);
        expect(get(l, 'state')).toBeInstanceOf(Keyword);
        expect(BUCKETS).toContain(name(get(l, 'bucket')));
      }
      for (const currency of ['¤', 'rep', 'intel']) {
        for (const bucket of BUCKETS) {
          const sum = lines.filter((l) => name(get(l, 'currency')) === currency && name(get(l, 'bucket')) === bucket).reduce<number>((n, l) => n + (get(l, 'amount') as number), 0);
          expect(sum, `${currency} ${bucket}`).toBe(get(get(s, currency), bucket));
        }
      }
      const plain = await evaluateSource('(status)', deck.env);
      expect(typeof get(plain, 'intel')).toBe('number');
      const all = await evaluateSource('(status :all)', deck.env);
      expect(get(all, 'intel')).toBe(get(plain, 'intel'));
      expect(get(all, 'credits')).toBe(get(await evaluateSource('(status)', deck.env), 'credits'));
      expect((all as LispMap).has(kw('access'))).toBe(true);
    } finally {
      await deck.close();
    }
  });
});
