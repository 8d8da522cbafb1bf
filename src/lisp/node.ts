import type { Env } from './env.js';
import type { Run } from './run.js';
import type { Value } from './values.js';
import { at } from '../assert.js';

/**
 * An analysed form: a closure the evaluator runs. It returns a plain value
 * whenever it can and a Promise only when a host function really went async,
 * so a script that never awaits never allocates a Promise.
 */
export type Node = (env: Env, run: Run) => Value | Promise<Value>;

export function constant(v: Value): Node {
  return () => v;
}

/** Run nodes in order, value of the last; nil when empty. */
export function sequence(nodes: readonly Node[]): Node {
  if (nodes.length === 0) return constant(null);
  if (nodes.length === 1) return at(nodes, 0);
  const last = nodes.length - 1;
  return (env, run) => {
    for (let i = 0; i < last; i++) {
      const v = (at(nodes, i))(env, run);
      if (v instanceof Promise) return sequenceFrom(nodes, i, v, env, run);
    }
    return (at(nodes, last))(env, run);
  };
}

async function sequenceFrom(nodes: readonly Node[], i: number, pending: Promise<Value>, env: Env, run: Run): Promise<Value> {
  let v = await pending;
  for (let k = i + 1; k < nodes.length; k++) {
    const r = (at(nodes, k))(env, run);
    v = r instanceof Promise ? await r : r;
  }
  return v;
}

/** Evaluate nodes left to right into an array, going async only from the first node that does. */
export function evaluateEach(nodes: readonly Node[], env: Env, run: Run): Value[] | Promise<Value[]> {
  const out = new Array<Value>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const v = (at(nodes, i))(env, run);
    if (v instanceof Promise) return evaluateEachFrom(nodes, out, i, v, env, run);
    out[i] = v;
  }
  return out;
}

async function evaluateEachFrom(nodes: readonly Node[], out: Value[], i: number, pending: Promise<Value>, env: Env, run: Run): Promise<Value[]> {
  out[i] = await pending;
  for (let k = i + 1; k < nodes.length; k++) {
    const r = (at(nodes, k))(env, run);
    out[k] = r instanceof Promise ? await r : r;
  }
  return out;
}

/** Map over items with a maybe-async step, sequentially (scripts never run two things at once). */
export function mapEach<T>(items: readonly T[], step: (item: T, index: number) => Value | Promise<Value>): Value[] | Promise<Value[]> {
  const out = new Array<Value>(items.length);
  for (let i = 0; i < items.length; i++) {
    const v = step(at(items, i), i);
    if (v instanceof Promise) return mapEachFrom(items, step, out, i, v);
    out[i] = v;
  }
  return out;
}

async function mapEachFrom<T>(
  items: readonly T[],
  step: (item: T, index: number) => Value | Promise<Value>,
  out: Value[],
  i: number,
  pending: Promise<Value>,
): Promise<Value[]> {
  out[i] = await pending;
  for (let k = i + 1; k < items.length; k++) {
    const r = step(at(items, k), k);
    out[k] = r instanceof Promise ? await r : r;
  }
  return out;
}

/** Continue with `k` now, or after the promise settles. */
export function andThen<T, U>(v: T | Promise<T>, k: (v: T) => U | Promise<U>): U | Promise<U> {
  return v instanceof Promise ? v.then(k) : k(v);
}
