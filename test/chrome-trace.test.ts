import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChromeEvent } from '../src/runtime/trace/chrome-writer.js';
import { demoRun } from './helpers/demo-run.js';
import { readTrace } from '../src/runtime/trace/jsonl-reader.js';


describe('Chrome Trace Event output', () => {
  it.each(['threads', 'inline'] as const)('%s: parses, names every actor thread, and every flow start has its end', async (placement) => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-trace-'));
    const traceFile = join(dir, 'run.json');
    const traceJsonl = join(dir, 'run.jsonl');
    const summary = await demoRun(11, placement, 400, { traceFile, traceJsonl });

    const doc = JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: ChromeEvent[]; otherData: Record<string, unknown> };
    const events = doc.traceEvents;
    expect(doc.otherData).toMatchObject({ seed: 11, placement });

    const records = readTrace(traceJsonl);
    expect(records.filter((r) => r.type === 'send')).toHaveLength(summary.envelopes);
    const actors = new Set(records.flatMap((r) => ('actor' in r ? [r.actor] : [r.from])));
    const threadNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [e.tid, e.args?.name]));
    for (const actor of actors) expect([...threadNames.values()]).toContain(actor);
    // Every event sits on a named thread of the one process.
    for (const e of events) {
      expect(e.pid).toBe(1);
      if (e.ph !== 'M' || e.name !== 'process_name') expect(threadNames.has(e.tid)).toBe(true);
    }

    const starts = events.filter((e) => e.ph === 's');
    const ends = new Map(events.filter((e) => e.ph === 'f').map((e) => [e.id, e]));
    expect(starts.length).toBeGreaterThan(100);
    expect(ends.size).toBe(starts.length);
    const slices = events.filter((e) => e.ph === 'X');
    for (const s of starts) {
      const f = ends.get(s.id);
      expect(f, `flow ${s.id} (${s.name}) has no end`).toBeDefined();
      expect(f?.name).toBe(s.name);
      expect(f?.bp).toBe('e');
      // Both ends bind to a slice on their own thread that encloses them.
      for (const point of [s, f as ChromeEvent]) {
        const enclosing = slices.find((x) => x.tid === point.tid && (x.ts as number) <= (point.ts as number) && (point.ts as number) <= (x.ts as number) + (x.dur as number));
        expect(enclosing, `flow ${s.id} ${point.ph} at ${point.ts} on tid ${point.tid}`).toBeDefined();
      }
    }
    // Handled envelopes are slices on the receiver's thread.
    const handled = records.filter((r) => r.type === 'handle' && !r.actor.startsWith('$'));
    expect(slices.filter((e) => (e.args as { from?: string } | undefined)?.from !== undefined && e.name !== 'reject').length).toBeGreaterThanOrEqual(handled.length);
  });
});
