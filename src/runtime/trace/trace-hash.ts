import { createHash } from 'node:crypto';
import { CanonicalEncoder } from './canonical-bytes.js';
import type { TraceRecord } from './record.js';
import type { TraceSink } from './sink.js';

/** sha-256 over the records' canonical bytes, wall time excluded: the run's fingerprint. */
export class TraceHasher implements TraceSink {
  private readonly hash = createHash('sha256');
  // sha-256 of the concatenation does not depend on how it is split into updates.
  private readonly encoder = new CanonicalEncoder((bytes) => this.hash.update(bytes));
  private digest: string | null = null;
  count = 0;

  write(r: TraceRecord): void {
    if (this.digest !== null) throw new Error('trace hash already finalised');
    this.encoder.record(r);
    this.count++;
  }

  close(): void {
    this.encoder.flush();
    this.digest ??= this.hash.digest('hex');
  }

  /** The hash of everything so far; final once closed. */
  value(): string {
    if (this.digest !== null) return this.digest;
    this.encoder.flush();
    return this.hash.copy().digest('hex');
  }
}
