import type { TraceRecord } from './record.js';

/** Where trace records go. Sinks see records in canonical order in lockstep. */
export interface TraceSink {
  write(r: TraceRecord): void;
  /** Records of this type that happened but were not shipped one by one (realtime, counts detail). */
  skipped?(type: TraceRecord['type'], n: number): void;
  close(): void;
}

export function fanOut(sinks: readonly TraceSink[]): TraceSink {
  return {
    write: (r) => {
      for (const s of sinks) s.write(r);
    },
    skipped: (type, n) => {
      for (const s of sinks) s.skipped?.(type, n);
    },
    close: () => {
      for (const s of sinks) s.close();
    },
  };
}
