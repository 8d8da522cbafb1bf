import type { Env } from './env.js';
import type { Node } from './node.js';
import type { Pos } from './position.js';
import { at } from '../assert.js';

/**
 * The value model. Code is data: the reader produces these, the evaluator runs
 * them, quote hands them back. Everything is immutable once built, so lists
 * can be shared freely and can never be cyclic.
 *
 * JS `null` is nil, which is also the empty list; JS numbers, strings and
 * booleans stand for themselves; everything else is one of the classes below.
 */
export type Value = null | boolean | number | string | Sym | Keyword | Cons | Vec | LispMap | Lambda | Native;

/** A proper list: nil or a chain of cells ending in nil (there are no dotted pairs). */
export type List = Cons | null;

/** Symbols are not interned: a long-running REPL must not grow a global table from what operators type. */
export class Sym {
  constructor(
    readonly name: string,
    readonly pos?: Pos,
  ) {}
}

export class Keyword {
  constructor(
    readonly name: string,
    readonly pos?: Pos,
  ) {}
}

/**
 * A list cell. A cell the reader made carries a position: the head cell that
 * of the opening parenthesis, every later cell that of its element, so even a
 * number inside a list can be pointed at.
 */
export class Cons {
  constructor(
    readonly car: Value,
    readonly cdr: List,
    readonly pos?: Pos,
  ) {}
}

export class Vec {
  constructor(
    readonly items: readonly Value[],
    readonly pos?: Pos,
  ) {}
}

/**
 * Maps are keyed by atoms only (keyword, string, number, symbol, boolean).
 * The table is a JS Map over an encoded key, so no key a script can write
 * (`"__proto__"`, `constructor`…) ever reaches an object prototype.
 */
export class LispMap {
  private constructor(
    private readonly table: ReadonlyMap<string, readonly [Value, Value]>,
    readonly pos?: Pos,
  ) {}

  static readonly EMPTY = new LispMap(new Map());

  /** Build from key/value pairs; later duplicates win. Throws TypeError naming the first bad key. */
  static fromPairs(pairs: Iterable<readonly [Value, Value]>, pos?: Pos): LispMap {
    const table = new Map<string, readonly [Value, Value]>();
    for (const [k, v] of pairs) table.set(requireKey(k), [k, v]);
    return new LispMap(table, pos);
  }

  get size(): number {
    return this.table.size;
  }

  get(key: Value): Value | undefined {
    const k = mapKey(key);
    return k === undefined ? undefined : this.table.get(k)?.[1];
  }

  has(key: Value): boolean {
    const k = mapKey(key);
    return k !== undefined && this.table.has(k);
  }

  /** Entries in insertion order (the order they were written in). */
  entries(): IterableIterator<readonly [Value, Value]> {
    return this.table.values();
  }

  with(key: Value, value: Value): LispMap {
    const table = new Map(this.table);
    table.set(requireKey(key), [key, value]);
    return new LispMap(table);
  }

  without(key: Value): LispMap {
    const k = mapKey(key);
    if (k === undefined || !this.table.has(k)) return this;
    const table = new Map(this.table);
    table.delete(k);
    return new LispMap(table);
  }
}

/** The table key for a map key, or undefined when the value cannot be a key. */
export function mapKey(v: Value): string | undefined {
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      // -0 and 0 are the same key, as they are the same number to `=`.
      return `n${v === 0 ? 0 : v}`;
    case 'boolean':
      return v ? 'b1' : 'b0';
    default:
      if (v instanceof Keyword) return `k${v.name}`;
      if (v instanceof Sym) return `y${v.name}`;
      return undefined;
  }
}

function requireKey(v: Value): string {
  const k = mapKey(v);
  if (k === undefined) throw new TypeError(`a map key must be a keyword, string, number, symbol or boolean, got ${typeName(v)}`);
  return k;
}

/** A function written in Lisp. `body` is the analysed body, run in a fresh frame over `env`. */
export class Lambda {
  constructor(
    readonly name: string | null,
    readonly params: readonly string[],
    readonly rest: string | null,
    readonly body: Node,
    readonly env: Env,
    readonly pos?: Pos,
  ) {}
}

/** What a builtin or host function may use of the run that called it. */
export interface NativeContext {
  /** Call a Lisp value as a function (a lambda, builtin, map or keyword), counting steps as usual. */
  apply(fn: Value, args: readonly Value[]): Value | Promise<Value>;
  /** Write text to the host's output (print never touches process.stdout). */
  print(text: string): void;
  /** Spend steps for work proportional to a collection's size. */
  charge(steps: number): void;
}

/** undefined reads as nil, so `() => {}` is a fine host function. A promise is awaited transparently. */
export type NativeResult = Value | undefined | PromiseLike<Value | undefined>;
export type NativeFunction = (args: readonly Value[], ctx: NativeContext) => NativeResult;

/** A function written in TypeScript: a builtin, or one the host binds (later: `load-capability`). */
export class Native {
  constructor(
    readonly name: string,
    readonly fn: NativeFunction,
    readonly minArgs = 0,
    readonly maxArgs = Number.POSITIVE_INFINITY,
  ) {}
}

export function isFunction(v: Value): v is Lambda | Native {
  return v instanceof Lambda || v instanceof Native;
}

/** nil and false are false; everything else, 0 and "" included, is true. */
export function truthy(v: Value): boolean {
  return v !== null && v !== false;
}

export function arrayToList(items: readonly Value[], start = 0): List {
  let list: List = null;
  for (let i = items.length - 1; i >= start; i--) list = new Cons(at(items, i), list);
  return list;
}

export function listToArray(list: List): Value[] {
  const out: Value[] = [];
  for (let c = list; c !== null; c = c.cdr) out.push(c.car);
  return out;
}

export function list(...items: Value[]): List {
  return arrayToList(items);
}

/** Where a form was read, for the forms that can carry a position (not numbers, strings, booleans or nil). */
export function positionOf(form: Value): Pos | undefined {
  return form instanceof Cons || form instanceof Sym || form instanceof Keyword || form instanceof Vec || form instanceof LispMap ? form.pos : undefined;
}

/** A Lisp-level name for a value's type, used in error messages. */
export function typeName(v: unknown): string {
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
  }
  if (v instanceof Sym) return 'symbol';
  if (v instanceof Keyword) return 'keyword';
  if (v instanceof Cons) return 'list';
  if (v instanceof Vec) return 'vector';
  if (v instanceof LispMap) return 'map';
  if (v instanceof Lambda || v instanceof Native) return 'function';
  return `foreign ${typeof v}`;
}

/**
 * Whether a JS value is a Lisp value. Host results are checked with this, so a
 * script can never hold a raw JS object (and so never walk its prototype).
 */
export function isValue(x: unknown): x is Value {
  switch (typeof x) {
    case 'number':
      return Number.isFinite(x);
    case 'string':
    case 'boolean':
      return true;
    case 'object':
      return (
        x === null ||
        x instanceof Cons ||
        x instanceof Sym ||
        x instanceof Keyword ||
        x instanceof Vec ||
        x instanceof LispMap ||
        x instanceof Lambda ||
        x instanceof Native
      );
    default:
      return false;
  }
}
