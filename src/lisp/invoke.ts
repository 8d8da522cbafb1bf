import { Env } from './env.js';
import { LispError, asLispError } from './errors.js';
import { print } from './printer.js';
import type { Run } from './run.js';
import { Keyword, Lambda, LispMap, Native, type Value, arrayToList, isValue, typeName } from './values.js';
import { at } from '../assert.js';

/**
 * Apply a function value to evaluated arguments. One step per application;
 * lambdas also count call depth. Maps and keywords are callable as lookups,
 * as seed 004 writes `(mission-params :network-seed)`.
 */
export function invoke(fn: Value, args: readonly Value[], run: Run): Value | Promise<Value> {
  if (++run.steps > run.limits.maxSteps) throw run.outOfSteps();
  if (fn instanceof Lambda) return callLambda(fn, args, run);
  if (fn instanceof Native) return callNative(fn, args, run);
  if (fn instanceof LispMap) {
    if (args.length < 1 || args.length > 2) throw arityError('a map', 1, 2, args.length);
    return fn.get(at(args, 0)) ?? (args.length === 2 ? (at(args, 1)) : null);
  }
  if (fn instanceof Keyword) {
    if (args.length < 1 || args.length > 2) throw arityError(`:${fn.name}`, 1, 2, args.length);
    const m = at(args, 0);
    if (m === null) return args.length === 2 ? (at(args, 1)) : null;
    if (!(m instanceof LispMap)) throw new LispError('type', `:${fn.name} looks a key up in a map, got ${typeName(m)}`);
    return m.get(fn) ?? (args.length === 2 ? (at(args, 1)) : null);
  }
  throw new LispError('type', `not a function: ${describe(fn)}`);
}

function describe(v: Value): string {
  const text = print(v);
  return text.length > 40 ? `${text.slice(0, 40)}… (a ${typeName(v)})` : `${text} (a ${typeName(v)})`;
}

export function arityError(name: string, min: number, max: number, got: number): LispError {
  const want = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
  return new LispError('arity', `${name} expects ${want} argument${want === '1' ? '' : 's'}, got ${got}`);
}

function callLambda(fn: Lambda, args: readonly Value[], run: Run): Value | Promise<Value> {
  const n = fn.params.length;
  if (args.length < n || (fn.rest === null && args.length > n)) {
    throw arityError(fn.name ?? 'fn', n, fn.rest === null ? n : Number.POSITIVE_INFINITY, args.length);
  }
  const frame = new Env(fn.env);
  for (let i = 0; i < n; i++) frame.bind(fn.params[i] as string, at(args, i));
  if (fn.rest !== null) frame.bind(fn.rest, arrayToList(args, n));
  if (++run.depth > run.limits.maxCallDepth) {
    run.depth--;
    throw run.tooDeep();
  }
  let result: Value | Promise<Value>;
  try {
    result = fn.body(frame, run);
  } catch (err) {
    run.depth--;
    throw err;
  }
  if (result instanceof Promise) {
    // Depth is released when the body really finishes, not when it first yields.
    return result.then(
      (v) => {
        run.depth--;
        return v;
      },
      (err: unknown) => {
        run.depth--;
        throw err;
      },
    );
  }
  run.depth--;
  return result;
}

function callNative(fn: Native, args: readonly Value[], run: Run): Value | Promise<Value> {
  if (args.length < fn.minArgs || args.length > fn.maxArgs) throw arityError(fn.name, fn.minArgs, fn.maxArgs, args.length);
  let result: unknown;
  try {
    result = fn.fn(args, run);
  } catch (err) {
    throw asLispError(err, fn.name);
  }
  if (result === undefined) return null;
  if (isValue(result)) return result;
  if (isThenable(result)) {
    return Promise.resolve(result).then(
      (v) => checkResult(fn, v),
      (err: unknown) => {
        throw asLispError(err, fn.name);
      },
    );
  }
  return checkResult(fn, result);
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

/** Host functions must hand back Lisp values: a raw JS object in a script would be a way out of the sandbox. */
function checkResult(fn: Native, v: unknown): Value {
  if (v === undefined) return null;
  if (isValue(v)) return v;
  const what = typeof v === 'number' ? String(v) : typeName(v);
  throw new LispError('host', `${fn.name} returned ${what}, which is not a Lisp value`);
}
