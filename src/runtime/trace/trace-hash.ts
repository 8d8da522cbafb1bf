import { createHash } from 'node:crypto';
import { canonicalLine, type TraceRecord } from './record.js';
import type { TraceSink } from './sink.js';

/** sha-256 over the canonical records, wall time excluded: the run's fingerprint. */
export class TraceHasher implements TraceSink {
  private readonly hash = createHash('sha256');
  private digest: string | null = null;
  count = 0;

  write(r: TraceRecord): void {
    if (this.digest !== null) throw new Error('trace hash already finalised');
    this.hash.update(canonicalLine(r));
    this.hash.update('\n');
    this.count++;
  }

  close(): void {
    this.digest ??= this.hash.digest('hex');
  }

  /** The hash of everything so far; final once closed. */
  value(): string {
    return this.digest ?? this.hash.copy().digest('hex');
  }
}
