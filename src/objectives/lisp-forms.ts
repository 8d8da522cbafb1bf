import type { Pos } from '../lisp/position.js';
import { print } from '../lisp/printer.js';
import { Cons, Keyword, Sym, type Value, listToArray, positionOf, typeName } from '../lisp/values.js';
import { ObjectiveError, type ObjectiveRule } from './errors.js';
import { MAX_LINKS } from './limits.js';
import { at } from '../assert.js';

/**
 * Small readers over already-read Lisp forms, shared by the goal-cell and
 * schema parsers. Each failure is an ObjectiveError at the offending form's
 * position (or the enclosing form's, for atoms that carry none).
 */

export interface Located<T> {
  readonly value: T;
  readonly pos: Pos | undefined;
}

/** The elements of a list form, each with the best position we have for it. */
export function elements(form: Cons): Located<Value>[] {
  const out: Located<Value>[] = [];
  for (let c: Cons | null = form; c !== null; c = c.cdr) out.push({ value: c.car, pos: positionOf(c.car) ?? c.pos ?? form.pos });
  return out;
}

export function headName(form: Value): string | null {
  return form instanceof Cons && form.car instanceof Sym ? form.car.name : null;
}

/**
 * `:key value` pairs after a form's leading items. Every key must be a keyword
 * in `allowed`, once; a key's value is exactly one form.
 */
export function keywordArgs(items: readonly Located<Value>[], allowed: ReadonlySet<string>, what: string, goal: string | null, formPos: Pos | undefined): Map<string, Located<Value>> {
  const out = new Map<string, Located<Value>>();
  for (let i = 0; i < items.length; i += 2) {
    const key = at(items, i);
    if (!(key.value instanceof Keyword)) {
      throw new ObjectiveError('syntax', `expected a :keyword in ${what}, found ${describe(key.value)}`, goal, key.pos ?? formPos);
    }
    const name = key.value.name;
    if (!allowed.has(name)) {
      throw new ObjectiveError('unknown-key', `unknown key :${name} in ${what} (known: ${[...allowed].map((k) => `:${k}`).join(' ')})`, goal, key.pos ?? formPos);
    }
    if (out.has(name)) throw new ObjectiveError('duplicate-key', `:${name} is given twice in ${what}`, goal, key.pos ?? formPos);
    const value = items[i + 1];
    if (value === undefined) throw new ObjectiveError('syntax', `:${name} has no value in ${what}`, goal, key.pos ?? formPos);
    out.set(name, value);
  }
  return out;
}

/** A name written as a symbol, keyword or string. */
export function nameOf(v: Value): string | null {
  if (v instanceof Sym || v instanceof Keyword) return v.name;
  if (typeof v === 'string') return v;
  return null;
}

/** `x` or `(x y …)` (or nil): a list of goal names, as `:requires` and friends take them. */
export function nameList(v: Located<Value>, key: string, goal: string | null): string[] {
  if (v.value === null) return [];
  const items = v.value instanceof Cons ? listToArray(v.value) : [v.value];
  if (items.length > MAX_LINKS) throw new ObjectiveError('limit', `:${key} names ${items.length} goals; the limit is ${MAX_LINKS}`, goal, v.pos);
  return items.map((item) => {
    if (!(item instanceof Sym)) throw new ObjectiveError('syntax', `:${key} takes goal names (symbols), found ${describe(item)}`, goal, positionOf(item) ?? v.pos);
    return item.name;
  });
}

export function keywordValue(v: Located<Value>, key: string, choices: readonly string[], goal: string | null): string {
  if (!(v.value instanceof Keyword) || !choices.includes(v.value.name)) {
    throw new ObjectiveError('syntax', `:${key} must be one of ${choices.map((c) => `:${c}`).join(' ')}, found ${describe(v.value)}`, goal, v.pos);
  }
  return v.value.name;
}

/** A short, printed description of a form for error messages. */
export function describe(v: Value): string {
  let text: string;
  try {
    text = print(v);
  } catch {
    text = `a ${typeName(v)}`;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function fail(rule: ObjectiveRule, reason: string, goal: string | null, pos: Pos | undefined): never {
  throw new ObjectiveError(rule, reason, goal, pos);
}
