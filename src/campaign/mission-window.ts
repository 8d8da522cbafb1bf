import type { TraceRecord } from '../runtime/trace/record.js';
import type { TraceSink } from '../runtime/trace/sink.js';

/**
 * Passes on only the records of one mission — from its acceptance until the
 * next mission is accepted, so the commit after its settlement (where board
 * and flash checks look) is in — and a replay's Perfetto trace shows the
 * failing mission, not the thousands of missions before it.
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

  /** Whether the mission was reached at all (a campaign that stopped first leaves the trace empty). */
  get reached(): boolean {
    return this.accepted >= this.mission;
  }

  write(r: TraceRecord): void {
    if (r.type === 'send' && r.kind === 'deck/event' && (r.body as { type: string }).type === 'accepted') {
      this.accepted++;
      this.open = this.accepted === this.mission;
    }
    if (this.open) this.inner.write(r);
  }

  close(): void {
    this.inner.close();
  }
}
