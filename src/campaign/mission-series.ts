import type { TraceRecord } from '../runtime/trace/record.js';
import type { TraceSink } from '../runtime/trace/sink.js';

/** One settled mission, as the report plots it. */
export interface MissionPoint {
  /** 1-based mission index in the campaign. */
  readonly mission: number;
  readonly threat: number;
  readonly outcome: string;
  /** ¤ the mission paid in all. */
  readonly payout: number;
  /** credit_balance and reputation after it settled. */
  readonly balance: number;
  readonly reputation: number;
  /** Hot Swaps and cart restarts during it. */
  readonly swaps: number;
  readonly restarts: number;
}

/** Points kept per campaign: past this the series thins itself to every 2nd, 4th… mission, so a 10,000-mission campaign costs the same as a 2,000-mission one. */
export const MAX_POINTS = 2_000;

/**
 * The per-mission series a soak report plots, read off the trace. Bounded:
 * it keeps every `stride`-th mission and doubles the stride when full.
 */
export class MissionSeries implements TraceSink {
  points: MissionPoint[] = [];
  stride = 1;
  private mission = 0;
  private threat = 0;
  private swaps = 0;
  private restarts = 0;

  write(r: TraceRecord): void {
    if (r.type === 'restart' && (r.actor === 'cart' || r.actor === 'baseline')) this.restarts++;
    if (r.type !== 'send' || r.kind !== 'deck/event') return;
    const e = r.body as { type: string; threat?: number; from?: string | null; to?: string; credits?: number; balance?: number; reputationTotal?: number; outcome?: string; figures?: { runs: number } };
    if (e.type === 'accepted') {
      this.mission++;
      this.threat = e.threat ?? 0;
      this.swaps = 0;
      this.restarts = 0;
    } else if (e.type === 'swap' && e.from !== null && e.from !== e.to) this.swaps++;
    else if (e.type === 'settled') {
      // Numbered by the deck's own run count: a settlement a power cut lost is played again under the same number.
      this.mission = e.figures?.runs ?? this.mission;
      this.take(e as Required<typeof e>);
    }
  }

  close(): void {}

  private take(e: { outcome: string; credits: number; balance: number; reputationTotal: number }): void {
    if (this.mission % this.stride !== 0 && this.mission !== 1) return;
    // The replay of a lost settlement replaces the point the deck no longer remembers.
    if (this.points.at(-1)?.mission === this.mission) this.points.pop();
    this.points.push({ mission: this.mission, threat: this.threat, outcome: e.outcome, payout: e.credits, balance: e.balance, reputation: e.reputationTotal, swaps: this.swaps, restarts: this.restarts });
    if (this.points.length >= MAX_POINTS) {
      this.stride *= 2;
      this.points = this.points.filter((p) => p.mission % this.stride === 0 || p.mission === 1);
    }
  }
}
