import { MAX_STRING_LENGTH, MAX_TOKEN_LENGTH } from './limits.js';
import { Cons, Keyword, LispMap, type List, Sym, type Value, Vec, typeName } from './values.js';

/**
 * Lisp values as plain data: how a value crosses from one actor to another
 * (a thread boundary, the trace hash) without being printed and read back.
 *
 *     nil               null
 *     true, false       true, false
 *     a number          the number (finite only)
 *     "text"            "\"text"    a string is its text after its opening quote, as printed
 *     :name             ":name"     a keyword, as printed
 *     name              "'name"     a symbol, quoted as a script would write it
 *     (a b c)           [a, b, c]   a list is an array of its elements
 *     [a b]             { v: [a, b] }
 *     {:k v …}          { m: [k, v, …] }   keys and values alternating, in insertion order
 *
 * Every atom is a JS primitive, so a value costs one array per list and
 * nothing per keyword. Functions do not cross: they are behaviour, not data.
 * Positions are not carried (they point into text that no longer exists).
 */
export type LispData = null | boolean | number | string | LispData[] | { readonly v: LispData[] } | { readonly m: LispData[] };

/** Deepest nesting a datum may have: below the kernel's body depth (64), leaving room for the body around it. */
export const MAX_DATA_DEPTH = 48;
/** Most lists, vectors, maps and atoms in one datum. */
export const MAX_DATA_NODES = 100_000;

const STRING = 0x22; /* " */
const KEYWORD = 0x3a; /* : */
const SYMBOL = 0x27; /* ' */

export class LispDataError extends TypeError {
  override readonly name = 'LispDataError';
}

/** A keyword as data (`:name`). Builders for a host that makes data directly, without the values first. */
export function keywordData(name: string): string {
  return `:${sendableName(name)}`;
}

/** A symbol as data (`'name`). */
export function symbolData(name: string): string {
  return `'${sendableName(name)}`;
}

/** A string as data. */
export function stringData(text: string): string {
  if (text.length > MAX_STRING_LENGTH) throw new LispDataError(`a string longer than ${MAX_STRING_LENGTH} cannot be sent`);
  return `"${text}`;
}

/** A map as data, from keys (keyword names) and values already data, in order; a later key replaces an earlier one in its place. */
export function mapData(pairs: readonly (readonly [string, LispData])[]): { readonly m: LispData[] } {
  const at = new Map<string, number>();
  const m: LispData[] = [];
  for (const [k, v] of pairs) {
    const i = at.get(k);
    if (i !== undefined) m[i + 1] = v;
    else {
      at.set(k, m.length);
      m.push(keywordData(k), v);
    }
  }
  return { m };
}

/** A value as data. Throws LispDataError for a function, a non-finite number, or a value past the bounds. */
export function toData(value: Value): LispData {
  const budget = { nodes: 0 };
  return encode(value, 0, budget);
}

function encode(v: Value, depth: number, budget: { nodes: number }): LispData {
  if (++budget.nodes > MAX_DATA_NODES) throw new LispDataError(`a value of more than ${MAX_DATA_NODES} parts cannot be sent`);
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new LispDataError(`the number ${v} cannot be sent (only finite numbers cross)`);
    return v;
  }
  if (typeof v === 'string') return stringData(v);
  if (v instanceof Keyword) return keywordData(v.name);
  if (v instanceof Sym) return symbolData(v.name);
  if (depth >= MAX_DATA_DEPTH) throw new LispDataError(`a value nested deeper than ${MAX_DATA_DEPTH} levels cannot be sent`);
  if (v instanceof Cons) {
    const out: LispData[] = [];
    for (let c: List = v; c !== null; c = c.cdr) out.push(encode(c.car, depth + 1, budget));
    return out;
  }
  if (v instanceof Vec) return { v: v.items.map((x) => encode(x, depth + 1, budget)) };
  if (v instanceof LispMap) {
    const m: LispData[] = [];
    for (const [k, x] of v.entries()) m.push(encode(k, depth + 1, budget), encode(x, depth + 1, budget));
    return { m };
  }
  throw new LispDataError(`a ${typeName(v)} cannot be sent: functions are behaviour, not data`);
}

/** What is encoded always decodes: a name the decoder would refuse is refused here, where it is made. */
function sendableName(name: string): string {
  if (name.length === 0 || name.length > MAX_TOKEN_LENGTH) throw new LispDataError(`a name of ${name.length} characters cannot be sent (1..${MAX_TOKEN_LENGTH})`);
  return name;
}

/** A datum as a value. Throws LispDataError naming what is wrong with one that is not data of this encoding. */
export function fromData(data: unknown): Value {
  const problem = dataProblem(data);
  if (problem !== null) throw new LispDataError(`not Lisp data: ${problem}`);
  return decode(data as LispData);
}

/** Whether `d` is Lisp data of this encoding within the bounds (what an inbox checks a body's datum with). */
export function isLispData(d: unknown): d is LispData {
  return dataProblem(d) === null;
}

/** What makes `d` not Lisp data (null when it is): one walk that builds nothing, so a check costs no garbage. */
export function dataProblem(d: unknown): string | null {
  const budget = { nodes: 0 };
  return problemAt(d, 0, budget);
}

function problemAt(d: unknown, depth: number, budget: { nodes: number }): string | null {
  if (++budget.nodes > MAX_DATA_NODES) return `more than ${MAX_DATA_NODES} parts`;
  if (d === null || typeof d === 'boolean') return null;
  if (typeof d === 'number') return Number.isFinite(d) ? null : `the number ${d} is not finite`;
  if (typeof d === 'string') return atomProblem(d);
  if (typeof d !== 'object') return `a ${typeof d} is not Lisp data`;
  if (depth >= MAX_DATA_DEPTH) return `nested deeper than ${MAX_DATA_DEPTH} levels`;
  const shape = shapeOf(d);
  if (shape === null) return 'an object that is Lisp data is { v: [...] } (a vector) or { m: [...] } (a map)';
  const { items, map } = shape;
  if (map && items.length % 2 !== 0) return 'a map holds keys and values in pairs';
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    // Map keys are atoms (a keyword, string, symbol, number or boolean), as LispMap requires.
    if (map && i % 2 === 0 && (x === null || typeof x === 'object')) return 'a map key is an atom (a keyword, string, symbol, number or boolean)';
    const problem = problemAt(x, depth + 1, budget);
    if (problem !== null) return problem;
  }
  return null;
}

/** The elements of a list, vector or map datum, or null for an object that is none of them. */
function shapeOf(o: object): { items: readonly unknown[]; map: boolean } | null {
  if (Array.isArray(o)) return { items: o, map: false };
  const keys = Object.keys(o);
  if (keys.length !== 1) return null;
  const r = o as { v?: unknown; m?: unknown };
  if (keys[0] === 'v' && Array.isArray(r.v)) return { items: r.v, map: false };
  if (keys[0] === 'm' && Array.isArray(r.m)) return { items: r.m, map: true };
  return null;
}

function atomProblem(s: string): string | null {
  const tag = s.charCodeAt(0);
  const n = s.length - 1;
  if (tag === STRING) return n > MAX_STRING_LENGTH ? `a string longer than ${MAX_STRING_LENGTH}` : null;
  if (tag !== KEYWORD && tag !== SYMBOL) return `a string in Lisp data starts with " (a string), : (a keyword) or ' (a symbol), got ${JSON.stringify(s.slice(0, 12))}`;
  return n === 0 || n > MAX_TOKEN_LENGTH ? `a name of ${n} characters (1..${MAX_TOKEN_LENGTH})` : null;
}

/** Build the value of a datum already checked. */
function decode(d: LispData): Value {
  if (d === null || typeof d === 'boolean' || typeof d === 'number') return d;
  if (typeof d === 'string') {
    const text = d.slice(1);
    const tag = d.charCodeAt(0);
    return tag === STRING ? text : tag === KEYWORD ? new Keyword(text) : new Sym(text);
  }
  if (Array.isArray(d)) {
    let list: List = null;
    for (let i = d.length - 1; i >= 0; i--) list = new Cons(decode(d[i] as LispData), list);
    return list;
  }
  if ('v' in d) return new Vec(d.v.map(decode));
  const pairs: Array<readonly [Value, Value]> = [];
  for (let i = 0; i < d.m.length; i += 2) pairs.push([decode(d.m[i] as LispData), decode(d.m[i + 1] as LispData)]);
  return LispMap.fromPairs(pairs);
}
