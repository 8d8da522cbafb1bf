import type { Envelope } from './envelope.js';

/**
 * An envelope on a realtime port: a flat tuple, which structured clone copies
 * in about half the time of the seven-key object. Everything else on the
 * ports stays a plain object; an array on a data port always means "an
 * envelope".
 */
export type WireEnvelope = readonly [kind: string, from: string, to: string, tick: number, seq: number, cause: string | null, body: unknown];

export function toWire(e: Envelope): WireEnvelope {
  return [e.kind, e.from, e.to, e.tick, e.seq, e.cause, e.body];
}

/**
 * Back to object form without judging it: a malformed tuple becomes an object
 * with the same holes, so `checkEnvelope` names the missing field.
 */
export function fromWire(w: readonly unknown[]): unknown {
  const e: Record<string, unknown> = { kind: w[0], from: w[1], to: w[2], tick: w[3], seq: w[4], cause: w[5] };
  if (w.length > 6) e.body = w[6];
  return e;
}
