/**
 * Assertions on states the code rules out (TIGER_STYLE: assert the positive and
 * the negative space). A failed one is a bug of ours, never the user's input:
 * bad input gets its own error naming what and where. Cheap enough for hot paths.
 */

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

/** Throws an AssertionError saying what should have held when `condition` is falsy. */
export function assert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new AssertionError(typeof message === 'string' ? message : message());
}

/**
 * `xs[i]` where the code has already made sure `i` is in range: the element,
 * or an AssertionError naming the index, instead of a cast that would let an
 * `undefined` through to fail somewhere else.
 */
export function at<T>(xs: ArrayLike<T>, i: number): T {
  if (i >= 0 && i < xs.length) return xs[i] as T;
  throw new AssertionError(`index ${i} is outside 0..${xs.length - 1}`);
}

/** The last element of a list the code knows is not empty. */
export function last<T>(xs: ArrayLike<T>): T {
  return at(xs, xs.length - 1);
}

/** `record[key]` where the code has already made sure the key is there: the value, or an AssertionError naming the key. */
export function entry<V>(record: Readonly<Record<string, V>>, key: string): V {
  if (Object.hasOwn(record, key)) return record[key] as V;
  throw new AssertionError(`no entry '${key}'`);
}
