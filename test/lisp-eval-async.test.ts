import { describe, expect, it } from 'vitest';
import { createEnv, defineNative } from '../src/lisp/builtins.js';
import type { Env } from '../src/lisp/env.js';
import { LispError } from '../src/lisp/errors.js';
import { evaluateMaybeAsync, evaluateSource } from '../src/lisp/evaluator.js';
import { print } from '../src/lisp/printer.js';
import { read } from '../src/lisp/reader.js';
import type { Value } from '../src/lisp/values.js';

/** A promise that settles on a later macrotask, so anything synchronous would have run first. */
function later<T>(value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), 1));
}

/** An env where `(slow x)` gives x back through a real Promise and `(fast x)` gives it back at once. */
function envWithHosts(log: string[] = []): Env {
  const env = createEnv();
  defineNative(env, 'slow', async ([x]) => {
    log.push(`slow ${print(x as Value)} start`);
    const v = await later(x as Value);
    log.push(`slow ${print(x as Value)} end`);
    return v;
  }, 1, 1);
  defineNative(env, 'fast', ([x]) => x as Value, 1, 1);
  defineNative(env, 'note', ([x]) => {
    log.push(`note ${print(x as Value)}`);
    return x as Value;
  }, 1, 1);
  return env;
}

describe('host functions returning Promises', () => {
  it('are awaited in the middle of an expression, in argument order', async () => {
    const log: string[] = [];
    const env = envWithHosts(log);
    const v = await evaluateSource('(list (note 1) (+ 10 (slow 20) 30) (note 3))', env);
    expect(print(v)).toBe('(1 60 3)');
    expect(log).toEqual(['note 1', 'slow 20 start', 'slow 20 end', 'note 3']);
  });

  // Each form runs once with (fast x) and once with (slow x): every special form and
  // every builtin that calls back must give the same answer when a step awaits.
  it.each([
    '(if (F false) :yes (F :no))',
    '(cond ((F nil) 1) ((F true) (F 2)) (else 3))',
    '(cond ((F 7)))',
    '(when (F true) (F 1) (F 2))',
    '(unless (F nil) (F :ran))',
    '(let ((a (F 1)) (b (F 2))) (+ a b))',
    '(let* ((a (F 1)) (b (+ a (F 2)))) (list a b))',
    '(do (F 1) (F 2) (F 3))',
    '(do (define x (F 5)) (set! x (+ x (F 1))) x)',
    '(and (F 1) (F 2) (F nil) (F 4))',
    '(or (F nil) (F false) (F :found))',
    '`(a ,(F 1) ,@(F (list 2 3)) [,(F 4)] {:k ,(F 5)})',
    '[(F 1) (F 2)]',
    '{:a (F 1) :b (F 2)}',
    "(map (lambda (x) (F (* x x))) '(1 2 3))",
    "(filter (lambda (x) (F (> x 1))) '(1 2 3))",
    "(reduce (lambda (acc x) (F (+ acc x))) 0 '(1 2 3 4))",
    "(apply (lambda (a b) (F (- a b))) '(10 4))",
    '((F (lambda (x) (F (+ x 1)))) (F 1))',
    '(defun fact (n) (if (F (<= n 1)) 1 (* n (fact (F (- n 1)))))) (fact 10)',
    '((F :k) (F {:k :v}))',
  ])('%s gives the same value whether F awaits or not', async (template) => {
    const sync = await evaluateSource(template.replaceAll('(F ', '(fast '), envWithHosts());
    const async = await evaluateSource(template.replaceAll('(F ', '(slow '), envWithHosts());
    expect(print(async)).toBe(print(sync));
  });

  it('a rejected Promise becomes a LispError at the call that awaited it', async () => {
    const env = createEnv();
    defineNative(env, 'load-capability', async () => {
      await later(null);
      throw new Error('capability-not-registered');
    });
    const err = await evaluateSource('(+ 1\n   (load-capability :ice-breaker))', env).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LispError);
    expect((err as LispError).kind).toBe('host');
    expect((err as LispError).message).toBe('2:4: load-capability: capability-not-registered (in load-capability at 2:4, + at 1:1)');
  });
});

describe('the synchronous fast path', () => {
  it('returns a plain value, not a Promise, when no host function awaited', () => {
    const env = envWithHosts();
    const v = evaluateMaybeAsync(read("(let ((xs (map (lambda (x) (fast (* x 2))) '(1 2 3)))) (reduce + 0 xs))"), env);
    expect(v).not.toBeInstanceOf(Promise);
    expect(v).toBe(12);
  });

  it('returns a Promise only once a host function actually returns one', async () => {
    const env = envWithHosts();
    const v = evaluateMaybeAsync(read('(+ 1 (slow 2))'), env);
    expect(v).toBeInstanceOf(Promise);
    expect(await v).toBe(3);
  });
});

describe('interleaved scripts', () => {
  it('two scripts interleaved at their awaits do not see each other’s bindings', async () => {
    const log: string[] = [];
    // A checkpoint hands control to the other script: each waits for a macrotask.
    const scriptEnv = (id: string): Env => {
      const env = createEnv();
      defineNative(env, 'checkpoint', async ([x]) => {
        log.push(`${id}:${print(x as Value)}`);
        await later(null);
        return x as Value;
      });
      return env;
    };
    const a = scriptEnv('A');
    const b = scriptEnv('B');
    const script = (me: string): string => `
      (define owner :${me})
      (define count 0)
      (defun bump () (set! count (+ count 1)) count)
      (checkpoint owner)
      (bump)
      (checkpoint (bump))
      (let ((seen owner)) (checkpoint seen) (list owner count (bump)))`;
    const [ra, rb] = await Promise.all([evaluateSource(script('a'), a), evaluateSource(script('b'), b)]);
    expect(print(ra)).toBe('(:a 2 3)');
    expect(print(rb)).toBe('(:b 2 3)');
    // They really did interleave.
    expect(log).toEqual(['A::a', 'B::b', 'A:2', 'B:2', 'A::a', 'B::b']);
    // And neither env gained the other's names.
    await expect(evaluateSource('owner', createEnv())).rejects.toThrow(/unbound symbol owner/);
    expect(print(await evaluateSource('owner', a))).toBe(':a');
    expect(print(await evaluateSource('owner', b))).toBe(':b');
  });

  it('a script cannot change a builtin for the others', async () => {
    const a = createEnv();
    await expect(evaluateSource('(set! car cdr)', a)).rejects.toThrow(/cannot set! car: it is a builtin/);
    // Shadowing is local to the script's own env.
    await evaluateSource('(define car cdr)', a);
    expect(print(await evaluateSource("(car '(1 2))", a))).toBe('(2)');
    expect(print(await evaluateSource("(car '(1 2))", createEnv()))).toBe('1');
  });
});
