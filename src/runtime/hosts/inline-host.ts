import { Subject, type Subscription } from 'rxjs';
import type { AnyActorDef } from '../actor.js';
import { ActorCell } from '../cell.js';
import type { Envelope } from '../envelope.js';
import type { ActorIdentity, HostInbound, HostOutbound, StepResult } from '../protocol.js';
import { type ClockBase, RealtimeClock } from '../realtime-clock.js';
import type { WallClock } from '../wall.js';
import type { ActorHost, ActorInspection, HostEvents } from './host.js';
import { serveCell } from './serve-cell.js';

/**
 * One actor on the coordinator's own thread. Its inbound stream is a Subject
 * feeding the same pipeline a worker runs, so both placements execute the
 * actor identically.
 */
export class InlineHost implements ActorHost {
  /** Numbers this host's start/step requests (HostInbound `req`). */
  private requests: number;
  private readonly inbound = new Subject<HostInbound>();
  private readonly cell: ActorCell;
  private readonly subscription: Subscription;
  private last: StepResult | null = null;
  private waiting: ((r: StepResult) => void) | null = null;

  constructor(
    def: AnyActorDef,
    private readonly identity: ActorIdentity,
    wall: WallClock,
    events: HostEvents,
    /** Realtime: where this actor's sends go (the inline router). */
    sendRealtime: ((e: Envelope, after: number) => void) | null,
  ) {
    this.requests = identity.firstRequest - 1;
    this.cell = new ActorCell(def, identity, wall, sendRealtime);
    const clock = new RealtimeClock(wall, identity.clock.tickMs, identity.speed);
    this.subscription = serveCell(this.cell, this.inbound, (out) => this.onOutput(out, events), clock);
  }

  get id(): string {
    return this.identity.id;
  }

  start(tick: number, after?: Promise<void>): StepResult | Promise<StepResult> {
    if (after) return after.then(() => this.start(tick));
    return this.request({ t: 'start', req: ++this.requests, tick });
  }

  step(tick: number, batch: readonly unknown[], crash: string | null = null): StepResult | Promise<StepResult> {
    return this.request({ t: 'step', req: ++this.requests, tick, batch: batch as Envelope[], crash });
  }

  deliver(envelope: Envelope): void {
    this.inbound.next({ t: 'deliver', envelope });
  }

  adoptClock(base: ClockBase): void {
    this.inbound.next({ t: 'clock', base });
  }

  /** Test and fault-injection hook: push anything at all into the actor's inbound stream. */
  postRaw(data: unknown): void {
    this.inbound.next(data as HostInbound);
  }

  async connect(): Promise<void> {
    // Inline actors share a thread; the inline router reaches every one of them.
  }

  async inspect(): Promise<ActorInspection> {
    return {
      id: this.identity.id,
      actor: this.identity.actor,
      incarnation: this.identity.incarnation,
      placement: 'inline',
      threadId: 0,
      handled: this.cell.handled,
      rejected: this.cell.rejected,
      crashes: this.cell.crashes,
      state: structuredClone(this.cell.view()),
    };
  }

  async terminate(): Promise<void> {
    this.cell.dispose();
    this.subscription.unsubscribe();
    this.inbound.complete();
  }

  /** Synchronous when the handler was: the result is already here after `next`. */
  private request(msg: HostInbound): StepResult | Promise<StepResult> {
    this.last = null;
    this.inbound.next(msg);
    const done = this.last as StepResult | null;
    if (done !== null) {
      this.last = null;
      return done;
    }
    return new Promise<StepResult>((resolve) => {
      this.waiting = resolve;
    });
  }

  private onOutput(out: HostOutbound, events: HostEvents): void {
    switch (out.t) {
      case 'stepped':
        if (this.waiting) {
          const w = this.waiting;
          this.waiting = null;
          w(out.result);
        } else this.last = out.result;
        return;
      case 'effects':
        events.onEffects(out.result);
        return;
      case 'rejected':
        events.onRejected(this.identity.id, out.error);
        return;
    }
  }
}
