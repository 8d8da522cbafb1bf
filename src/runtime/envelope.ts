/**
 * The one message shape in nosh. `tick` is the tick at which the envelope is
 * due; `seq` is the sender's own counter, so `(tick, from, seq)` is a total,
 * placement-independent order.
 */
export interface Envelope<K extends string = string, B = unknown> {
  readonly kind: K;
  readonly from: string;
  readonly to: string;
  readonly tick: number;
  readonly seq: number;
  /** Id (`from#seq`) of the envelope whose handling caused this one; null for injected ones. */
  readonly cause: string | null;
  readonly body: B;
}

export type EnvelopeId = `${string}#${number}`;

export function envelopeId(e: Pick<Envelope, 'from' | 'seq'>): EnvelopeId {
  return `${e.from}#${e.seq}`;
}

/** Canonical delivery order. Pure and total over well-formed envelopes. */
export function compareEnvelopes(a: Envelope, b: Envelope): number {
  if (a.tick !== b.tick) return a.tick - b.tick;
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  return a.seq - b.seq;
}

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
  constructor(
    /** The envelope's kind when it had a readable one, else `?`. */
    readonly kind: string,
    /** Dotted path of the offending field, e.g. `body.n`. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`malformed envelope: kind '${kind}', field '${field}': ${problem}`);
  }
}

const MAX_ID_LENGTH = 256;

/**
 * Structural check of anything that arrived from another thread. Bodies are
 * checked later, against the receiving actor's inbox schema.
 */
export function checkEnvelope(x: unknown): Envelope {
  if (typeof x !== 'object' || x === null) {
    throw new EnvelopeError('?', '(envelope)', `expected an object, got ${describe(x)}`);
  }
  const e = x as Record<string, unknown>;
  const kind = typeof e.kind === 'string' && e.kind.length > 0 ? e.kind : '?';
  if (kind === '?') throw new EnvelopeError('?', 'kind', `expected a non-empty string, got ${describe(e.kind)}`);
  for (const field of ['from', 'to'] as const) {
    const v = e[field];
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_ID_LENGTH) {
      throw new EnvelopeError(kind, field, `expected an actor id (1..${MAX_ID_LENGTH} chars), got ${describe(v)}`);
    }
  }
  for (const field of ['tick', 'seq'] as const) {
    const v = e[field];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw new EnvelopeError(kind, field, `expected a non-negative integer, got ${describe(v)}`);
    }
  }
  if (e.cause !== null && typeof e.cause !== 'string') {
    throw new EnvelopeError(kind, 'cause', `expected an envelope id or null, got ${describe(e.cause)}`);
  }
  if (!('body' in e)) throw new EnvelopeError(kind, 'body', 'missing');
  return e as unknown as Envelope;
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  return `a ${typeof v}`;
}
