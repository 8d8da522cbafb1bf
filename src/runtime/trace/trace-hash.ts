import { createHash } from 'node:crypto';
import { canonicalLine, type TraceRecord } from './record.js';
import type { TraceSink } from './sink.js';

/** Lines are hashed in chunks of about this many characters: one native call per chunk, not per record. */
const CHUNK_CHARS = 64 * 1024;

/** sha-256 over the canonical records, wall time excluded: the run's fingerprint. */
export class TraceHasher implements TraceSink {
  private readonly hash = createHash('sha256');
  private pending = '';
  private digest: string | null = null;
  count = 0;

  write(r: TraceRecord): void {
    if (this.digest !== null) throw new Error('trace hash already finalised');
    // sha-256 of the concatenation does not depend on how it is split into updates.
    this.pending += `${canonicalLine(r)}\n`;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
    this.count++;
  }

  close(): void {
    this.flush();
    this.digest ??= this.hash.digest('hex');
  }

  /** The hash of everything so far; final once closed. */
  value(): string {
    if (this.digest !== null) return this.digest;
    this.flush();
    return this.hash.copy().digest('hex');
  }

  private flush(): void {
    if (this.pending === '') return;
    this.hash.update(this.pending);
    this.pending = '';
  }
}
