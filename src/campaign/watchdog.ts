import { CALL_DEADLINE_TICKS } from '../../actors/mission-control/capability-ops.js';
import { DEFAULT_TICK_MS } from '../runtime/clock.js';
import type { TraceRecord } from '../runtime/trace/record.js';
import type { TraceSink } from '../runtime/trace/sink.js';

/** An operator's request is answered within this many ticks (a minute of deck time: stalls, delays and reboots included). */
export const ANSWER_DEADLINE_TICKS = 1_800;
/** Requests in flight at once (a runner waits for one at a time, plus what its reactive handlers send). */
const MAX_PENDING = 256;

/**
 * Watches a campaign from outside the actors, as the trace goes by: every
 * request the operator makes has an answer deadline, and every mission a
 * settle deadline derived from its contract (per phase, two capability
 * calls' deadline and an answer's). A campaign past either is stopped with
 * the reason, so a soak always finishes.
 */
export class Watchdog implements TraceSink {
  private readonly pending = new Map<string, { kind: string; by: number; sent: number }>();
  /**
   * Answers seen before their request: in realtime each worker ships its records in batches, so a
   * quick reply's record can come before the request's. Bounded like `pending`.
   */
  private readonly answeredEarly = new Set<string>();
  private mission: { contract: string; by: number; accepted: number } | null = null;
  private first: string | null = null;

  write(r: TraceRecord): void {
    if (r.type === 'restart' && r.actor === 'mission-runner') this.pending.clear();
    if (r.type !== 'send') return;
    const body = r.body as Record<string, unknown>;
    if (r.from === 'mission-runner' && r.to === 'mission-control' && r.kind.startsWith('op/') && typeof body.reqId === 'string') return this.asked(r.kind, body, r.tick);
    if (r.to === 'mission-runner') {
      if (r.kind === 'op/reply') this.answered(body.reqId as string);
      else if (r.kind === 'capability/result') this.answered(body.callId as string);
      // The deck restarted under the operator: what it waited for is gone, and the runner knows it.
      else if (r.kind === 'deck/ready') this.pending.clear();
      return;
    }
    if (r.kind !== 'deck/event') return;
    if (body.type === 'accepted') {
      const phases = typeof body.phases === 'number' ? body.phases : 1;
      this.mission = { contract: String(body.contract), accepted: r.tick, by: r.tick + settleBudget(phases) };
    } else if (body.type === 'settled') this.mission = null;
  }

  close(): void {}

  /** The first deadline passed by tick `now`, as the reason the campaign stops; null while all is well. */
  overdue(now: number): string | null {
    if (this.first !== null) return this.first;
    for (const [id, p] of this.pending) {
      if (now > p.by) return (this.first = `no answer to ${p.kind} ${id} (sent at tick ${p.sent}) within ${p.by - p.sent} ticks`);
    }
    const m = this.mission;
    if (m !== null && now > m.by) return (this.first = `mission ${m.contract} (accepted at tick ${m.accepted}) did not settle within ${m.by - m.accepted} ticks`);
    return null;
  }

  private answered(id: string): void {
    if (this.pending.delete(id)) return;
    if (this.answeredEarly.size >= MAX_PENDING) this.answeredEarly.delete(this.answeredEarly.values().next().value as string);
    this.answeredEarly.add(id);
  }

  private asked(kind: string, body: Record<string, unknown>, tick: number): void {
    const id = body.reqId as string;
    if (this.answeredEarly.delete(id)) return;
    const within = answerDeadline(kind, typeof body.ms === 'number' ? body.ms : 0);
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    this.pending.set(id, { kind, by: tick + within, sent: tick });
  }
}

/**
 * How many ticks an operator's request may wait for its answer: a power-off of `ms` is answered when
 * the deck is back on, a capability call when its game is over, anything else within a minute.
 */
export function answerDeadline(kind: string, ms = 0): number {
  if (kind === 'op/power-off') return Math.ceil(ms / DEFAULT_TICK_MS) + ANSWER_DEADLINE_TICKS;
  if (kind === 'op/capability') return CALL_DEADLINE_TICKS + 2 * ANSWER_DEADLINE_TICKS;
  return ANSWER_DEADLINE_TICKS;
}

/** How long a mission of `phases` phases may take: per phase, two calls (a retry) and an answer each, and an answer to settle it. */
export function settleBudget(phases: number): number {
  return Math.max(1, phases) * 2 * (CALL_DEADLINE_TICKS + ANSWER_DEADLINE_TICKS) + ANSWER_DEADLINE_TICKS;
}
