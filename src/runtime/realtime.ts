import { MessageChannel } from 'node:worker_threads';
import TinyQueue from 'tinyqueue';
import type { Slot } from './actor-table.js';
import { Coordinator, type CoordinatorConfig } from './coordinator.js';
import { type Envelope, checkEnvelope } from './envelope.js';
import { RealtimeClock } from './realtime-clock.js';
import { KERNEL } from './system-messages.js';
import type { StepResult } from './protocol.js';

/** Past this many actors, new ones are not wired into the direct-port mesh; they go through the coordinator. */
export const MAX_MESH = 64;
/**
 * Wall time with no sign of work (no effects, routes or deliveries) after which the deck counts as
 * idle and the clock jumps to the next timer. Above the hosts' 20 ms effects flush, so a busy actor
 * shows up; a single handler that runs longer than this without a word can see time jump.
 */
export const IDLE_WALL_MS = 40;
/** Timers the kernel holds at once (delayed sends, restarts); past it the send is a dead letter. */
export const MAX_TIMERS = 100_000;
/** Mail for actors not yet spawned while the deck boots, per actor. */
const MAX_HELD_PER_ACTOR = 1_024;

interface Timer {
  readonly due: number;
  readonly n: number;
  readonly fire: () => void;
}

/**
 * Realtime: envelopes are delivered as they arrive, for measuring genuine
 * latency. In threads placement actors talk over direct MessagePorts (a mesh
 * the coordinator wires at spawn); the coordinator hears effects, trace
 * records and host deaths, and keeps every timer: sends due later than the
 * next tick, and restarts. Deck time is wall-paced at `speed` ticks per tick
 * length; when nothing has happened for IDLE_WALL_MS and no timer is due, the
 * clock jumps to the next one, as lockstep jumps idle ticks. Delivery is at
 * most once across a restart.
 */
export class RealtimeCoordinator extends Coordinator {
  private readonly clock: RealtimeClock;
  private readonly timers = new TinyQueue<Timer>([], (a, b) => a.due - b.due || a.n - b.n);
  private timerCount = 0;
  private wake: NodeJS.Timeout | null = null;
  private lastActivityNs = 0;
  private closed = false;
  /** Effects waiting to be applied: the deck is not idle while any are. */
  private applying = 0;
  /** Until the first run, mail for an actor not yet spawned waits for it: the deck boots in order. */
  private booting = true;
  private readonly held = new Map<string, Envelope[]>();
  /** Effects, restarts and host deaths are applied one after another, never interleaved. */
  private queue: Promise<void> = Promise.resolve();

  constructor(config: CoordinatorConfig) {
    super(config);
    this.clock = new RealtimeClock(this.wall, config.clock.tickMs, config.speed);
  }

  private serially(work: () => Promise<unknown>): void {
    this.queue = this.queue.then(work).then(
      () => undefined,
      (err: unknown) => this.record({ type: 'mark', tick: this.tick, wall: this.stamp(), actor: '$kernel', name: 'realtime apply failed', args: { error: String(err) } }),
    );
  }

  private syncTick(): void {
    this.tick = Math.max(this.tick, this.clock.now());
  }

  private active(): void {
    this.lastActivityNs = this.wall();
  }

  /**
   * Let the actors run until the clock reaches tick `until`, jumping idle
   * stretches. Returns the clock.
   */
  async runUntil(until: number): Promise<number> {
    if (this.booting) {
      this.booting = false;
      this.dropHeld();
      // What init set going runs on the hosts, unseen so far: give it an idle window before any jump.
      this.active();
    }
    for (;;) {
      this.syncTick();
      this.fireDue();
      if (this.tick >= until || this.closed) return this.tick;
      const idleNs = this.wall() - this.lastActivityNs;
      const next = this.timers.peek();
      if (idleNs >= IDLE_WALL_MS * 1e6 && this.applying === 0) {
        this.jump(Math.min(until, next ? next.due : until));
        continue;
      }
      const toNext = next ? this.clock.wallMsFor(next.due - this.tick) : Infinity;
      const waitMs = Math.min(toNext, this.clock.wallMsFor(until - this.tick), Math.max(1, IDLE_WALL_MS - idleNs / 1e6));
      await new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(waitMs))));
    }
  }

  /** Jump the clock to `tick` and tell every host, so all threads read the same tick. */
  private jump(tick: number): void {
    if (tick <= this.tick) return;
    const base = this.clock.jumpTo(tick);
    this.tick = tick;
    for (const slot of this.table.inOrder()) if (slot.host && slot.status === 'running') slot.host.adoptClock(base);
  }

  override async spawn(...args: Parameters<Coordinator['spawn']>): Promise<StepResult | null> {
    this.syncTick();
    const init = await super.spawn(...args);
    this.active();
    return init;
  }

  protected override afterInit(id: string): void {
    const waiting = this.held.get(id);
    if (!waiting) return;
    this.held.delete(id);
    for (const e of waiting) this.deliver(e);
  }

  protected override async afterHostStarted(slot: Slot): Promise<void> {
    if (this.config.placement !== 'threads' || !slot.host) return;
    const peers = this.table.inOrder().filter((p) => p !== slot && p.host && p.status === 'running');
    if (peers.length >= MAX_MESH) return;
    // Every pair at once: a deck's Hot Swap wires the new worker to each of its peers, and one
    // after another that was a round trip per peer.
    const host = slot.host;
    await Promise.all(peers.map((peer) => {
      const { port1, port2 } = new MessageChannel();
      return Promise.all([host.connect(peer.id, port1), (peer.host as NonNullable<Slot['host']>).connect(slot.id, port2)]);
    }));
  }

  protected override sendInline(e: Envelope, after: number): void {
    if (after <= 1) {
      const t = setImmediate(() => this.route(e));
      t.unref();
    } else this.deliverWhenDue(e);
  }

  private route(e: Envelope): void {
    if (!this.closed) this.deliver(e);
  }

  /** Kernel-carried mail (delayed sends, sends of a handler that spawned, the kernel's and clients') waits for its tick. */
  protected override deliverWhenDue(e: Envelope): void {
    this.syncTick();
    if (e.tick <= this.tick) {
      this.deliver(e);
      return;
    }
    if (!this.at(e.tick, () => this.route(e))) this.deadLetter(e, `more than ${MAX_TIMERS} timers pending`);
  }

  protected override deliver(e: Envelope): void {
    this.active();
    const slot = this.table.get(e.to);
    // Mail for an actor whose host is starting (spawn or Hot Swap; a restart has restartAt set), or, while
    // the deck boots, for one not spawned yet, waits for its init (afterInit).
    const starting = slot !== undefined && slot.host === null && slot.restartAt === null;
    if (starting || (this.booting && !slot && !e.to.startsWith('$'))) {
      const list = this.held.get(e.to) ?? [];
      if (list.length < MAX_HELD_PER_ACTOR) {
        list.push(e);
        this.held.set(e.to, list);
        return;
      }
    }
    super.deliver(e);
  }

  private dropHeld(): void {
    for (const [, list] of this.held) for (const e of list) this.deadLetter(e, 'no such actor (it was not spawned while the deck booted)');
    this.held.clear();
  }

  protected override deliverToSlot(slot: Slot, e: Envelope): void {
    if (slot.host && slot.status === 'running') slot.host.deliver(e);
    else this.deadLetter(e, 'actor restarting (realtime delivery is at most once)');
  }

  protected scheduleRestart(slot: Slot, delay: number): void {
    this.at(this.tick + delay, () => {
      if (this.closed || this.table.get(slot.id) !== slot || slot.status === 'running') return;
      this.serially(async () => {
        this.syncTick();
        const init = await this.restart(slot);
        if (init) await this.apply(slot, init, false);
      });
    });
  }

  /** Run `fire` when the clock reaches `due`. False when the timer table is full. */
  private at(due: number, fire: () => void): boolean {
    if (this.timers.length >= MAX_TIMERS) return false;
    this.timers.push({ due, n: this.timerCount++, fire });
    this.armWake();
    return true;
  }

  private fireDue(): void {
    this.syncTick();
    for (let t = this.timers.peek(); t && t.due <= this.tick && !this.closed; t = this.timers.peek()) {
      this.timers.pop();
      t.fire();
    }
    this.armWake();
  }

  /** One wall timer for the earliest kernel timer, so timers fire between runUntil's looks too. */
  private armWake(): void {
    if (this.wake) clearTimeout(this.wake);
    this.wake = null;
    const next = this.timers.peek();
    if (!next || this.closed) return;
    this.wake = setTimeout(() => this.fireDue(), Math.max(1, Math.ceil(this.clock.wallMsFor(next.due - this.clock.now()))));
  }

  onEffects(result: StepResult): void {
    const slot = this.table.get(result.actor);
    if (!slot) return;
    if (this.closed) {
      // An actor's last batch, sent as the runtime shuts it down: traced, but nothing is delivered any more.
      for (const r of result.records) this.record(r);
      return;
    }
    this.active();
    this.syncTick();
    this.applying++;
    this.serially(async () => {
      try {
        await this.apply(slot, result, false);
      } finally {
        this.applying--;
        this.active();
      }
    });
  }

  onRoute(raw: unknown): void {
    if (this.closed) return;
    this.active();
    let e: Envelope;
    try {
      e = checkEnvelope(raw);
    } catch (err) {
      this.onRejected(KERNEL, (err as Error).message);
      return;
    }
    this.deliverWhenDue(e);
  }

  onHostFailure(id: string, error: string): void {
    const slot = this.table.get(id);
    if (!slot || slot.status !== 'running' || this.closed) return;
    this.syncTick();
    this.record({ type: 'crash', tick: this.tick, wall: this.stamp(), actor: id, kind: null, from: null, seq: null, error });
    this.serially(() => this.fail(slot, error));
  }

  /** Test and fault hook: kill the actor's host now. */
  kill(id: string, reason: string): void {
    this.onHostFailure(id, `killed: ${reason}`);
  }

  override async shutdown(): Promise<void> {
    this.closed = true;
    await this.queue;
    if (this.wake) clearTimeout(this.wake);
    this.wake = null;
    await super.shutdown();
  }
}
