import { LispError } from './errors.js';
import { MAX_DEPTH, MAX_SOURCE_LENGTH, MAX_TOKEN_LENGTH } from './limits.js';
import { RESERVED_NAMES, looksNumeric } from './reader.js';
import { Cons, Keyword, Lambda, LispMap, Native, Sym, type Value, Vec } from './values.js';
import { at } from '../assert.js';

/**
 * Canonical printing: one space between items, no trailing space, quote
 * sugar for two-element quote forms, maps in insertion order. For every
 * readable value `read(print(v))` is equal to `v`. Values that cannot be read
 * back (functions, symbols whose names would read as something else) print as
 * `#<…>`, which the reader refuses rather than misreads.
 *
 * Throws a `limit` LispError for a value nested deeper than the reader
 * accepts or printing longer than the reader accepts, so a printed form is
 * always one the reader can take.
 */
export function print(v: Value): string {
  const out = new Printer();
  out.value(v, 0);
  return out.text();
}

/** Like print, but a string stands for itself (no quotes, no escapes): what `print` and `str` show. */
export function display(v: Value): string {
  if (typeof v === 'string') return v;
  return print(v);
}

const SUGAR: ReadonlyMap<string, string> = new Map([
  ['quote', "'"],
  ['quasiquote', '`'],
  ['unquote', ','],
  ['unquote-splicing', ',@'],
]);

const TOKEN_BREAKER = /[\s()[\]{}";'`,]/;

export function isReadableSymbolName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_TOKEN_LENGTH) return false;
  const first = name.charCodeAt(0);
  if (first === 0x3a /* : */ || first === 0x23 /* # */) return false;
  return !TOKEN_BREAKER.test(name) && !looksNumeric(name) && !RESERVED_NAMES.has(name);
}

export function isReadableKeywordName(name: string): boolean {
  return name.length > 0 && name.length < MAX_TOKEN_LENGTH && !TOKEN_BREAKER.test(name);
}

export function printNumber(n: number): string {
  if (!Number.isFinite(n)) return `#<number ${n}>`;
  // Past 2^53 an integer is printed in exponent form: the reader rejects such integer literals as inexact.
  if (Number.isInteger(n) && Math.abs(n) > Number.MAX_SAFE_INTEGER) return n.toExponential();
  return String(n);
}

/** Quotes, backslashes, control characters and surrogates (paired or not) need the slow path. */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x7f || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

export function printString(s: string): string {
  if (!needsEscape(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      out += s[i] + (s[i + 1] as string);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate would not survive being written out as UTF-8.
      out += `\\u{${c.toString(16)}}`;
    } else out += s[i];
  }
  return `${out}"`;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

class Printer {
  private readonly parts: string[] = [];
  private length = 0;

  text(): string {
    return this.parts.join('');
  }

  private emit(s: string): void {
    this.length += s.length;
    if (this.length > MAX_SOURCE_LENGTH) throw new LispError('limit', `printed form is longer than ${MAX_SOURCE_LENGTH} characters`);
    this.parts.push(s);
  }

  private enter(depth: number): void {
    if (depth + 1 > MAX_DEPTH) throw new LispError('limit', `value nests deeper than ${MAX_DEPTH} levels and cannot be printed`);
  }

  value(v: Value, depth: number): void {
    if (v === null) return this.emit('nil');
    switch (typeof v) {
      case 'boolean':
        return this.emit(v ? 'true' : 'false');
      case 'number':
        return this.emit(printNumber(v));
      case 'string':
        return this.emit(printString(v));
    }
    if (v instanceof Sym) return this.emit(isReadableSymbolName(v.name) ? v.name : `#<symbol ${printString(v.name)}>`);
    if (v instanceof Keyword) return this.emit(isReadableKeywordName(v.name) ? `:${v.name}` : `#<keyword ${printString(v.name)}>`);
    if (v instanceof Cons) return this.list(v, depth);
    if (v instanceof Vec) return this.items('[', v.items, ']', depth);
    if (v instanceof LispMap) return this.map(v, depth);
    if (v instanceof Lambda) return this.emit(v.name === null ? '#<fn>' : `#<fn ${v.name}>`);
    if (v instanceof Native) return this.emit(`#<builtin ${v.name}>`);
    return this.emit(`#<foreign ${typeof v}>`);
  }

  private list(c: Cons, depth: number): void {
    this.enter(depth);
    const head = c.car;
    if (head instanceof Sym && c.cdr !== null && c.cdr.cdr === null) {
      const sugar = SUGAR.get(head.name);
      if (sugar !== undefined) {
        const inner = new Printer();
        inner.value(c.cdr.car, depth + 1);
        const text = inner.text();
        // `,@x` would read as unquote-splicing, so an unquoted symbol starting with @ keeps the long form.
        if (!(sugar === ',' && text.startsWith('@'))) {
          this.emit(sugar);
          this.emit(text);
          return;
        }
      }
    }
    this.emit('(');
    for (let cell: Cons | null = c; cell !== null; cell = cell.cdr) {
      if (cell !== c) this.emit(' ');
      this.value(cell.car, depth + 1);
    }
    this.emit(')');
  }

  private items(open: string, items: readonly Value[], close: string, depth: number): void {
    this.enter(depth);
    this.emit(open);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.emit(' ');
      this.value(at(items, i), depth + 1);
    }
    this.emit(close);
  }

  private map(m: LispMap, depth: number): void {
    this.enter(depth);
    this.emit('{');
    let first = true;
    for (const [k, v] of m.entries()) {
      if (!first) this.emit(' ');
      first = false;
      this.value(k, depth + 1);
      this.emit(' ');
      this.value(v, depth + 1);
    }
    this.emit('}');
  }
}
