import { MessageChannel } from 'node:worker_threads';
import type { Slot } from './actor-table.js';
import { Coordinator } from './coordinator.js';
import { type Envelope, checkEnvelope } from './envelope.js';
import { KERNEL } from './system-messages.js';
import type { StepResult } from './protocol.js';

/** Past this many actors, new ones are not wired into the direct-port mesh; they go through the coordinator. */
export const MAX_MESH = 64;

/**
 * Realtime: envelopes are delivered as they arrive, for measuring genuine
 * latency. In threads placement actors talk over direct MessagePorts (a mesh
 * the coordinator wires at spawn); the coordinator only hears effects,
 * trace records and host deaths. Delivery is at most once across a restart.
 */
export class RealtimeCoordinator extends Coordinator {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  /** Effects, restarts and host deaths are applied one after another, never interleaved. */
  private queue: Promise<void> = Promise.resolve();

  private serially(work: () => Promise<unknown>): void {
    this.queue = this.queue.then(work).then(
      () => undefined,
      (err: unknown) => this.record({ type: 'mark', tick: this.tick, wall: this.wall(), actor: '$kernel', name: 'realtime apply failed', args: { error: String(err) } }),
    );
  }

  /** Current tick, from elapsed wall time. */
  private syncTick(): void {
    this.tick = Math.floor(this.wall() / (this.config.clock.tickMs * 1e6));
  }

  /** Let the actors run until wall time reaches tick `until`. */
  async runUntil(until: number): Promise<number> {
    this.syncTick();
    const ms = (until - this.tick) * this.config.clock.tickMs;
    if (ms > 0) await new Promise<void>((resolve) => this.later(resolve, ms));
    this.syncTick();
    return this.tick;
  }

  override async spawn(...args: Parameters<Coordinator['spawn']>): Promise<StepResult | null> {
    this.syncTick();
    return super.spawn(...args);
  }

  protected override async afterHostStarted(slot: Slot): Promise<void> {
    if (this.config.placement !== 'threads' || !slot.host) return;
    const peers = this.table.inOrder().filter((p) => p !== slot && p.host && p.status === 'running');
    if (peers.length >= MAX_MESH) return;
    for (const peer of peers) {
      const { port1, port2 } = new MessageChannel();
      await Promise.all([slot.host.connect(peer.id, port1), (peer.host as NonNullable<Slot['host']>).connect(slot.id, port2)]);
    }
  }

  protected override sendInline(e: Envelope, after: number): void {
    if (after === 0) {
      const t = setImmediate(() => this.route(e));
      t.unref();
    } else this.later(() => this.route(e), after * this.config.clock.tickMs);
  }

  private route(e: Envelope): void {
    if (!this.closed) this.deliver(e);
  }

  protected override deliverToSlot(slot: Slot, e: Envelope): void {
    if (slot.host && slot.status === 'running') slot.host.deliver(e);
    else this.deadLetter(e, 'actor restarting (realtime delivery is at most once)');
  }

  protected scheduleRestart(slot: Slot, delay: number): void {
    this.later(() => {
      if (this.closed || this.table.get(slot.id) !== slot || slot.status === 'running') return;
      this.syncTick();
      this.serially(async () => {
        const init = await this.restart(slot);
        if (init) await this.apply(slot, init, false);
      });
    }, delay * this.config.clock.tickMs);
  }

  onEffects(result: StepResult): void {
    const slot = this.table.get(result.actor);
    if (!slot || this.closed) return;
    this.syncTick();
    this.serially(() => this.apply(slot, result, false));
  }

  onRoute(raw: unknown): void {
    if (this.closed) return;
    let e: Envelope;
    try {
      e = checkEnvelope(raw);
    } catch (err) {
      this.onRejected(KERNEL, (err as Error).message);
      return;
    }
    this.deliver(e);
  }

  onHostFailure(id: string, error: string): void {
    const slot = this.table.get(id);
    if (!slot || slot.status !== 'running' || this.closed) return;
    this.syncTick();
    this.record({ type: 'crash', tick: this.tick, wall: this.wall(), actor: id, kind: null, from: null, seq: null, error });
    this.serially(() => this.fail(slot, error));
  }

  /** Test and fault hook: kill the actor's host now. */
  kill(id: string, reason: string): void {
    this.onHostFailure(id, `killed: ${reason}`);
  }

  override async shutdown(): Promise<void> {
    this.closed = true;
    await this.queue;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await super.shutdown();
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }
}
