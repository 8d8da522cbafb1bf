import type { Pos } from '../lisp/position.js';
import { print } from '../lisp/printer.js';
import { Cons, Keyword, type List, Sym, type Value, positionOf, typeName } from '../lisp/values.js';
import { fail } from './problems.js';
import { at } from '../assert.js';

/**
 * Reading the declarative cart forms (`register-capabilities`,
 * `register-mission-contributions`, `defcontract-schema`) as data: they are
 * never evaluated, so a cart file can declare but never run anything.
 */

/** A value with where it was written (the list cell that holds it, so atoms have a position too). */
export interface Located {
  readonly value: Value;
  readonly pos: Pos | undefined;
}

/** A form's elements with their positions. */
export function elements(list: List): Located[] {
  const out: Located[] = [];
  for (let c: List = list; c !== null; c = c.cdr) out.push({ value: c.car, pos: positionOf(c.car) ?? c.pos });
  return out;
}

/**
 * A keyword/value property list. Each key takes one value, except the keys in
 * `rest`, which take every form up to the next keyword (`:objectives (spine …)
 * (limbs …)` is written that way in seed 003 §6). Duplicate and dangling keys
 * are problems at the key.
 */
export function plist(items: readonly Located[], rest: ReadonlySet<string> = new Set()): Map<string, { key: Located; values: Located[] }> {
  const out = new Map<string, { key: Located; values: Located[] }>();
  let i = 0;
  while (i < items.length) {
    const key = at(items, i);
    if (!(key.value instanceof Keyword)) fail(key.pos, `expected a :keyword, found ${describe(key.value)}`);
    const name = key.value.name;
    if (out.has(name)) fail(key.pos, `:${name} is given twice`);
    i++;
    const values: Located[] = [];
    if (rest.has(name)) {
      while (i < items.length && !((at(items, i)).value instanceof Keyword)) values.push(at(items, i++));
    } else if (i < items.length) {
      // After a key always comes its value, keyword or not (`:module :ice-breaker`).
      values.push(at(items, i++));
    }
    if (values.length === 0) fail(key.pos, `:${name} has no value`);
    out.set(name, { key, values });
  }
  return out;
}

/** `'x` reads as `(quote x)`; declarative forms accept the quoted and the bare spelling alike. */
export function unquote(v: Value): Value {
  if (v instanceof Cons && v.car instanceof Sym && v.car.name === 'quote' && v.cdr !== null && v.cdr.cdr === null) return v.cdr.car;
  return v;
}

export function describe(v: Value): string {
  const text = print(v);
  return `${text.length > 40 ? `${text.slice(0, 37)}…` : text} (a ${typeName(v)})`;
}

export function keywordName(at: Located, what: string): string {
  if (!(at.value instanceof Keyword)) fail(at.pos, `${what} must be a :keyword, found ${describe(at.value)}`);
  return at.value.name;
}

export function symbolName(at: Located, what: string): string {
  if (!(at.value instanceof Sym)) fail(at.pos, `${what} must be a symbol, found ${describe(at.value)}`);
  return at.value.name;
}

export function integerIn(at: Located, what: string, lo: number, hi: number): number {
  const v = at.value;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) fail(at.pos, `${what} must be an integer in ${lo}..${hi}, found ${describe(v)}`);
  return v;
}

export function numberIn(at: Located, what: string, lo: number, hi: number): number {
  const v = at.value;
  if (typeof v !== 'number' || v < lo || v > hi) fail(at.pos, `${what} must be a number in ${lo}..${hi}, found ${describe(v)}`);
  return v;
}

export function stringOf(at: Located, what: string, maxLength: number): string {
  const v = at.value;
  if (typeof v !== 'string') fail(at.pos, `${what} must be a string, found ${describe(v)}`);
  if (v.length > maxLength) fail(at.pos, `${what} is ${v.length} characters; the limit is ${maxLength}`);
  return v;
}

export function booleanOf(at: Located, what: string): boolean {
  if (typeof at.value !== 'boolean') fail(at.pos, `${what} must be true or false, found ${describe(at.value)}`);
  return at.value;
}

/** A (possibly quoted) list, each element with its position; nil is the empty list. */
export function listOf(at: Located, what: string, maxLength: number): Located[] {
  const v = unquote(at.value);
  if (v !== null && !(v instanceof Cons)) fail(at.pos, `${what} must be a list, found ${describe(v)}`);
  const items = elements(v);
  if (items.length > maxLength) fail(at.pos, `${what} has ${items.length} entries; the limit is ${maxLength}`);
  return items;
}

export function keywordList(at: Located, what: string, maxLength: number): { names: string[]; items: Located[] } {
  const items = listOf(at, what, maxLength);
  return { names: items.map((x) => keywordName(x, `each of ${what}`)), items };
}

export function symbolList(at: Located, what: string, maxLength: number): { names: string[]; items: Located[] } {
  const items = listOf(at, what, maxLength);
  return { names: items.map((x) => symbolName(x, `each of ${what}`)), items };
}

/** `'(low high)`: two integers; whether low ≤ high is the caller's check (the validator reports it). */
export function integerPair(at: Located, what: string, lo: number, hi: number): { pair: [number, number]; items: Located[] } {
  const items = listOf(at, what, 2);
  if (items.length !== 2) fail(at.pos, `${what} must be a list of two integers (low high), found ${items.length}`);
  return { pair: [integerIn(items[0] as Located, `${what} low`, lo, hi), integerIn(items[1] as Located, `${what} high`, lo, hi)], items };
}
