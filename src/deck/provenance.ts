import { MAX_PROVENANCE } from './limits.js';
import type { ProvenanceRecord, Uds } from './uds.js';

/** Append a resolved run; the log keeps the newest MAX_PROVENANCE, dropping the oldest. */
export function appendProvenance(uds: Uds, record: Omit<ProvenanceRecord, 'run'>): Uds {
  const run = uds.runCount;
  const log = [...uds.provenance, { run, ...record }];
  return { ...uds, provenance: log.slice(Math.max(0, log.length - MAX_PROVENANCE)), runCount: (run + 1) >>> 0 };
}
