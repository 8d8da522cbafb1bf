import type { TraceRecord } from '../runtime/trace/record.js';
import type { TraceSink } from '../runtime/trace/sink.js';

/**
 * Passes on only the records of one mission — from its acceptance to its
 * settlement — so a replay's Perfetto trace shows the failing mission, not
 * the thousands of missions before it.
 */
export class MissionWindow implements TraceSink {
  private accepted = 0;
  private open = false;

  constructor(
    private readonly inner: TraceSink,
    private readonly mission: number,
  ) {
    if (!Number.isSafeInteger(mission) || mission < 1) throw new RangeError(`mission must be a positive integer, got ${mission}`);
  }

  write(r: TraceRecord): void {
    const type = r.type === 'send' && r.kind === 'deck/event' ? (r.body as { type: string }).type : null;
    if (type === 'accepted' && ++this.accepted === this.mission) this.open = true;
    if (!this.open) return;
    this.inner.write(r);
    if (type === 'settled') this.open = false;
  }

  close(): void {
    this.inner.close();
  }
}
