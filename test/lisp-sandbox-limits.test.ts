import { describe, expect, it } from 'vitest';
import { createEnv, defineNative } from '../src/lisp/builtins.js';
import { equal } from '../src/lisp/equal.js';
import { LispError } from '../src/lisp/errors.js';
import { evaluateSource } from '../src/lisp/evaluator.js';
import { MAX_STRING_LENGTH } from '../src/lisp/limits.js';
import { print } from '../src/lisp/printer.js';
import type { Value } from '../src/lisp/values.js';

async function failure(source: string, options: Parameters<typeof evaluateSource>[2] = {}, env = createEnv()): Promise<LispError> {
  try {
    await evaluateSource(source, env, options);
  } catch (err) {
    expect(err).toBeInstanceOf(LispError);
    return err as LispError;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('sandbox: a script sees only its env', () => {
  it.each(['process', 'globalThis', 'require', 'eval', 'import', 'Function', 'this', 'window', 'module', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype'])(
    '%s is unbound, as a value and as a function',
    async (name) => {
      const err = await failure(name);
      expect(err.kind).toBe('unbound');
      expect(err.message).toBe(`1:1: unbound symbol ${name}`);
      expect((await failure(`(${name} "fs")`)).message).toContain(`unbound symbol ${name}`);
    },
  );

  it('map lookups never reach a prototype', async () => {
    const env = createEnv();
    const src = `(list (get {:a 1} "__proto__") (get {} "constructor") (:constructor {}) ({:a 1} "toString")
                       (get (assoc {} "__proto__" {:polluted true}) "__proto__"))`;
    expect(print(await evaluateSource(src, env))).toBe('(nil nil nil nil {:polluted true})');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(print(await evaluateSource('(keys (assoc {} "__proto__" 1 "constructor" 2))', env))).toBe('("__proto__" "constructor")');
  });

  it('binding a JS-ish name is just a binding', async () => {
    expect(print(await evaluateSource('(define constructor 1) (define __proto__ 2) (+ constructor __proto__)', createEnv()))).toBe('3');
  });

  it('host functions must hand back Lisp values, so no raw JS object enters a script', async () => {
    const env = createEnv();
    defineNative(env, 'leak', () => ({ process }) as unknown as Value);
    defineNative(env, 'leak-later', async () => globalThis as unknown as Value);
    defineNative(env, 'nothing', () => undefined);
    defineNative(env, 'infinite', () => Number.POSITIVE_INFINITY);
    expect((await failure('(leak)', {}, env)).message).toBe('1:1: leak returned foreign object, which is not a Lisp value (in leak at 1:1)');
    expect((await failure('(leak-later)', {}, env)).kind).toBe('host');
    expect((await failure('(infinite)', {}, env)).message).toContain('returned Infinity');
    expect(await evaluateSource('(nothing)', env)).toBe(null);
  });
});

describe('limits stop runaway scripts with a LispError; the host stays up', () => {
  it('(defun f () (f)) (f) ends at the call-depth limit', async () => {
    const env = createEnv();
    const err = await failure('(defun f () (f)) (f)', {}, env);
    expect(err.kind).toBe('limit');
    expect(err.message).toMatch(/^1:13: call depth limit of 400 exceeded \(runaway recursion\?\) \(in f at 1:13 ×400, f at 1:18\)$/);
    // Same env, next script: everything still works.
    expect(await evaluateSource('(+ 1 2)', env)).toBe(3);
  });

  it('an endless self-recursive loop ends at a limit too', async () => {
    const err = await failure('(defun loop-forever (n) (loop-forever (+ n 1)))\n(loop-forever 0)');
    expect(err.kind).toBe('limit');
    expect(err.message).toContain('call depth limit');
  });

  it('exponential work at shallow depth ends at the step budget', async () => {
    const err = await failure('(defun spin (n) (when (> n 0) (spin (- n 1)) (spin (- n 1)))) (spin 64)');
    expect(err.kind).toBe('limit');
    expect(err.message).toContain('step budget of 1000000 exhausted');
  });

  it('the budget is per script and a host can set it', async () => {
    const src = "(map (lambda (x) (* x x)) (range 100))";
    await expect(evaluateSource(src, createEnv())).resolves.not.toBeNull();
    expect((await failure(src, { limits: { maxSteps: 150 } })).message).toContain('step budget of 150 exhausted');
    expect((await failure('(defun d (n) (if (> n 0) (d (- n 1)) :bottom)) (d 20)', { limits: { maxCallDepth: 10 } })).message).toContain('call depth limit of 10');
    expect(await evaluateSource('(defun d (n) (if (> n 0) (d (- n 1)) :bottom)) (d 20)', createEnv(), { limits: { maxCallDepth: 21 } })).toBeTruthy();
  });

  it('bulk builtins pay per element, so doubling a list runs out of steps before memory', async () => {
    const err = await failure("(reduce (lambda (acc x) (append acc acc)) '(1) (range 64))");
    expect(err.kind).toBe('limit');
    expect((await failure('(map (lambda (x) (range 1000000)) (range 1000))')).kind).toBe('limit');
  });

  it('strings cannot grow past the string limit', async () => {
    const err = await failure('(reduce (lambda (s x) (str s s)) "ab" (range 64))');
    expect(err.kind).toBe('limit');
    expect(err.message).toContain(`the limit is ${MAX_STRING_LENGTH}`);
  });

  it('a value built deeper than the reader allows cannot be printed or compared, without a JS stack overflow', async () => {
    const deep = await evaluateSource('(reduce (lambda (acc x) (list acc)) nil (range 100000))', createEnv());
    expect(() => print(deep)).toThrow(LispError);
    expect(() => print(deep)).toThrow(/nests deeper than 256/);
    expect(() => equal(deep, deep as Value)).not.toThrow(); // identical values short-circuit
    const other = await evaluateSource('(reduce (lambda (acc x) (list acc)) nil (range 100000))', createEnv());
    expect(() => equal(deep, other)).toThrow(/nest deeper than 256/);
  });

  it('if the JS stack runs out before the call-depth limit, that is a LispError too', async () => {
    const err = await failure('(defun f (n) (+ 1 (f n))) (f 1)', { limits: { maxCallDepth: 10_000_000 } });
    expect(err.kind).toBe('limit');
    expect(err.message).toContain('JS stack exhausted');
  });
});
