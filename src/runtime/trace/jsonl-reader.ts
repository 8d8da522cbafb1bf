import { readFileSync } from 'node:fs';
import type { TraceRecord } from './record.js';
import { TraceHasher } from './trace-hash.js';

const TYPES = ['send', 'handle', 'init', 'reject', 'crash', 'supervise', 'restart', 'swap', 'escalate', 'spawn', 'stop', 'dead-letter', 'mark'] as const;
// Compile-time: a record type added to the union and not here fails the build, so the reader never refuses a record the writer writes.
const everyType: Exclude<TraceRecord['type'], (typeof TYPES)[number]> extends never ? true : never = true;
void everyType;
const KNOWN: ReadonlySet<string> = new Set(TYPES);

/**
 * The records of a `--trace-jsonl` file (`nosh run --trace-jsonl FILE`,
 * `runCampaign({ traceJsonl })`), in the order they happened. A line that is
 * not a trace record is an error naming the file and the line.
 */
export function readTrace(file: string): TraceRecord[] {
  const records: TraceRecord[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let r: unknown;
    try {
      r = JSON.parse(line);
    } catch (err) {
      throw new Error(`${file}:${i + 1}: not JSON: ${(err as Error).message}`, { cause: err });
    }
    if (typeof r !== 'object' || r === null || !KNOWN.has((r as { type?: unknown }).type as string) || typeof (r as { tick?: unknown }).tick !== 'number') {
      throw new Error(`${file}:${i + 1}: not a trace record (one of ${TYPES.join(', ')}, with a tick): ${line.slice(0, 80)}`);
    }
    records.push(r as TraceRecord);
  }
  return records;
}

/** The trace hash of these records, as a lockstep run reports it (`traceHash`): a read trace can be checked against its run. */
export function traceHashOf(records: Iterable<TraceRecord>): string {
  const hasher = new TraceHasher();
  for (const r of records) hasher.write(r);
  hasher.close();
  return hasher.value();
}
