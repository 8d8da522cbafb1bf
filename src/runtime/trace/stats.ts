import type { TraceRecord } from './record.js';
import type { TraceSink } from './sink.js';

/** Counts of what happened, by record type: the run summary's numbers. */
export class TraceStats implements TraceSink {
  envelopes = 0;
  handled = 0;
  rejected = 0;
  crashes = 0;
  restarts = 0;
  swaps = 0;
  escalations = 0;
  deadLetters = 0;
  spawns = 0;
  stops = 0;
  lastTick = 0;

  write(r: TraceRecord): void {
    if (r.tick > this.lastTick) this.lastTick = r.tick;
    switch (r.type) {
      case 'send':
        this.envelopes++;
        return;
      case 'handle':
        this.handled++;
        return;
      case 'reject':
        this.rejected++;
        return;
      case 'crash':
        this.crashes++;
        return;
      case 'restart':
        this.restarts++;
        return;
      case 'escalate':
        this.escalations++;
        return;
      case 'swap':
        this.swaps++;
        return;
      case 'dead-letter':
        this.deadLetters++;
        return;
      case 'spawn':
        this.spawns++;
        return;
      case 'stop':
        this.stops++;
        return;
      default:
        return;
    }
  }

  skipped(type: TraceRecord['type'], n: number): void {
    if (type === 'send') this.envelopes += n;
    else if (type === 'handle') this.handled += n;
  }

  close(): void {}

  toJSON(): Record<string, number> {
    const { envelopes, handled, rejected, crashes, restarts, swaps, escalations, deadLetters, spawns, stops } = this;
    return { envelopes, handled, rejected, crashes, restarts, swaps, escalations, deadLetters, spawns, stops };
  }
}
