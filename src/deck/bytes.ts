/**
 * Little-endian byte writer and reader for the UDS encoding. The reader names
 * the field it was reading in every error, so a corrupt state says what broke.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private n = 0;

  /** `capacity`: bytes to start with (it grows as needed). */
  constructor(capacity = 1024) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.room(1);
    this.view.setUint8(this.n, v);
    this.n += 1;
  }

  u16(v: number): void {
    this.room(2);
    this.view.setUint16(this.n, v, true);
    this.n += 2;
  }

  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.n, v >>> 0, true);
    this.n += 4;
  }

  i32(v: number): void {
    this.room(4);
    this.view.setInt32(this.n, v, true);
    this.n += 4;
  }

  /** An integer in [0, 2^48) as six bytes (ms timestamps and ¤ need more than 32 bits). */
  u48(v: number): void {
    this.u32(v % 2 ** 32);
    this.u16(Math.floor(v / 2 ** 32));
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }

  /** A UTF-8 string with a u8 byte length (names are short by construction). */
  name(s: string): void {
    const b = encoder.encode(s);
    if (b.length > 255) throw new RangeError(`name '${s.slice(0, 40)}…' is ${b.length} bytes; a u8 length holds 255`);
    this.u8(b.length);
    this.bytes(b);
  }

  get length(): number {
    return this.n;
  }

  /** Overwrite a u32 already written (the body length, once known). */
  patchU32(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0, true);
  }

  /** Start again, empty, keeping the buffer. */
  reset(): void {
    this.n = 0;
  }

  /** A copy of what was written from `start` on. */
  copy(start: number): Uint8Array {
    return this.buf.slice(start, this.n);
  }

  /** What was written, as a view of the buffer (valid until the next write or reset). */
  written(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

export class DecodeFailure extends Error {
  override readonly name = 'DecodeFailure';
  constructor(
    readonly field: string,
    readonly offset: number,
    readonly problem: string,
  ) {
    super(`${field} at byte ${offset}: ${problem}`);
  }
}

export class ByteReader {
  private readonly view: DataView;
  private n: number;

  constructor(
    private readonly buf: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.n = start;
  }

  get offset(): number {
    return this.n;
  }

  get remaining(): number {
    return this.end - this.n;
  }

  private need(k: number, field: string): number {
    if (this.n + k > this.end) throw new DecodeFailure(field, this.n, `truncated: needs ${k} bytes, ${this.end - this.n} left`);
    const at = this.n;
    this.n += k;
    return at;
  }

  u8(field: string): number {
    return this.view.getUint8(this.need(1, field));
  }

  u16(field: string): number {
    return this.view.getUint16(this.need(2, field), true);
  }

  u32(field: string): number {
    return this.view.getUint32(this.need(4, field), true);
  }

  i32(field: string): number {
    return this.view.getInt32(this.need(4, field), true);
  }

  u48(field: string): number {
    const lo = this.u32(field);
    const hi = this.u16(field);
    return hi * 2 ** 32 + lo;
  }

  bytes(k: number, field: string): Uint8Array {
    const at = this.need(k, field);
    // A copy, never a view: a Buffer's slice() aliases it, and the state must not change when the bytes it came from do.
    return new Uint8Array(this.buf.subarray(at, at + k));
  }

  name(field: string, maxBytes: number): string {
    const at = this.n;
    const k = this.u8(field);
    if (k > maxBytes) throw new DecodeFailure(field, at, `name of ${k} bytes; the limit is ${maxBytes}`);
    const b = this.bytes(k, field);
    try {
      return decoder.decode(b);
    } catch {
      throw new DecodeFailure(field, at + 1, 'not valid UTF-8');
    }
  }

  /** A count field, refused past its limit before anything is allocated for it. */
  count(field: string, limit: number): number {
    const at = this.n;
    const k = this.u16(field);
    if (k > limit) throw new DecodeFailure(field, at, `${k} entries; the limit is ${limit}`);
    return k;
  }

  fail(field: string, problem: string, at = this.n): never {
    throw new DecodeFailure(field, at, problem);
  }
}
