import type { MessagePort, Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { Subscription } from 'rxjs';
import type { Envelope } from '../envelope.js';
import type { ActorIdentity, HostInbound, StepResult, WorkerOutbound } from '../protocol.js';
import type { ClockBase } from '../realtime-clock.js';
import { toWire, fromWire } from '../wire.js';
import { errorText } from '../cell.js';
import { describe } from '../envelope.js';
import { fromPort } from './from-port.js';
import { type ActorHost, type ActorInspection, type HostEvents, HostStartError } from './host.js';
import type { WorkerControl } from './worker-main.js';
import type { WorkerPool } from './worker-pool.js';

/** Workers on their way out, each with what ends its wait at once (a runtime shutting down does not wait out the delay). */
const terminating = new Map<Promise<void>, () => void>();

/** How long a worker may take to release its resources before it is terminated regardless. */
const SHUTDOWN_MS = 1_000;
/** A shut-down worker's thread is ended this much later (its actor released everything already). */
const TEARDOWN_DELAY_MS = 30;

/**
 * One actor in its own worker thread. Data (steps, envelopes, effects) goes
 * over the worker's port as an Observable; control (ready, inspect, connect,
 * shutdown) goes over a second port through comlink.
 */
export class ThreadHost implements ActorHost {
  /** Numbers this host's start/step requests (HostInbound `req`). */
  private requests: number;
  private pending: { resolve: (r: StepResult) => void; reject: (e: Error) => void } | null = null;
  private dead: string | null = null;
  private readonly subscription: Subscription;
  /** Peer ports given before `start`: they go to the worker with its boot. */
  private readonly earlyPeers: Array<readonly [string, MessagePort]> = [];
  private booted: Promise<void> | null = null;
  /** Resolved by the worker's `closed`: its actor's last effects have arrived. */
  private closed: () => void = () => {};

  private constructor(
    private readonly identity: ActorIdentity,
    private readonly worker: Worker,
    private readonly control: Comlink.Remote<WorkerControl>,
    private readonly controlPort: MessagePort,
    private readonly events: HostEvents,
  ) {
    this.requests = identity.firstRequest - 1;
    this.subscription = fromPort(worker as unknown as MessagePort).subscribe((m) => this.onMessage(m));
    // What a worker throws need not be an Error (a DataCloneError arrives as a bare object): say what it was.
    worker.on('error', (err: unknown) => this.die(`worker error: ${errorText(err)}`));
    worker.on('exit', (code) => this.die(`worker exited with code ${code}`));
  }

  /** Take a worker from the pool for this actor; `start` boots it. */
  static async create(identity: ActorIdentity, events: HostEvents, pool: WorkerPool): Promise<ThreadHost> {
    const warm = await pool.take(identity.moduleUrl, identity.incarnation > 0);
    return new ThreadHost(identity, warm.worker, warm.control, warm.controlPort, events);
  }

  get id(): string {
    return this.identity.id;
  }

  /**
   * Boot the worker as this actor (with the peer ports given so far) and run init, in one round
   * trip: the boot goes on the control port and `start` on the data port without waiting for it
   * (the worker reads its data port only once booted), and the boot does not wait for `after`.
   * A boot that fails rejects with HostStartError.
   */
  async start(tick: number, after?: Promise<void>): Promise<StepResult> {
    if (this.booted !== null) return Promise.reject(new Error(`${this.id}: started twice`));
    const peers = this.earlyPeers.splice(0);
    const transfer = peers.map(([, port]) => port as unknown as never);
    this.booted = this.control.boot(this.identity, Comlink.transfer(peers, transfer)).catch((err: unknown) => {
      // The start posted with it will never be answered: nothing waits for it but this rejection.
      this.pending = null;
      this.dead ??= 'could not boot';
      throw new HostStartError(`${this.id}: could not boot its worker: ${errorText(err)}`, { cause: err });
    });
    this.booted.catch(() => undefined); // Observed below, whenever it settles.
    if (after) await Promise.race([after, this.booted]);
    // A boot that failed rejects first (the start it left unanswered never settles); a worker that dies rejects `started`.
    const [, result] = await Promise.all([this.booted, this.request({ t: 'start', req: ++this.requests, tick })]);
    return result;
  }

  step(tick: number, batch: readonly unknown[], crash: string | null = null): Promise<StepResult> {
    return this.request({ t: 'step', req: ++this.requests, tick, batch: batch as Envelope[], crash });
  }

  deliver(envelope: Envelope): void {
    if (this.dead === null) this.worker.postMessage(toWire(envelope));
  }

  adoptClock(base: ClockBase): void {
    if (this.dead === null) this.worker.postMessage({ t: 'clock', base } satisfies HostInbound);
  }

  /** Test and fault-injection hook: post anything at all to the actor's data port. */
  postRaw(data: unknown): void {
    if (this.dead === null) this.worker.postMessage(data);
  }

  async connect(peer: string, port: MessagePort): Promise<void> {
    if (this.booted === null) {
      this.earlyPeers.push([peer, port]);
      return;
    }
    await this.booted;
    await this.control.connect(peer, Comlink.transfer(port, [port as unknown as never]));
  }

  async inspect(): Promise<ActorInspection> {
    if (this.dead !== null) throw new Error(`${this.id} is not running (${this.dead})`);
    return this.control.inspect();
  }

  async terminate(): Promise<void> {
    const wasAlive = this.dead === null;
    if (this.dead === null) this.dead = 'terminated';
    // Let the actor release files it holds and send what it did last; a hung or dead worker gets SHUTDOWN_MS, then goes anyway.
    if (wasAlive) await Promise.race([this.shutDown(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_MS).unref())]);
    this.subscription.unsubscribe();
    this.control[Comlink.releaseProxy]();
    this.controlPort.close();
    // The thread's teardown is not on anyone's critical path (a Hot Swap waits for the new worker, not the old),
    // and tearing an isolate down takes a core for milliseconds: it waits until the swap is likely over.
    let now = (): void => {};
    const due = new Promise<void>((resolve) => {
      now = resolve;
      setTimeout(resolve, TEARDOWN_DELAY_MS).unref();
    });
    const gone = due.then(() => this.worker.terminate()).then(() => undefined);
    terminating.set(gone, now);
    void gone.finally(() => terminating.delete(gone));
  }

  /** The actor stops, and its last effects (on the data port, ahead of `closed`) are taken before the port is let go. */
  private async shutDown(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.closed = resolve;
    });
    const had = await this.control.shutdown().catch(() => false);
    if (had) await closed;
  }

  /** Wait until every worker asked to terminate has gone (before a runtime reports itself shut down). */
  static async allTerminated(): Promise<void> {
    for (const now of terminating.values()) now();
    await Promise.all([...terminating.keys()]);
  }

  private request(msg: HostInbound): Promise<StepResult> {
    if (this.dead !== null) return Promise.reject(new Error(`${this.id}: ${this.dead}`));
    if (this.pending !== null) return Promise.reject(new Error(`${this.id}: a step is already in flight`));
    return new Promise<StepResult>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(msg);
    });
  }

  /** Anything may arrive on the port; what is not a host message is traced as a reject, never thrown. */
  private onMessage(raw: unknown): void {
    if (Array.isArray(raw)) {
      this.events.onRoute(fromWire(raw));
      return;
    }
    const m = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<string, unknown>>;
    const problem = m.t === 'rejected' || m.t === 'closed' ? null : m.t === 'stepped' || m.t === 'effects' ? stepResultProblem(m.result) : `not a host message: ${describe(raw)}`;
    if (problem !== null) {
      this.events.onRejected(this.id, `stray message from ${this.id}'s worker: ${problem}`);
      return;
    }
    const out = raw as WorkerOutbound;
    switch (out.t) {
      case 'stepped': {
        const p = this.pending;
        this.pending = null;
        if (p) p.resolve(out.result);
        else this.events.onRejected(this.id, `stray message from ${this.id}'s worker: a step result with no step in flight`);
        return;
      }
      case 'effects':
        this.events.onEffects(out.result);
        return;
      case 'rejected':
        this.events.onRejected(this.id, typeof out.error === 'string' ? out.error : describe(out.error));
        return;
      case 'closed':
        this.closed();
        return;
    }
  }

  private die(reason: string): void {
    if (this.dead !== null) return;
    this.dead = reason;
    const p = this.pending;
    this.pending = null;
    p?.reject(new Error(`${this.id}: ${reason}`));
    this.events.onHostFailure(this.id, reason);
  }
}

/** Null when `r` has the shape of a StepResult the coordinator can apply; else what is wrong. */
function stepResultProblem(r: unknown): string | null {
  if (typeof r !== 'object' || r === null) return `a step result that is ${describe(r)}`;
  const x = r as Record<string, unknown>;
  if (typeof x.actor !== 'string') return 'a step result without an actor';
  for (const list of ['records', 'spawns', 'stops'] as const) if (!Array.isArray(x[list])) return `a step result whose ${list} is ${describe(x[list])}`;
  for (const n of ['tick', 'consumed', 'nextSeq'] as const) if (!Number.isSafeInteger(x[n])) return `a step result whose ${n} is ${describe(x[n])}`;
  if (x.crashed !== null && typeof x.crashed !== 'string') return `a step result whose crashed is ${describe(x.crashed)}`;
  return null;
}
