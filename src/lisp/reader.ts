import { ReadError } from './errors.js';
import { MAX_DEPTH, MAX_SOURCE_LENGTH, MAX_STRING_LENGTH, MAX_TOKEN_LENGTH } from './limits.js';
import { type Pos, formatPos } from './position.js';
import { Cons, Keyword, LispMap, type List, Sym, type Value, Vec, mapKey, typeName } from './values.js';
import { at } from '../assert.js';

/** Returned by `Reader.next` when only whitespace and comments remain. */
export const END: unique symbol = Symbol('end of input');

export interface ReadOptions {
  /** Name put in every position (a file path, `stdin`); omitted from positions when absent. */
  readonly source?: string;
  /** Where the text starts, when it is a piece of a larger input such as a REPL line. */
  readonly line?: number;
  readonly col?: number;
}

/** Read every form in `text`. Throws ReadError on the first problem; never returns a partial result. */
export function readAll(text: string, options?: string | ReadOptions): Value[] {
  const reader = new Reader(text, typeof options === 'string' ? { source: options } : options);
  const forms: Value[] = [];
  for (let form = reader.next(); form !== END; form = reader.next()) forms.push(form);
  return forms;
}

/** Read exactly one form: nothing, or anything after it, is a ReadError. */
export function read(text: string, options?: string | ReadOptions): Value {
  const reader = new Reader(text, typeof options === 'string' ? { source: options } : options);
  const form = reader.next();
  if (form === END) throw new ReadError('expected a form, found end of input', reader.position(), true);
  if (reader.next() !== END) throw new ReadError('expected end of input after the form', reader.lastFormPosition());
  return form;
}

const enum Ch {
  Tab = 0x09,
  Newline = 0x0a,
  Return = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Hash = 0x23,
  Apostrophe = 0x27,
  OpenParen = 0x28,
  CloseParen = 0x29,
  Comma = 0x2c,
  Colon = 0x3a,
  Semicolon = 0x3b,
  At = 0x40,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  Backquote = 0x60,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

const UNICODE_SPACE = /\s/;

export function isWhitespace(c: number): boolean {
  if (c < 0x80) return c === Ch.Space || (c >= Ch.Tab && c <= Ch.Return);
  return UNICODE_SPACE.test(String.fromCharCode(c));
}

/** Characters that end a token. Everything else, any Unicode included, is part of a symbol. */
export function isDelimiter(c: number): boolean {
  switch (c) {
    case Ch.OpenParen:
    case Ch.CloseParen:
    case Ch.OpenBracket:
    case Ch.CloseBracket:
    case Ch.OpenBrace:
    case Ch.CloseBrace:
    case Ch.Quote:
    case Ch.Semicolon:
    case Ch.Apostrophe:
    case Ch.Backquote:
    case Ch.Comma:
      return true;
    default:
      return isWhitespace(c);
  }
}

function isCloser(c: number): boolean {
  return c === Ch.CloseParen || c === Ch.CloseBracket || c === Ch.CloseBrace;
}

const INTEGER = /^[+-]?\d+$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]+)$/;
const DECIMAL = /^[+-]?(?:\d+\.\d+|\.\d+|\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a token reads as a number. The printer uses it too, to know which symbol names need care. */
export function looksNumeric(token: string): boolean {
  return INTEGER.test(token) || HEX.test(token) || DECIMAL.test(token);
}

/** Tokens that read as a literal value rather than a symbol. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['nil', 'true', 'false']);

const PREFIXES: Readonly<Record<string, string>> = {
  quote: "'",
  quasiquote: '`',
  unquote: ',',
  'unquote-splicing': ',@',
};

/**
 * A recursive-descent reader over one text. Positions count lines from 1 and
 * columns in code points from 1 (so `¤` is one column).
 */
export class Reader {
  private i = 0;
  private line: number;
  private col: number;
  private readonly source: string | undefined;
  private lastStart: Pos;

  constructor(
    private readonly text: string,
    options: ReadOptions = {},
  ) {
    this.line = options.line ?? 1;
    this.col = options.col ?? 1;
    this.source = options.source;
    this.lastStart = this.position();
    if (text.length > MAX_SOURCE_LENGTH) {
      throw new ReadError(`source is ${text.length} characters long; the limit is ${MAX_SOURCE_LENGTH}`, this.position());
    }
  }

  /** Offset just past the last form read (or the comments and spaces skipped to find there is none). */
  get offset(): number {
    return this.i;
  }

  position(): Pos {
    return this.source === undefined ? { line: this.line, col: this.col } : { line: this.line, col: this.col, source: this.source };
  }

  lastFormPosition(): Pos {
    return this.lastStart;
  }

  /** The next form, or END when only whitespace and comments remain. */
  next(): Value | typeof END {
    this.skipAtmosphere();
    if (this.i >= this.text.length) return END;
    this.lastStart = this.position();
    return this.form(0);
  }

  private advance(): void {
    const c = this.text.charCodeAt(this.i++);
    if (c === Ch.Newline) {
      this.line++;
      this.col = 1;
      return;
    }
    // A surrogate pair is one code point, hence one column.
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = this.text.charCodeAt(this.i);
      if (d >= 0xdc00 && d <= 0xdfff) this.i++;
    }
    this.col++;
  }

  private skipAtmosphere(): void {
    const text = this.text;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === Ch.Semicolon) {
        while (this.i < text.length && text.charCodeAt(this.i) !== Ch.Newline) this.advance();
      } else if (isWhitespace(c)) {
        this.advance();
      } else {
        return;
      }
    }
  }

  private peekChar(): string {
    return String.fromCodePoint(this.text.codePointAt(this.i) as number);
  }

  /** One form at `depth` enclosing levels; the caller has skipped atmosphere and checked there is input. */
  private form(depth: number): Value {
    const pos = this.position();
    const c = this.text.charCodeAt(this.i);
    switch (c) {
      case Ch.OpenParen:
        return this.list(pos, depth);
      case Ch.OpenBracket:
        return new Vec(this.sequence(Ch.CloseBracket, 'vector', pos, depth).items, pos);
      case Ch.OpenBrace:
        return this.map(pos, depth);
      case Ch.CloseParen:
      case Ch.CloseBracket:
      case Ch.CloseBrace:
        throw new ReadError(`unexpected '${this.peekChar()}': expected a form`, pos);
      case Ch.Quote:
        return this.string(pos);
      case Ch.Apostrophe:
        this.advance();
        return this.prefixed('quote', pos, depth);
      case Ch.Backquote:
        this.advance();
        return this.prefixed('quasiquote', pos, depth);
      case Ch.Comma:
        this.advance();
        if (this.text.charCodeAt(this.i) === Ch.At) {
          this.advance();
          return this.prefixed('unquote-splicing', pos, depth);
        }
        return this.prefixed('unquote', pos, depth);
      case Ch.Hash:
        throw new ReadError("'#' starts an unreadable value (such as #<fn f>): expected a form", pos);
      default:
        return this.atom(pos);
    }
  }

  private enter(depth: number, pos: Pos): void {
    if (depth + 1 > MAX_DEPTH) throw new ReadError(`forms nest deeper than ${MAX_DEPTH} levels`, pos);
  }

  private prefixed(name: string, pos: Pos, depth: number): Value {
    this.enter(depth, pos);
    const prefix = PREFIXES[name] as string;
    this.skipAtmosphere();
    if (this.i >= this.text.length) throw new ReadError(`expected a form after ${prefix}, found end of input`, this.position(), true);
    const at = this.position();
    if (isCloser(this.text.charCodeAt(this.i))) throw new ReadError(`expected a form after ${prefix}, found '${this.peekChar()}'`, at);
    const inner = this.form(depth + 1);
    return new Cons(new Sym(name, pos), new Cons(inner, null, at), pos);
  }

  private sequence(close: number, what: string, pos: Pos, depth: number): { items: Value[]; positions: Pos[] } {
    this.enter(depth, pos);
    this.advance();
    const closer = String.fromCharCode(close);
    const items: Value[] = [];
    const positions: Pos[] = [];
    for (;;) {
      this.skipAtmosphere();
      if (this.i >= this.text.length) {
        throw new ReadError(`unterminated ${what} opened at ${formatPos(pos)}: expected '${closer}'`, this.position(), true);
      }
      const c = this.text.charCodeAt(this.i);
      if (c === close) {
        this.advance();
        return { items, positions };
      }
      if (isCloser(c)) {
        throw new ReadError(`expected '${closer}' to close the ${what} opened at ${formatPos(pos)}, found '${this.peekChar()}'`, this.position());
      }
      positions.push(this.position());
      items.push(this.form(depth + 1));
    }
  }

  private list(pos: Pos, depth: number): List {
    const { items, positions } = this.sequence(Ch.CloseParen, 'list', pos, depth);
    let list: List = null;
    for (let k = items.length - 1; k >= 0; k--) list = new Cons(at(items, k), list, k === 0 ? pos : positions[k]);
    return list;
  }

  private map(pos: Pos, depth: number): LispMap {
    const { items, positions } = this.sequence(Ch.CloseBrace, 'map', pos, depth);
    if (items.length % 2 !== 0) {
      throw new ReadError(`map opened at ${formatPos(pos)} has ${items.length} forms: expected key value pairs (an even count)`, pos);
    }
    const seen = new Set<string>();
    const pairs: [Value, Value][] = [];
    for (let k = 0; k < items.length; k += 2) {
      const key = at(items, k);
      const encoded = mapKey(key);
      if (encoded === undefined) {
        throw new ReadError(`expected a map key (keyword, string, number, symbol or boolean), found a ${typeName(key)}`, at(positions, k));
      }
      if (seen.has(encoded)) throw new ReadError('duplicate key in map: expected each key once', at(positions, k));
      seen.add(encoded);
      pairs.push([key, at(items, k + 1)]);
    }
    return LispMap.fromPairs(pairs, pos);
  }

  private string(pos: Pos): string {
    this.advance();
    const text = this.text;
    let out = '';
    let start = this.i;
    for (;;) {
      if (this.i >= text.length) throw new ReadError(`unterminated string opened at ${formatPos(pos)}: expected '"'`, this.position(), true);
      const c = text.charCodeAt(this.i);
      if (c === Ch.Quote) {
        out += text.slice(start, this.i);
        this.advance();
        break;
      }
      if (c === Ch.Backslash) {
        out += text.slice(start, this.i);
        out += this.escape();
        start = this.i;
      } else {
        this.advance();
      }
      if (out.length + (this.i - start) > MAX_STRING_LENGTH) {
        throw new ReadError(`string opened at ${formatPos(pos)} is longer than ${MAX_STRING_LENGTH} characters`, pos);
      }
    }
    return out;
  }

  private escape(): string {
    const at = this.position();
    this.advance();
    if (this.i >= this.text.length) throw new ReadError('expected an escape after \\, found end of input', this.position(), true);
    const c = this.text[this.i];
    this.advance();
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
        return this.unicodeEscape(at);
      default:
        throw new ReadError(`unknown escape '\\${c}' in string: expected one of \\n \\t \\r \\" \\\\ \\u{hex}`, at);
    }
  }

  private unicodeEscape(at: Pos): string {
    const m = /^\{([0-9a-fA-F]{1,6})\}/.exec(this.text.slice(this.i, this.i + 9));
    if (m === null) {
      // A REPL line that stops inside `\u{…` may still be completed by the next line.
      const incomplete = /^(?:\{[0-9a-fA-F]{0,6})?$/.test(this.text.slice(this.i));
      throw new ReadError('expected \\u{hex} with 1 to 6 hex digits', at, incomplete);
    }
    const code = Number.parseInt(m[1] as string, 16);
    if (code > 0x10ffff) throw new ReadError(`\\u{${m[1]}} is past the last code point 10FFFF`, at);
    for (let k = 0; k < m[0].length; k++) this.advance();
    return String.fromCodePoint(code);
  }

  private atom(pos: Pos): Value {
    const text = this.text;
    const start = this.i;
    while (this.i < text.length && !isDelimiter(text.charCodeAt(this.i))) {
      this.advance();
      if (this.i - start > MAX_TOKEN_LENGTH) throw new ReadError(`token longer than ${MAX_TOKEN_LENGTH} characters`, pos);
    }
    const token = text.slice(start, this.i);
    if (token.charCodeAt(0) === Ch.Colon) {
      if (token.length === 1) throw new ReadError("expected a keyword name after ':'", pos);
      return new Keyword(token.slice(1), pos);
    }
    if (token === 'nil') return null;
    if (token === 'true') return true;
    if (token === 'false') return false;
    const n = parseNumber(token, pos);
    return n === undefined ? new Sym(token, pos) : n;
  }
}

/**
 * A token is a number only if all of it is number syntax; otherwise it is a
 * symbol, which is how `0..2` (seed 004's `:draw 0..2`) stays a symbol.
 * Integers must be exact: past 2^53 is an error, not a silent rounding.
 */
function parseNumber(token: string, pos: Pos): number | undefined {
  if (INTEGER.test(token)) {
    const n = Number(token);
    if (!Number.isSafeInteger(n)) throw new ReadError(`integer ${token} is outside ±${Number.MAX_SAFE_INTEGER}`, pos);
    return n;
  }
  const hex = HEX.exec(token);
  if (hex !== null) {
    const n = Number.parseInt(hex[2] as string, 16);
    if (!Number.isSafeInteger(n)) throw new ReadError(`integer ${token} is outside ±${Number.MAX_SAFE_INTEGER}`, pos);
    return hex[1] === '-' ? -n : n;
  }
  if (DECIMAL.test(token)) {
    const n = Number(token);
    if (!Number.isFinite(n)) throw new ReadError(`number ${token} is too large for a double`, pos);
    return n;
  }
  return undefined;
}
