import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type TraceRecord, readTrace, traceHashOf } from '../src/index.js';
import { JsonlTraceWriter } from '../src/runtime/trace/jsonl-writer.js';

/**
 * One record of every type, with every field set. The hashed fields are the
 * ones a replay must reproduce (docs/kernel.md, The trace hash); `wall` and
 * `dur` say only how fast the run was.
 */
const SAMPLES: readonly TraceRecord[] = [
  { type: 'send', tick: 7, wall: 11, kind: 'op/verb', from: 'mission-runner', to: 'mission-control', due: 8, seq: 3, cause: 'clock#2', body: { verb: 'accept', n: 2, deep: [1, 'two', { x: true }] } },
  { type: 'handle', tick: 7, wall: 11, actor: 'cart', kind: 'cart/move', from: 'mission-runner', seq: 4, dur: 900 },
  { type: 'init', tick: 7, wall: 11, actor: 'cipher', incarnation: 2, dur: 300 },
  { type: 'reject', tick: 7, wall: 11, actor: 'flash', kind: 'flash/write', from: 'mission-control', seq: 5, field: 'body.state', error: 'too long' },
  { type: 'crash', tick: 7, wall: 11, actor: 'cart', kind: 'cart/move', from: 'mission-runner', seq: 6, error: 'TypeError: boom' },
  { type: 'supervise', tick: 7, wall: 11, actor: 'cart', decision: 'restart', delay: 4, failures: 1 },
  { type: 'restart', tick: 7, wall: 11, actor: 'cart', incarnation: 3 },
  { type: 'swap', tick: 7, wall: 11, actor: 'cart', from: 'audit', to: 'neongrid', incarnation: 4 },
  { type: 'escalate', tick: 7, wall: 11, actor: 'cart', parent: 'mission-control', error: 'too many crashes' },
  { type: 'spawn', tick: 7, wall: 11, actor: 'cart', name: 'audit', parent: 'mission-control' },
  { type: 'stop', tick: 7, wall: 11, actor: 'cart', reason: 'stopped itself' },
  { type: 'dead-letter', tick: 7, wall: 11, kind: 'cart/move', from: 'mission-runner', to: 'cart', seq: 8, reason: 'actor stopped' },
  { type: 'mark', tick: 7, wall: 11, actor: 'flash', name: 'stalled', args: { ticks: 30 } },
];

const UNHASHED = new Set(['wall', 'dur']);

/** A different value of the same kind, so only the content changes, never the shape. */
function other(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `${value}′`;
  if (value === null) return 'not null';
  if (typeof value === 'object') return { ...(value as object), changed: 1 };
  throw new Error(`no other value for ${String(value)}`);
}

function withField(r: TraceRecord, field: string, value: unknown): TraceRecord {
  return { ...r, [field]: value } as TraceRecord;
}

describe('the trace hash', () => {
  const base = traceHashOf(SAMPLES);

  it.each(SAMPLES.map((r) => [r.type, r] as const))('changes when any hashed field of a %s record changes, and not when wall time does', (_type, r) => {
    const fields = Object.keys(r).filter((f) => f !== 'type');
    expect(fields.length).toBeGreaterThan(2);
    for (const field of fields) {
      const changed = SAMPLES.map((s) => (s === r ? withField(s, field, other((r as unknown as Record<string, unknown>)[field])) : s));
      const hash = traceHashOf(changed);
      if (UNHASHED.has(field)) expect({ field, same: hash === base }).toEqual({ field, same: true });
      else expect({ field, same: hash === base }).toEqual({ field, same: false });
    }
  });

  it('changes with the record type, the order of records, and a value nested deep in a body', () => {
    const [send, handle] = SAMPLES as [TraceRecord, TraceRecord, ...TraceRecord[]];
    expect(traceHashOf([handle, send, ...SAMPLES.slice(2)])).not.toBe(base);
    expect(traceHashOf([{ ...handle, type: 'init', incarnation: 4 } as TraceRecord, ...SAMPLES.slice(1)])).not.toBe(traceHashOf(SAMPLES.slice(1)));
    const deep = { ...send, body: { verb: 'accept', n: 2, deep: [1, 'two', { x: false }] } } as TraceRecord;
    expect(traceHashOf([deep, ...SAMPLES.slice(1)])).not.toBe(base);
  });

  it('tells apart values that print alike when run together: field boundaries and types are in the bytes', () => {
    const mark = (args: Record<string, unknown>): string => traceHashOf([{ type: 'mark', tick: 1, wall: 0, actor: 'a', name: 'n', args }]);
    expect(mark({ a: 'bc' })).not.toBe(mark({ ab: 'c' }));
    expect(mark({ a: 1 })).not.toBe(mark({ a: '1' }));
    expect(mark({ a: [1, 2] })).not.toBe(mark({ a: [[1], 2] }));
    expect(mark({ a: null })).not.toBe(mark({ a: false }));
    expect(mark({ a: 'ü' })).not.toBe(mark({ a: 'u' }));
    // UTF-8 alone would make a lone surrogate U+FFFD; JSON keeps them apart, and so does the hash.
    expect(mark({ a: '\ud800' })).not.toBe(mark({ a: '\ufffd' }));
    expect(mark({ a: 'x\ud800'.repeat(30_000) })).not.toBe(mark({ a: 'x\ufffd'.repeat(30_000) }));
    // A string longer than the encoder's buffer is streamed through it, and still counts in full.
    const long = 'x'.repeat(200_000);
    expect(mark({ a: long })).not.toBe(mark({ a: `${long}y` }));
  });

  describe('is the hash of what a JSONL trace holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-trace-hash-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('values JSON cannot spell the same way (undefined members, -0, NaN, typed arrays) hash as JSON reads them back', () => {
      const file = join(dir, 'edge.jsonl');
      const body = { gone: undefined, zero: -0, nan: Number.NaN, list: [undefined, 1], bytes: new Uint8Array([1, 2, 3]), text: 'naïve ✓' };
      const records: TraceRecord[] = [...SAMPLES, { ...(SAMPLES[0] as TraceRecord), body } as TraceRecord, { ...(SAMPLES[0] as TraceRecord), body: undefined } as TraceRecord];
      const writer = new JsonlTraceWriter(file);
      for (const r of records) writer.write(r);
      writer.close();
      expect(traceHashOf(readTrace(file))).toBe(traceHashOf(records));
    });
  });
});
