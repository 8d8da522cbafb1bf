import type { TraceRecord } from '../runtime/trace/record.js';
import type { TraceSink } from '../runtime/trace/sink.js';

/**
 * What a campaign's summary counts, read off the trace as it goes by rather
 * than out of Mission Control's memory (which a crash or a reboot wipes):
 * settlements by outcome, Hot Swaps, aborted calls, power cycles, script
 * errors, and the books as the deck last reported them.
 */
export class CampaignTally implements TraceSink {
  accepted = 0;
  /** Each run's outcome by the deck's run number: a settlement a power cut lost and the deck played again counts once, as replayed. */
  private readonly outcomes: string[] = [];
  hotSwaps = 0;
  aborts = 0;
  powerCycles = 0;
  scriptErrors = 0;
  credits = 0;
  reputation = 0;
  intel = 0;

  write(r: TraceRecord): void {
    if (r.type !== 'send') return;
    if (r.kind === 'runner/error') {
      this.scriptErrors++;
      return;
    }
    if (r.kind !== 'deck/event') return;
    const e = r.body as { type: string; outcome?: string; from?: string | null; to?: string; on?: boolean; figures?: { credits: number; reputation: number; intel: number; runs: number } };
    switch (e.type) {
      case 'accepted':
        this.accepted++;
        break;
      case 'settled':
        this.outcomes[(e.figures?.runs ?? this.outcomes.length + 1) - 1] = e.outcome ?? 'abandoned';
        break;
      // A Hot Swap is the cart actor becoming another cart, whoever asked (a call, or an insert-cart).
      case 'swap':
        if (e.from !== null && e.from !== e.to) this.hotSwaps++;
        break;
      case 'call-result':
        if (e.outcome === 'abort') this.aborts++;
        break;
      case 'power':
        if (e.on === false) this.powerCycles++;
        break;
      default:
        break;
    }
    if (e.figures) {
      this.credits = e.figures.credits;
      this.reputation = e.figures.reputation;
      this.intel = e.figures.intel;
    }
  }

  get succeeded(): number {
    return this.count('success');
  }

  get failed(): number {
    return this.count('failure');
  }

  get abandoned(): number {
    return this.outcomes.filter((o) => o !== 'success' && o !== 'failure').length;
  }

  close(): void {}

  private count(outcome: string): number {
    return this.outcomes.filter((o) => o === outcome).length;
  }
}
