/**
 * What may travel in a body (and in mark and spawn arguments): plain data that
 * structured clone copies faithfully and the trace can hash. Checked at `send`,
 * on every placement, so a body that could not cross a thread is refused the
 * same way inline: a function would be stripped inline and fail to clone on
 * threads, and the trace hash would differ between placements.
 */

/** Largest body, estimated as below (docs/kernel.md, Limits). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deepest nesting of arrays and objects in one body. */
export const MAX_BODY_DEPTH = 64;

/** Rough cost of a value on the wire: 8 bytes per scalar and per key or slot, 2 per string char, binary at its length. */
const SCALAR_BYTES = 8;

export class WireValueError extends TypeError {
  override readonly name = 'WireValueError';
  constructor(
    /** Dotted path of the offending part, e.g. `body.reply.fn`. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

/**
 * Throws a WireValueError naming the first part of `value` that is not plain
 * data, or the body as a whole when it is over MAX_BODY_BYTES. Returns the
 * estimated size.
 */
export function checkWireValue(value: unknown, root: string): number {
  // One walk serves every check (a check runs on every send); a getter that sends while it is being walked gets its own.
  const walk = shared.busy ? new Walk() : shared;
  walk.begin(root);
  try {
    walk.visit(value);
    return walk.bytes;
  } finally {
    walk.end();
  }
}

/**
 * One pass over a value. The path to where it stands is kept as a stack of keys and only
 * spelt out for an error, so a body that passes (nearly all of them) costs no strings.
 */
class Walk {
  bytes = 0;
  busy = false;
  private root = '';
  private readonly keys: Array<string | number> = [];
  /** Objects on the current path: a cycle cannot be hashed, though it can be cloned. */
  private readonly objects: object[] = [];

  begin(root: string): void {
    this.busy = true;
    this.root = root;
    this.bytes = 0;
  }

  /** Whether it passed or was refused, the walk is left empty for the next check. */
  end(): void {
    this.keys.length = 0;
    this.objects.length = 0;
    this.busy = false;
  }

  visit(value: unknown): void {
    this.charge(SCALAR_BYTES);
    switch (typeof value) {
      case 'undefined':
      case 'boolean':
      case 'number':
        return;
      case 'string':
        this.charge(value.length * 2);
        return;
      case 'bigint':
        throw this.refuse('is a bigint, which the trace cannot record; send it as a decimal string');
      case 'symbol':
        throw this.refuse('is a symbol, which cannot cross threads');
      case 'function':
        throw this.refuse('is a function, which cannot cross threads; send data, not behaviour');
      case 'object':
        if (value !== null) this.visitObject(value);
    }
  }

  private visitObject(value: object): void {
    if (ArrayBuffer.isView(value)) return this.charge(value.byteLength);
    if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) return this.charge(value.byteLength);
    if (this.objects.length >= MAX_BODY_DEPTH) throw this.refuse(`is nested more than ${MAX_BODY_DEPTH} levels deep`);
    if (this.objects.includes(value)) throw this.refuse('refers back to itself (a cycle), which the trace cannot record');
    this.objects.push(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.visitAt(i, value[i]);
    } else {
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
        throw this.refuse(`is a ${typeof name === 'string' && name ? name : 'class instance'}, which arrives on another thread as a plain object or not at all; send a plain object or array`);
      }
      for (const key of Object.keys(value)) {
        this.charge(key.length * 2);
        this.visitAt(key, (value as Record<string, unknown>)[key]);
      }
      if (Object.getOwnPropertySymbols(value).length > 0) throw this.refuse('has a symbol key, which cannot cross threads');
    }
    this.objects.pop();
  }

  private visitAt(key: string | number, value: unknown): void {
    this.keys.push(key);
    this.visit(value);
    this.keys.pop();
  }

  private charge(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > MAX_BODY_BYTES) throw new WireValueError(this.root, `is over ${MAX_BODY_BYTES} bytes (the limit on one message), reached at ${this.where()}`);
  }

  private refuse(problem: string): WireValueError {
    return new WireValueError(this.where(), problem);
  }

  /** `body.reply[2].fn`: where the walk stands. */
  private where(): string {
    return this.root + this.keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
  }
}

const shared = new Walk();

/** A send, mark or spawn the kernel refused because of what it carried: a crash of the handler that tried it. */
export class SendRefused extends TypeError {
  override readonly name = 'SendRefused';
  constructor(actor: string, what: string, cause: WireValueError) {
    super(`${actor} cannot ${what}: ${cause.message}`, { cause });
  }
}

/** Check what an actor (or a client) hands the kernel: a SendRefused naming who, what and where, or nothing. */
export function checkCarried(value: unknown, root: string, actor: string, what: string): void {
  try {
    checkWireValue(value, root);
  } catch (err) {
    throw err instanceof WireValueError ? new SendRefused(actor, what, err) : err;
  }
}
