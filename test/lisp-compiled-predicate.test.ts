import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEnv } from '../src/lisp/builtins.js';
import { type PredicateValue, type PredicateVars, compilePredicate } from '../src/lisp/compile-predicate.js';
import { LispError } from '../src/lisp/errors.js';
import { evaluateMaybeAsync } from '../src/lisp/evaluator.js';
import { MAX_PREDICATE_NODES } from '../src/lisp/limits.js';
import { read, readAll } from '../src/lisp/reader.js';
import { type Cons, Keyword, type Value, listToArray, truthy } from '../src/lisp/values.js';

const VARS = ['trace', 'timer', 'phase'];

function compileError(source: string, known = VARS): LispError {
  try {
    compilePredicate(source, known);
  } catch (err) {
    expect(err).toBeInstanceOf(LispError);
    return err as LispError;
  }
  throw new Error(`expected ${source} not to compile`);
}

describe('compiled :hold predicates', () => {
  it('check a variables record synchronously and return a boolean', () => {
    const hold = compilePredicate('(and (< trace 50) (>= timer 0))', ['trace', 'timer']);
    const results = [
      hold({ trace: 49, timer: 0 }),
      hold({ trace: 50, timer: 0 }),
      hold({ trace: 10, timer: -1 }),
    ];
    expect(results).toEqual([true, false, false]);
    expect(typeof results[0]).toBe('boolean');
  });

  it.each([
    ['(< 10 trace 60)', { trace: 30 }, true],
    ['(< 10 trace 60)', { trace: 60 }, false],
    ['(>= trace timer)', { trace: 3, timer: 3 }, true],
    ['(or (> trace 75) (not (< timer 100)))', { trace: 0, timer: 100 }, true],
    ['(= phase :exfil)', { phase: new Keyword('exfil') }, true],
    ['(= phase :exfil)', { phase: new Keyword('breach') }, false],
    ['(not= phase :exfil)', { phase: 'exfil' }, true],
    ['(< (+ trace (* 2 timer)) 50)', { trace: 10, timer: 20 }, false],
    ['(< (- trace) (/ timer 4) (mod 7 5) (max 2 3))', { trace: 1, timer: 4 }, true],
    ['(and)', {}, true],
    ['(or)', {}, false],
    ['nil', {}, false],
    [':always', {}, true],
    ['phase', { phase: null }, false],
    ['(= (and trace timer) timer)', { trace: 1, timer: 2 }, true],
    ['(and false (< missing-is-fine-when-short-circuited 1))', {}, false],
  ] as [string, PredicateVars, boolean][])('%s with %j is %s', (source, vars, expected) => {
    const known = [...VARS, 'missing-is-fine-when-short-circuited'];
    expect(compilePredicate(source, known)(vars)).toBe(expected);
  });

  it('an unknown variable is a compile-time error naming the symbol and its line:col', () => {
    const err = compileError('(and (< trace 50)\n     (>= timre 0))', ['trace', 'timer']);
    expect(err.kind).toBe('unbound');
    expect(err.pos).toEqual({ line: 2, col: 10 });
    expect(err.message).toBe('2:10: unknown variable timre in predicate (known: timer, trace)');
  });

  it('compiles a :hold read out of a goal cell, positions and all', () => {
    const glass = readFileSync(new URL('fixtures/seed-003-glass-payroll.lisp', import.meta.url), 'utf8');
    const ghost = readAll(glass, 'glass.lisp')[1] as Cons;
    const cell = listToArray(ghost);
    const hold = cell[cell.findIndex((x) => x instanceof Keyword && x.name === 'hold') + 1] as Value;
    expect(compilePredicate(hold, ['trace'])({ trace: 49 })).toBe(true);
    expect(compilePredicate(hold, ['trace'])({ trace: 50 })).toBe(false);
    expect(() => compilePredicate(hold, ['timer'])).toThrow(/^glass\.lisp:11:91: unknown variable trace/);
  });

  it.each([
    ['(if (< trace 1) true false)', 'if is not available in a predicate'],
    ['(load-capability :ice-breaker)', 'load-capability is not available'],
    ['(< trace :high)', 'expected a number in predicate, found :high'],
    ['(+ trace (< 1 2))', 'expected a number'],
    ['(< trace)', '< expects at least 2 arguments, got 1'],
    ['(not trace timer)', 'not expects 1 arguments, got 2'],
    ['[trace]', 'expected a truth value'],
    ['(< trace', 'unterminated list'],
  ])('%s does not compile: %s', (source, message) => {
    expect(() => compilePredicate(source, VARS)).toThrow(message);
  });

  it('refuses predicates past the size limit', () => {
    const big = `(and ${'(< trace 1) '.repeat(MAX_PREDICATE_NODES)})`;
    expect(compileError(big).kind).toBe('limit');
  });

  it('a variable missing or of the wrong type at check time is a LispError at its position', () => {
    const hold = compilePredicate('(< trace 50)', ['trace']);
    expect(() => hold({})).toThrow('1:4: predicate variable trace has no value');
    expect(() => hold({ trace: new Keyword('hot') })).toThrow('1:4: predicate variable trace is keyword, not a number');
    expect(() => compilePredicate('(< 1 (/ trace 0))', ['trace'])({ trace: 1 })).toThrow('/: division by zero');
  });
});

/** Random well-formed predicate source over trace, timer (numbers) and phase (anything). */
const num: fc.Arbitrary<string> = fc.letrec<{ num: string }>((tie) => ({
  num: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('0', '1', '-2', '50', '0.5', '1e308', 'trace', 'timer'),
    fc.tuple(fc.constantFrom('+', '*', 'min', 'max'), fc.array(tie('num'), { minLength: 1, maxLength: 3 })).map(([op, xs]) => `(${op} ${xs.join(' ')})`),
    fc.tuple(fc.constantFrom('-', '/'), fc.array(tie('num'), { minLength: 1, maxLength: 3 })).map(([op, xs]) => `(${op} ${xs.join(' ')})`),
    fc.tuple(tie('num'), tie('num')).map(([a, b]) => `(mod ${a} ${b})`),
    tie('num').map((a) => `(abs ${a})`),
  ),
})).num;

const { bool } = fc.letrec<{ bool: string; any: string }>((tie) => ({
  bool: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('true', 'false', 'nil', 'phase', ':k'),
    fc.tuple(fc.constantFrom('<', '>', '<=', '>='), fc.array(num, { minLength: 2, maxLength: 3 })).map(([op, xs]) => `(${op} ${xs.join(' ')})`),
    // The shapes compiled to their own closures: variable against constant or variable.
    fc.tuple(fc.constantFrom('<', '>', '<=', '>='), fc.constantFrom('trace', 'timer', '0', '1', '50', '-2'), fc.constantFrom('trace', 'timer', '0', '1', '50', '-2')).map(([op, a, b]) => `(${op} ${a} ${b})`),
    fc.tuple(fc.constantFrom('=', 'not='), fc.array(tie('any'), { minLength: 2, maxLength: 3 })).map(([op, xs]) => `(${op} ${xs.join(' ')})`),
    fc.tuple(fc.constantFrom('and', 'or'), fc.array(tie('bool'), { maxLength: 3 })).map(([op, xs]) => `(${op} ${xs.join(' ')})`),
    tie('bool').map((x) => `(not ${x})`),
  ),
  any: fc.oneof(num, tie('bool'), fc.constantFrom(':breach', '"breach"', 'phase')),
}));

const varValue: fc.Arbitrary<PredicateValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(-2, 0, 1, 50) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom<PredicateValue>(0, 0.5, new Keyword('breach'), 'breach', null, true) },
);

describe('compiled predicates agree with the evaluator', () => {
  it('for random predicates and variables: same truth, or both a LispError', () => {
    fc.assert(
      fc.property(bool, varValue, varValue, varValue, (source, trace, timer, phase) => {
        const vars = { trace, timer, phase };
        const form = read(source);
        const predicate = compilePredicate(form, VARS);
        const env = createEnv({ bindings: vars as Record<string, Value> });
        let expected: boolean | 'error';
        try {
          const v = evaluateMaybeAsync(form, env);
          expect(v).not.toBeInstanceOf(Promise);
          expected = truthy(v as Value);
        } catch (err) {
          expect(err).toBeInstanceOf(LispError);
          expected = 'error';
        }
        let actual: boolean | 'error';
        try {
          actual = predicate(vars);
        } catch (err) {
          expect(err).toBeInstanceOf(LispError);
          actual = 'error';
        }
        expect(actual, source).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
