import type { Slot } from './actor-table.js';
import { Coordinator } from './coordinator.js';
import { type Envelope, checkEnvelope, describe } from './envelope.js';
import { at } from '../assert.js';
import { StepDeadlines } from './step-deadlines.js';
import { KERNEL } from './system-messages.js';
import type { StepResult } from './protocol.js';

/** A step that takes longer than this is treated as a hung handler: the actor is failed. */
export const STEP_TIMEOUT_MS = 30_000;
/** The longest stall or reboot a fault may impose (10 minutes of deck time). */
export const MAX_FAULT_TICKS = 18_000;

/**
 * Lockstep: at each tick every actor handles the envelopes due to it in
 * `(tick, from, seq)` order, and whatever it sends is due at a later tick.
 * Results are applied in actor-id order, so the trace is the same whatever
 * the placement and however the threads interleave. The clock jumps over
 * ticks where nothing is due.
 */
export class LockstepCoordinator extends Coordinator {
  private readonly restarts = new Map<string, number>();
  private readonly deadlines = new StepDeadlines(STEP_TIMEOUT_MS);
  private readonly kills = new Map<string, string>();
  /** Fault hooks (soak --faults), all applied at tick boundaries so they replay exactly on every placement. */
  private readonly crashes = new Map<string, string>();
  private readonly stalls = new Map<string, number>();
  private readonly cuts = new Map<string, { reason: string; bootTicks: number }>();

  /**
   * Step every due tick up to and including `until`; the clock then stands at
   * `until` (idle ticks pass without being stepped). Returns the clock.
   */
  async runUntil(until: number): Promise<number> {
    for (;;) {
      const next = this.nextDueTick();
      if (next === null || next > until) {
        this.tick = Math.max(this.tick, until);
        return this.tick;
      }
      // A tick whose handlers were all synchronous completes without a Promise (inline: most ticks).
      const stepping = this.stepTick(next);
      if (stepping !== undefined) await stepping;
    }
  }

  /** The earliest tick with work: a due envelope, a restart, or a pending injection. */
  nextDueTick(): number | null {
    const floor = this.tick + 1;
    let best = Number.POSITIVE_INFINITY;
    for (const slot of this.table.inOrder()) {
      if (slot.status !== 'running') continue;
      // A stalled actor's mail waits until the stall ends.
      const until = this.stalls.size === 0 ? 0 : (this.stalls.get(slot.id) ?? 0);
      const head = slot.mailbox.peek();
      if (head) best = Math.min(best, Math.max(head.tick, until, floor));
      if (slot.raw.length > 0) best = Math.min(best, Math.max(floor, until));
    }
    for (const at of this.restarts.values()) best = Math.min(best, Math.max(at, floor));
    if (this.kills.size > 0 || this.cuts.size > 0) best = Math.min(best, floor);
    return best === Number.POSITIVE_INFINITY ? null : best;
  }

  /** Faults and restarts first (rare, asynchronous), then the actors' steps. */
  private stepTick(t: number): Promise<void> | undefined {
    this.tick = t;
    this.steppedTicks++;
    if (this.cuts.size > 0 || this.kills.size > 0 || this.restartDue(t)) return this.stepAfterFaults(t);
    return this.stepActors(t);
  }

  private async stepAfterFaults(t: number): Promise<void> {
    await this.applyCuts();
    await this.applyKills();
    await this.applyRestarts(t);
    await this.stepActors(t);
  }

  private restartDue(t: number): boolean {
    for (const at of this.restarts.values()) if (at <= t) return true;
    return false;
  }

  private stepActors(t: number): Promise<void> | undefined {
    const work: Work[] = [];
    for (const slot of this.table.inOrder()) {
      if (slot.status !== 'running' || !slot.host) continue;
      if (this.stalls.size > 0 && this.stalled(slot.id, t)) continue;
      const batch = this.takeDue(slot, t);
      if (batch === null) continue;
      const crash = this.crashes.size === 0 ? null : (this.crashes.get(slot.id) ?? null);
      if (crash !== null) this.crashes.delete(slot.id);
      work.push({ slot, batch, crash });
    }
    if (work.length === 0) return undefined;
    const results = this.runSteps(t, work);
    if (results instanceof Promise) return results.then((r) => this.applyResults(t, work, r, 0));
    return this.applyResults(t, work, results, 0);
  }

  /** Results in canonical (actor-id) order; synchronous until one of them needs to wait (a spawn, a crash). */
  private applyResults(t: number, work: readonly Work[], results: ReadonlyArray<StepResult | Error>, from: number): Promise<void> | undefined {
    for (let i = from; i < work.length; i++) {
      const { slot, batch } = at(work, i);
      const outcome = at(results, i);
      if (outcome instanceof Error) return this.hostFailed(t, slot, batch, outcome).then(() => this.applyResults(t, work, results, i + 1));
      this.requeue(slot, batch, outcome.consumed);
      const applying = this.apply(slot, outcome, true);
      if (applying !== undefined) return applying.then(() => this.applyResults(t, work, results, i + 1));
    }
    return undefined;
  }

  /**
   * The host died (or hung) inside this batch, and which envelope did it is unknown: handing any of
   * them to the next incarnation could kill it the same way, so the whole batch is dropped, traced.
   */
  private async hostFailed(t: number, slot: Slot, batch: readonly unknown[], outcome: Error): Promise<void> {
    this.dropBatch(batch, `its host failed handling it: ${outcome.message}`);
    this.record({ type: 'crash', tick: t, wall: this.stamp(), actor: slot.id, kind: null, from: null, seq: null, error: outcome.message });
    await this.fail(slot, outcome.message);
  }

  /** Threads run their steps in parallel; results are applied afterwards in canonical order. */
  private runSteps(t: number, work: readonly Work[]): Array<StepResult | Error> | Promise<Array<StepResult | Error>> {
    const pending: Array<StepResult | Error | Promise<StepResult | Error>> = [];
    let waiting = false;
    for (const { slot, batch, crash } of work) {
      try {
        const r = (slot.host as NonNullable<Slot['host']>).step(t, batch, crash);
        if (r instanceof Promise) {
          waiting = true;
          pending.push(this.deadlines.watch(r, slot.id).catch((err: Error) => err));
        } else pending.push(r);
      } catch (err) {
        pending.push(err as Error);
      }
    }
    return waiting ? Promise.all(pending) : (pending as Array<StepResult | Error>);
  }

  /** What is due to the actor at `t` (raw test mail first), or null, allocating nothing, when nothing is. */
  private takeDue(slot: Slot, t: number): unknown[] | null {
    const head = slot.mailbox.peek();
    const due = head !== undefined && head.tick <= t;
    if (!due && slot.raw.length === 0) return null;
    const batch: unknown[] = slot.raw;
    slot.raw = [];
    for (let next = slot.mailbox.peek(); next && next.tick <= t; next = slot.mailbox.peek()) batch.push(slot.mailbox.pop());
    return batch;
  }

  /** Raw mail (injectRaw) may be anything; only what is an envelope can be a dead letter. */
  private dropBatch(batch: readonly unknown[], reason: string): void {
    for (const raw of batch) {
      let e: Envelope;
      try {
        e = checkEnvelope(raw);
      } catch {
        continue;
      }
      this.deadLetter(e, reason);
    }
  }

  /**
   * What an actor did not get to (it crashed first) stays in its mailbox for the next incarnation;
   * the envelope it crashed on is among the `consumed`, so it is dropped, never handed over again.
   */
  private requeue(slot: Slot, batch: readonly unknown[], consumed: number): void {
    for (const e of batch.slice(consumed)) {
      if (this.table.get(slot.id) === slot) slot.mailbox.push(e as Envelope);
    }
  }

  private async applyRestarts(t: number): Promise<void> {
    const due = [...this.restarts].filter(([, at]) => at <= t).map(([id]) => id).sort();
    for (const id of due) {
      this.restarts.delete(id);
      const slot = this.table.get(id);
      if (!slot || slot.status === 'running') continue;
      const init = await this.restart(slot);
      if (init) await this.apply(slot, init, true);
    }
  }

  protected scheduleRestart(slot: Slot, delay: number): void {
    this.restarts.set(slot.id, this.tick + delay);
  }

  /** Test and fault hook: the actor's host dies before the next tick (a killed worker, a yanked cart). */
  kill(id: string, reason: string): void {
    this.kills.set(id, reason);
  }

  /** Fault hook: the next envelope the actor handles runs its handler, which then fails with `reason`. */
  crashInHandler(id: string, reason: string): void {
    this.crashes.set(id, reason);
  }

  /** Fault hook: the actor handles nothing for `ticks` ticks; its mail waits (and then comes all at once). */
  stall(id: string, ticks: number): void {
    if (!Number.isSafeInteger(ticks) || ticks < 1 || ticks > MAX_FAULT_TICKS) throw new RangeError(`a stall lasts 1..${MAX_FAULT_TICKS} ticks, got ${ticks}`);
    this.stalls.set(id, Math.max(this.stalls.get(id) ?? 0, this.tick + 1 + ticks));
    this.record({ type: 'mark', tick: this.tick, wall: this.stamp(), actor: id, name: 'stalled', args: { ticks } });
  }

  /**
   * Fault hook: the power goes: each of `ids` loses its memory (its host dies, its mailbox is lost
   * as dead letters) and boots fresh `bootTicks` later. Not the actor's failure: no supervision
   * window is charged, no parent is told.
   */
  powerCut(ids: readonly string[], reason: string, bootTicks: number): void {
    if (!Number.isSafeInteger(bootTicks) || bootTicks < 1 || bootTicks > MAX_FAULT_TICKS) throw new RangeError(`a reboot takes 1..${MAX_FAULT_TICKS} ticks, got ${bootTicks}`);
    for (const id of ids) this.cuts.set(id, { reason, bootTicks });
  }

  private stalled(id: string, t: number): boolean {
    const until = this.stalls.get(id);
    if (until === undefined) return false;
    if (t >= until) {
      this.stalls.delete(id);
      return false;
    }
    return true;
  }

  private async applyCuts(): Promise<void> {
    const cuts = [...this.cuts].sort(([a], [b]) => (a < b ? -1 : 1));
    this.cuts.clear();
    for (const [id, { reason, bootTicks }] of cuts) {
      const slot = this.table.get(id);
      if (!slot) continue;
      this.record({ type: 'crash', tick: this.tick, wall: this.stamp(), actor: id, kind: null, from: null, seq: null, error: `power cut: ${reason}` });
      await this.loseMemory(slot, `power cut: ${reason}`);
      this.stalls.delete(id);
      this.crashes.delete(id);
      this.kills.delete(id);
      slot.restartAt = this.tick + bootTicks;
      this.record({ type: 'supervise', tick: this.tick, wall: this.stamp(), actor: id, decision: 'restart', delay: bootTicks, failures: 0 });
      this.scheduleRestart(slot, bootTicks);
    }
  }

  private async applyKills(): Promise<void> {
    const kills = [...this.kills].sort(([a], [b]) => (a < b ? -1 : 1));
    this.kills.clear();
    for (const [id, reason] of kills) {
      const slot = this.table.get(id);
      if (!slot || slot.status !== 'running') continue;
      this.record({ type: 'crash', tick: this.tick, wall: this.stamp(), actor: id, kind: null, from: null, seq: null, error: `killed: ${reason}` });
      await this.fail(slot, `killed: ${reason}`);
    }
  }

  /** Test hook: hand the actor anything at all at the next tick, unchecked by the coordinator. */
  injectRaw(id: string, raw: unknown): void {
    const slot = this.table.get(id);
    if (!slot) throw new Error(`no actor '${id}'`);
    slot.raw.push(raw);
  }

  // A lockstep host reports only through step results; anything else on its port is stray, and
  // traced as such rather than thrown: no message, of any shape, stops the coordinator.
  onEffects(result: unknown): void {
    this.onRejected(actorOf(result), 'stray effects from a lockstep host (it reports through step results)');
  }

  onRoute(raw: unknown): void {
    this.onRejected(KERNEL, `stray envelope from a lockstep host (sends travel in step results): ${describe(raw)}`);
  }

  /** A worker died between steps; it is failed at the next tick, deterministically placed. */
  onHostFailure(id: string, error: string): void {
    const slot = this.table.get(id);
    if (slot && slot.status === 'running') this.kills.set(id, error);
  }
}

interface Work {
  readonly slot: Slot;
  readonly batch: unknown[];
  readonly crash: string | null;
}

function actorOf(result: unknown): string {
  const actor = typeof result === 'object' && result !== null ? (result as { actor?: unknown }).actor : undefined;
  return typeof actor === 'string' && actor.length > 0 && actor.length <= 256 ? actor : KERNEL;
}
