import { LispError } from '../errors.js';
import { display } from '../printer.js';
import { Cons, Keyword, LispMap, Native, type NativeContext, type NativeFunction, Sym, type Value, Vec, listToArray, typeName } from '../values.js';
import { at } from '../../assert.js';

/** Declare a builtin: its arity is checked before `fn` runs, so `fn` may index `args` freely. */
export function builtin(name: string, minArgs: number, maxArgs: number, fn: NativeFunction): Native {
  return new Native(name, fn, minArgs, maxArgs);
}

export const MANY = Number.POSITIVE_INFINITY;

function ordinal(i: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][i] ?? `#${i + 1}`;
}

export function wrongType(fn: string, i: number, want: string, got: Value): LispError {
  return new LispError('type', `${fn}: ${ordinal(i)} argument must be ${want}, got ${typeName(got)}`);
}

export function num(fn: string, args: readonly Value[], i: number): number {
  const v = at(args, i);
  if (typeof v !== 'number') throw wrongType(fn, i, 'a number', v);
  return v;
}

export function int(fn: string, args: readonly Value[], i: number): number {
  const v = at(args, i);
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw wrongType(fn, i, 'an integer', v);
  return v;
}

export function str(fn: string, args: readonly Value[], i: number): string {
  const v = at(args, i);
  if (typeof v !== 'string') throw wrongType(fn, i, 'a string', v);
  return v;
}

export function map(fn: string, args: readonly Value[], i: number): LispMap {
  const v = at(args, i);
  if (v === null) return LispMap.EMPTY;
  if (!(v instanceof LispMap)) throw wrongType(fn, i, 'a map', v);
  return v;
}

/** The elements of a list, vector or nil: the collections map, filter, reduce and friends walk. */
export function items(fn: string, args: readonly Value[], i: number): readonly Value[] {
  const v = at(args, i);
  if (v === null) return [];
  if (v instanceof Cons) return listToArray(v);
  if (v instanceof Vec) return v.items;
  throw wrongType(fn, i, 'a list or vector', v);
}

/** A name for a keyword, symbol or string: what `name` returns. */
export function nameOf(v: Value): string | undefined {
  if (v instanceof Keyword || v instanceof Sym) return v.name;
  if (typeof v === 'string') return v;
  return undefined;
}

/**
 * A value's display form, paid for: printing walks the whole value, so a
 * non-string costs one step per 8 characters printed (a string is shown as it
 * is and costs nothing here; what joins it pays per 64 characters).
 */
export function shown(v: Value, ctx: NativeContext): string {
  if (typeof v === 'string') return v;
  const text = display(v);
  ctx.charge(Math.floor(text.length / 8));
  return text;
}

/** A map key that is a long string is hashed whole on every lookup: one step per whole 64 characters. */
export function chargeKey(k: Value, ctx: NativeContext): Value {
  if (typeof k === 'string') ctx.charge(Math.floor(k.length / 64));
  return k;
}
