import type { TraceRecord } from './record.js';

/**
 * The canonical form of trace records: what the trace hash is taken over.
 * Each record is its type's code byte and then its deterministic fields, in a
 * fixed order, each as a tagged value; wall time and durations are left out.
 * Values are encoded as their JSON meaning (docs/kernel.md, The trace hash),
 * so a trace written as JSONL and read back hashes the same as the run did.
 * Bytes go into one reusable buffer, handed on whole when it fills: no string
 * and no object per record.
 */

/** Value tags. */
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 4;
const ARRAY = 5;
const OBJECT = 6;
/** A string with a lone surrogate: u32 byte length, then its JSON text (which escapes the surrogate). */
const ILL_FORMED_STRING = 9;
/** In a `u` regex a surrogate pair is one code point, so this matches only an unpaired surrogate. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** A name written before: u32 index among the names in order of first appearance. */
const NAME_SEEN = 7;
/** Names numbered per run; later new names are written out in full each time. */
export const MAX_NAMES = 4096;

/** Record codes: one byte per record type. */
export const RECORD_CODE: Readonly<Record<TraceRecord['type'], number>> = {
  send: 1,
  handle: 2,
  init: 3,
  reject: 4,
  crash: 5,
  supervise: 6,
  restart: 7,
  swap: 8,
  escalate: 9,
  spawn: 10,
  stop: 11,
  'dead-letter': 12,
  mark: 13,
};

/** Bytes buffered before they are handed on (one native hash call per buffer, not per record). */
export const CANONICAL_BUFFER_BYTES = 64 * 1024;
/** Strings up to this many UTF-16 units are written in place; longer ones are encoded then copied in pieces. */
const IN_PLACE_CHARS = Math.floor((CANONICAL_BUFFER_BYTES - 8) / 3);
/** Short ASCII strings are copied by a loop: cheaper than a call into Buffer#write. */
const LOOP_CHARS = 48;

export class CanonicalEncoder {
  private readonly buf = Buffer.allocUnsafe(CANONICAL_BUFFER_BYTES);
  private readonly view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  private pos = 0;
  private readonly names = new Map<string, number>();

  /** `take` receives each full buffer (and the rest on `flush`); it must use the bytes before returning. */
  constructor(private readonly take: (bytes: Uint8Array) => void) {}

  record(r: TraceRecord): void {
    this.byte(RECORD_CODE[r.type]);
    this.number(r.tick);
    // Header fields have fixed types, so they skip the generic value dispatch; only bodies and args need it.
    switch (r.type) {
      case 'send':
        this.strings(r.from, r.to, r.kind);
        this.number(r.seq);
        this.number(r.due);
        this.maybeString(r.cause);
        return this.value(r.body);
      case 'handle':
        this.strings(r.actor, r.from, r.kind);
        return this.number(r.seq);
      case 'init':
      case 'restart':
        this.string(r.actor);
        return this.number(r.incarnation);
      case 'reject':
        this.strings(r.actor, r.from, r.kind);
        this.number(r.seq);
        return this.strings(r.field, r.error);
      case 'crash':
        this.string(r.actor);
        this.maybeString(r.from);
        this.maybeString(r.kind);
        this.maybeNumber(r.seq);
        return this.string(r.error);
      case 'supervise':
        this.strings(r.actor, r.decision);
        this.number(r.delay);
        return this.number(r.failures);
      case 'swap':
        this.strings(r.actor, r.from, r.to);
        return this.number(r.incarnation);
      case 'escalate':
        return this.strings(r.actor, r.parent, r.error);
      case 'spawn':
        return this.strings(r.actor, r.name, r.parent);
      case 'stop':
        return this.strings(r.actor, r.reason);
      case 'dead-letter':
        this.strings(r.from, r.to, r.kind);
        this.number(r.seq);
        return this.string(r.reason);
      case 'mark':
        this.strings(r.actor, r.name);
        return this.value(r.args);
    }
  }

  /** Hand on whatever is buffered. */
  flush(): void {
    if (this.pos === 0) return;
    this.take(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /** A value as JSON means it: undefined, a non-finite number and a function-free nothing are null. */
  private value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        return this.number(v);
      case 'string':
        return this.string(v);
      case 'boolean':
        return this.byte(v ? TRUE : FALSE);
      case 'object':
        if (v === null) return this.byte(NULL);
        if (Array.isArray(v)) return this.array(v);
        return this.object(v);
      default:
        return this.byte(NULL);
    }
  }

  private array(xs: readonly unknown[]): void {
    this.count(ARRAY, xs.length);
    for (let i = 0; i < xs.length; i++) this.value(xs[i]);
  }

  /** Keys in JSON.stringify's order (Object.keys); a key whose value JSON would drop is left out. */
  private object(o: object): void {
    const record = o as Record<string, unknown>;
    const keys = Object.keys(record);
    let kept = 0;
    for (const k of keys) if (isJsonValue(record[k])) kept++;
    this.count(OBJECT, kept);
    for (const k of keys) {
      const v = record[k];
      if (!isJsonValue(v)) continue;
      this.name(k);
      this.value(v);
    }
  }

  private strings(a: string, b: string, c?: string): void {
    this.name(a);
    this.name(b);
    if (c !== undefined) this.name(c);
  }

  /**
   * Actor ids, kinds and object keys come from a small set: after its first appearance a name is
   * written as its number (in order of first appearance), which is cheaper than its bytes and just
   * as canonical, since every reader of the stream numbers them the same way.
   */
  private name(s: string): void {
    const id = this.names.get(s);
    if (id !== undefined) return this.count(NAME_SEEN, id);
    if (this.names.size < MAX_NAMES) this.names.set(s, this.names.size);
    this.string(s);
  }

  private maybeString(s: string | null): void {
    if (s === null) this.byte(NULL);
    else this.string(s);
  }

  private maybeNumber(x: number | null): void {
    if (x === null) this.byte(NULL);
    else this.number(x);
  }

  /** A number as JSON has it: no negative zero, and NaN and ±Infinity are null. */
  private number(x: number): void {
    if (!Number.isFinite(x)) return this.byte(NULL);
    this.room(9);
    this.buf[this.pos] = NUMBER;
    this.view.setFloat64(this.pos + 1, x === 0 ? 0 : x, true);
    this.pos += 9;
  }

  private count(tag: number, n: number): void {
    this.room(5);
    this.buf[this.pos] = tag;
    this.view.setUint32(this.pos + 1, n, true);
    this.pos += 5;
  }

  /** Tag, UTF-8 byte length, UTF-8 bytes. */
  private string(s: string): void {
    if (s.length > IN_PLACE_CHARS) return this.longString(s);
    this.room(5 + s.length * 3);
    const start = this.pos + 5;
    let n = s.length <= LOOP_CHARS ? asciiInto(this.buf, start, s) : -1;
    // UTF-8 would turn a lone surrogate into U+FFFD, which JSON keeps apart: such a string is hashed as its JSON text, under a tag of its own.
    if (n < 0 && LONE_SURROGATE.test(s)) return this.illFormed(s);
    if (n < 0) n = this.buf.write(s, start, 'utf8');
    this.buf[this.pos] = STRING;
    this.view.setUint32(this.pos + 1, n, true);
    this.pos = start + n;
  }

  private illFormed(s: string): void {
    this.stream(ILL_FORMED_STRING, Buffer.from(JSON.stringify(s), 'utf8'));
  }

  private longString(s: string): void {
    if (LONE_SURROGATE.test(s)) return this.illFormed(s);
    this.stream(STRING, Buffer.from(s, 'utf8'));
  }

  /** Tag, byte length, bytes, copied through the buffer in pieces. */
  private stream(tag: number, bytes: Buffer): void {
    this.count(tag, bytes.length);
    for (let off = 0; off < bytes.length; ) {
      if (this.pos === this.buf.length) this.flush();
      const n = Math.min(this.buf.length - this.pos, bytes.length - off);
      this.buf.set(bytes.subarray(off, off + n), this.pos);
      this.pos += n;
      off += n;
    }
  }

  private byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  private room(n: number): void {
    if (this.pos + n > this.buf.length) this.flush();
  }
}

/** Whether JSON.stringify keeps an object member with this value. */
function isJsonValue(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

/** Copies an all-ASCII string and returns its length, or -1 (nothing promised written) when it is not ASCII. */
function asciiInto(buf: Buffer, at: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return -1;
    buf[at + i] = c;
  }
  return s.length;
}
