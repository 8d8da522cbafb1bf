import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LispDataError, MAX_DATA_DEPTH, dataProblem, fromData, isLispData, toData } from '../src/lisp/data.js';
import { createEnv } from '../src/lisp/builtins.js';
import { equal } from '../src/lisp/equal.js';
import { evaluateSource } from '../src/lisp/evaluator.js';
import { read, readAll } from '../src/lisp/reader.js';
import { Keyword, LispMap, Sym, type Value, Vec, list } from '../src/lisp/values.js';

/** Lisp values cross between actors as Lisp data (src/lisp/data.ts): plain, clonable, hashable, and back again unchanged. */
describe('Lisp data', () => {
  const roundTrip = (v: Value): Value => fromData(structuredClone(toData(v)));

  it('carries every readable value there and back, through a structured clone, equal to what was sent', () => {
    const files = ['actors/mission-runner/autopilot.lisp', 'actors/cartridge/games/ice-breaker/glass-payroll.lisp'];
    for (const f of files) {
      for (const form of readAll(readFileSync(f, 'utf8'), { source: f })) expect(equal(roundTrip(form), form)).toBe(true);
    }
    const odd: Value[] = [null, true, false, 0, -1.5, 2 ** 53 - 1, '', '"quoted"', ':not-a-keyword', "'not-a-symbol", new Keyword('¤'), new Sym('a b'), new Vec([]), LispMap.EMPTY, LispMap.fromPairs([[1, 'one'], ['s', new Keyword('k')], [true, null], [new Sym('x'), list(1, 2)]])];
    for (const v of odd) expect(equal(roundTrip(v), v)).toBe(true);
  });

  it('keeps atoms as JS primitives: a keyword is ":name", a symbol "\'name", a string its text after a quote, a list an array', () => {
    expect(toData(read('(:open exfil "Exfil the ledger" 3 nil [1] {:a 1})'))).toEqual([':open', "'exfil", '"Exfil the ledger', 3, null, { v: [1] }, { m: [':a', 1] }]);
    expect(toData(null)).toBeNull();
  });

  it('refuses what is not data where it is made: functions, non-finite numbers, nesting past its bound', async () => {
    const env = createEnv();
    const fn = await evaluateSource('(lambda (x) x)', env);
    expect(() => toData(list(1, fn))).toThrow(LispDataError);
    expect(() => toData(Number.NaN)).toThrow(LispDataError);
    expect(() => toData(Number.POSITIVE_INFINITY)).toThrow(LispDataError);
    let deep: Value = 1;
    for (let i = 0; i <= MAX_DATA_DEPTH; i++) deep = list(deep);
    expect(() => toData(deep)).toThrow(/deeper than/);
    expect(() => toData(new Keyword(''))).toThrow(LispDataError);
  });

  it('refuses what is not data where it arrives, naming why, without building anything to check it', () => {
    const bad: Array<[unknown, RegExp]> = [
      ['plain', /starts with/],
      [':', /a name of 0 characters/],
      [{ x: [] }, /\{ v: \[\.\.\.\] \}/],
      [{ v: [], m: [] }, /\{ v: \[\.\.\.\] \}/],
      [{ m: [':a'] }, /in pairs/],
      [{ m: [[1], 2] }, /a map key is an atom/],
      [[1, undefined], /undefined is not Lisp data/],
      [Number.NaN, /not finite/],
      [() => 1, /function is not Lisp data/],
    ];
    for (const [d, why] of bad) {
      expect(isLispData(d)).toBe(false);
      expect(dataProblem(d)).toMatch(why);
      expect(() => fromData(d)).toThrow(LispDataError);
    }
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_DATA_DEPTH; i++) deep = [deep];
    expect(dataProblem(deep)).toMatch(/deeper than/);
  });
});
