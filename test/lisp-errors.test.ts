import { describe, expect, it } from 'vitest';
import { createEnv, defineNative } from '../src/lisp/builtins.js';
import { LispError } from '../src/lisp/errors.js';
import { evaluateSource } from '../src/lisp/evaluator.js';

async function failure(source: string, env = createEnv(), name?: string): Promise<LispError> {
  try {
    await evaluateSource(source, env, name === undefined ? {} : { source: name });
  } catch (err) {
    expect(err).toBeInstanceOf(LispError);
    return err as LispError;
  }
  throw new Error(`expected ${source} to fail`);
}

const SCRIPT = `(defun inner (x) (car x))
(defun outer (x)
  (inner x))
(outer 5)`;

describe('LispError positions and the Lisp-level stack', () => {
  it('points at the innermost form and lists the calls it passed through', async () => {
    const err = await failure(SCRIPT);
    expect(err.kind).toBe('type');
    expect(err.pos).toEqual({ line: 1, col: 18 });
    expect(err.frames.map((f) => `${f.label}@${f.pos?.line}:${f.pos?.col}`)).toEqual(['car@1:18', 'inner@3:3', 'outer@4:1']);
    expect(err.message).toBe('1:18: car: first argument must be a list or vector, got number (in car at 1:18, inner at 3:3, outer at 4:1)');
  });

  it('names the source file when the script came from one', async () => {
    const err = await failure(SCRIPT, createEnv(), 'runner.lisp');
    expect(err.message.startsWith('runner.lisp:1:18: car:')).toBe(true);
  });

  it('set! of a builtin is reported where the name is', async () => {
    const err = await failure('(define x 1)\n  (set! car 1)');
    expect(err.message).toBe('2:9: cannot set! car: it is a builtin (shadow it with define instead)');
  });

  it('an unbound symbol is reported where the symbol is', async () => {
    const err = await failure('(defun f (x)\n  (+ x  missing))\n(f 1)');
    expect(err.kind).toBe('unbound');
    expect(err.message).toBe('2:9: unbound symbol missing (in + at 2:3, f at 3:1)');
  });

  it('keeps the stack across an await', async () => {
    const env = createEnv();
    defineNative(env, 'later', async ([x]) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return x ?? null;
    });
    const err = await failure('(defun inner (x) (car (later x)))\n(defun outer (x) (inner x))\n(outer 5)', env);
    expect(err.message).toBe('1:18: car: first argument must be a list or vector, got number (in car at 1:18, inner at 2:18, outer at 3:1)');
  });

  it('a syntax error is found before anything in that form runs', async () => {
    const out: string[] = [];
    const err = await failure('(do (print "ran") (let ((x)) x))', createEnv({ output: (t) => out.push(t) }));
    expect(err.kind).toBe('syntax');
    expect(err.message).toBe('1:19: let: expected a binding (name value), found (x)');
    expect(out).toEqual([]);
  });

  it('a host function that throws a JS error becomes a host LispError with the cause kept', async () => {
    const env = createEnv();
    const boom = new TypeError('slot is empty');
    defineNative(env, 'insert-cart', () => {
      throw boom;
    });
    const err = await failure('(list 1\n (insert-cart :neongrid))', env);
    expect(err.kind).toBe('host');
    expect(err.cause).toBe(boom);
    expect(err.message).toBe('2:2: insert-cart: slot is empty (in insert-cart at 2:2, list at 1:1)');
  });

  it('keeps at most 8 distinct frames and counts the rest', async () => {
    const err = await failure('(defun a (n) (if (> n 0) (b (- n 1)) (car n)))\n(defun b (n) (a n))\n(a 20)');
    expect(err.frames).toHaveLength(8);
    expect(err.message).toMatch(/… \d+ more\)$/);
  });
});
