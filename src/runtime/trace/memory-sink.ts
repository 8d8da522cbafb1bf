import type { TraceRecord } from './record.js';
import type { TraceSink } from './sink.js';

/** Keeps records in memory, up to a bound; for tests and short tool runs, never for soaks. */
export class MemorySink implements TraceSink {
  readonly records: TraceRecord[] = [];

  constructor(private readonly limit = 1_000_000) {}

  write(r: TraceRecord): void {
    if (this.records.length >= this.limit) throw new Error(`MemorySink holds its limit of ${this.limit} records; stream to a file instead`);
    this.records.push(r);
  }

  close(): void {}

  of<T extends TraceRecord['type']>(type: T): Array<Extract<TraceRecord, { type: T }>> {
    return this.records.filter((r): r is Extract<TraceRecord, { type: T }> => r.type === type);
  }
}
