import { randomInt } from 'node:crypto';
import { Subject } from 'rxjs';
import type { SpawnOptions } from './actor.js';
import { ActorTable, MAX_MAILBOX, type Slot, newMailbox } from './actor-table.js';
import { type ActorCatalog, resolveActor } from './catalog.js';
import { toEnvelope } from './cell.js';
import type { ClockConfig } from './clock.js';
import { type Envelope, checkEnvelope } from './envelope.js';
import { type ActorHost, type ActorInspection, type HostEvents, HostStartError } from './hosts/host.js';
import { InlineHost } from './hosts/inline-host.js';
import { loadActorDef } from './hosts/load-actor.js';
import { ThreadHost } from './hosts/thread-host.js';
import { WorkerPool } from './hosts/worker-pool.js';
import type { ActorIdentity, ClockMode, SpawnRequest, StepResult, TraceDetail } from './protocol.js';
import { type Rng, actorRng } from './rng.js';
import { DEFAULT_SUPERVISION, checkPolicy, onFailure } from './supervisor.js';
import { CLIENT, KERNEL, ROOT, SYS_CHILD_FAILED, type ChildFailed, isExternal } from './system-messages.js';
import type { SendRecord, TraceRecord } from './trace/record.js';
import type { TraceSink } from './trace/sink.js';
import { type WallClock, noWallStamps, nowNs, wallClockFrom } from './wall.js';
import { checkCarried } from './wire-value.js';

export type Placement = 'inline' | 'threads';

/** The longest an injected delay holds one envelope back (a minute of deck time), and how many may wait at once. */
export const MAX_DELAY_TICKS = 1_800;
const MAX_PENDING_DELAYS = 1_024;

export interface CoordinatorConfig {
  readonly seed: number;
  readonly placement: Placement;
  readonly mode: ClockMode;
  readonly catalog: ActorCatalog;
  readonly clock: ClockConfig;
  readonly sink: TraceSink;
  readonly traceDetail: TraceDetail;
  /** Realtime: ticks per tick length of wall time (1 = the deck's own pace). */
  readonly speed: number;
  /** Records carry wall time (ActorIdentity.wallStamps). */
  readonly wallStamps: boolean;
  /** Threads placement: how many actor-host workers to keep started ahead of need. */
  readonly warmWorkers: number;
  /** Actors whose code warm workers load while they wait (catalog names). */
  readonly warmPreload: readonly string[];
}

/**
 * What both clock modes share: the actor table, spawning and stopping,
 * supervision decisions, and routing of envelopes to mailboxes or the outside.
 * Subclasses decide *when* things happen (ticks or wall time).
 */
export abstract class Coordinator implements HostEvents {
  readonly table = new ActorTable();
  /** Envelopes addressed to `$…` ids: the outside world's inbox. */
  readonly external$ = new Subject<Envelope>();
  protected readonly wall: WallClock;
  /** Wall time for records: the wall clock, or 0 when no writer shows time. */
  protected readonly stamp: WallClock;
  protected readonly runStartNs: bigint;
  protected readonly kernelRng: Rng;
  protected kernelSeq = 0;
  protected readonly clientSeq = new Map<string, number>();
  private readonly pool: WorkerPool | null;
  private readonly delays = new Map<string, number>();
  tick = 0;
  /** Ticks at which something was actually delivered (lockstep); the jumps over idle ticks are not counted. */
  steppedTicks = 0;

  constructor(readonly config: CoordinatorConfig) {
    this.pool = config.placement === 'threads' ? WorkerPool.sharedPool(config.warmWorkers, config.warmPreload.map((a) => resolveActor(config.catalog, a))) : null;
    this.runStartNs = nowNs();
    this.wall = wallClockFrom(this.runStartNs);
    this.stamp = config.wallStamps ? this.wall : noWallStamps;
    this.kernelRng = actorRng(config.seed, KERNEL, 0);
  }

  protected record(r: TraceRecord): void {
    this.config.sink.write(r);
  }

  /** Spawn an actor and run its init at the current tick. */
  async spawn(req: SpawnRequest): Promise<StepResult | null> {
    let slot: Slot;
    try {
      slot = await this.newSlot(req);
      this.table.add(slot);
    } catch (err) {
      this.record({ type: 'stop', tick: this.tick, wall: this.stamp(), actor: req.id, reason: `spawn failed: ${(err as Error).message}` });
      if (req.parent === ROOT) throw err;
      return null;
    }
    this.table.get(req.parent)?.children.add(req.id);
    this.record({ type: 'spawn', tick: this.tick, wall: this.stamp(), actor: req.id, name: req.actor, parent: req.parent });
    return this.startSlot(slot);
  }

  private async newSlot(req: SpawnRequest): Promise<Slot> {
    if (isExternal(req.id) || req.id.length === 0) throw new Error(`'${req.id}' is not a valid actor id (ids must be non-empty and not start with '$')`);
    if (this.table.get(req.id)) throw new Error(`an actor with id '${req.id}' is already running`);
    const moduleUrl = resolveActor(this.config.catalog, req.actor);
    const def = await loadActorDef(moduleUrl);
    const policy = checkPolicy({ ...DEFAULT_SUPERVISION, ...(req.supervision ?? {}) });
    return {
      id: req.id, actor: req.actor, def, moduleUrl, parent: req.parent, args: req.args, policy,
      children: new Set(), mailbox: newMailbox(), raw: [], host: null, status: 'down',
      incarnation: 0, nextSeq: 0, failures: [], restartAt: null,
    };
  }

  /**
   * Create the slot's host (a fresh worker in threads placement) and run init. `leaving` is the
   * previous host on its way out (a Hot Swap): the new one boots meanwhile, and init waits for it.
   */
  protected async startSlot(slot: Slot, leaving?: Promise<void>): Promise<StepResult | null> {
    const identity: ActorIdentity = {
      id: slot.id, actor: slot.actor, moduleUrl: slot.moduleUrl, parent: slot.parent, runSeed: this.config.seed,
      incarnation: slot.incarnation, seqStart: slot.nextSeq, clock: this.config.clock, mode: this.config.mode, traceDetail: this.config.traceDetail, speed: this.config.speed, wallStamps: this.config.wallStamps,
      runStartNs: this.runStartNs.toString(), firstRequest: randomInt(1, 2 ** 47), args: slot.args,
    };
    try {
      slot.host = await this.createHost(slot, identity);
    } catch (err) {
      await this.fail(slot, `host failed to start: ${(err as Error).message}`);
      return null;
    }
    slot.status = 'running';
    slot.restartAt = null;
    // The peers' ends are wired while the actor boots: what it sends them waits in their ports.
    const wired = this.afterHostStarted(slot);
    try {
      const [init] = await Promise.all([slot.host.start(this.tick, leaving), wired]);
      return init;
    } catch (err) {
      if (!(err instanceof HostStartError)) throw err;
      await this.fail(slot, `host failed to start: ${err.message}`);
      return null;
    }
  }

  private async createHost(slot: Slot, identity: ActorIdentity): Promise<ActorHost> {
    if (this.pool) return ThreadHost.create(identity, this, this.pool);
    const realtime = this.config.mode === 'realtime' ? (e: Envelope, after: number) => this.sendInline(e, after) : null;
    return new InlineHost(slot.def, identity, this.wall, this, realtime);
  }

  /**
   * Realtime threads wire the new actor into the mesh; lockstep needs nothing. The new actor's
   * ends must be handed over before this returns its promise (they go with its boot).
   */
  protected async afterHostStarted(_slot: Slot): Promise<void> {}

  /** Realtime inline: deliver a send after its delay, never re-entrantly. */
  protected sendInline(_e: Envelope, _after: number): void {}

  /**
   * The actor crashed (or its thread died): terminate its host and let the
   * supervision policy restart it after a backoff or escalate to its parent.
   */
  protected async fail(slot: Slot, error: string): Promise<void> {
    await this.stopHost(slot);
    await this.stopChildren(slot, `parent ${slot.id} failed`);
    const decision = onFailure(slot.policy, slot.failures, this.tick, this.kernelRng);
    const delay = decision.action === 'restart' ? decision.delay : 0;
    this.record({ type: 'supervise', tick: this.tick, wall: this.stamp(), actor: slot.id, decision: decision.action, delay, failures: decision.failuresInWindow });
    this.notifyParent(slot, { child: slot.id, actor: slot.actor, error, decision: decision.action, delay });
    if (decision.action === 'restart') {
      slot.restartAt = this.tick + delay;
      this.scheduleRestart(slot, delay);
      return;
    }
    this.record({ type: 'escalate', tick: this.tick, wall: this.stamp(), actor: slot.id, parent: slot.parent, error });
    await this.stop(slot.id, `escalated: ${error}`);
    const parent = this.table.get(slot.parent);
    if (parent && !Object.hasOwn(parent.def.inbox, SYS_CHILD_FAILED) && parent.status === 'running') {
      await this.fail(parent, `child ${slot.id} escalated: ${error}`);
    }
  }

  protected abstract scheduleRestart(slot: Slot, delay: number): void;

  protected async restart(slot: Slot): Promise<StepResult | null> {
    slot.incarnation++;
    this.record({ type: 'restart', tick: this.tick, wall: this.stamp(), actor: slot.id, incarnation: slot.incarnation });
    return this.startSlot(slot);
  }

  private notifyParent(slot: Slot, body: ChildFailed): void {
    const parent = this.table.get(slot.parent);
    if (parent && Object.hasOwn(parent.def.inbox, SYS_CHILD_FAILED)) this.kernelSend(parent.id, SYS_CHILD_FAILED, body);
  }

  protected kernelSend(to: string, kind: string, body: unknown): void {
    const due = this.config.mode === 'lockstep' ? this.tick + 1 : this.tick;
    const r: SendRecord = { type: 'send', tick: this.tick, wall: this.stamp(), kind, from: KERNEL, to, due, seq: this.kernelSeq++, cause: null, body };
    this.record(r);
    this.deliverWhenDue(toEnvelope(r));
  }

  /** An envelope from outside the actors (CLI, tests, benchmarks). */
  clientSend(to: string, kind: string, body: unknown, after = 1, from = CLIENT): void {
    if (!isExternal(from)) throw new Error(`client sends must come from a '$' address, got '${from}'`);
    checkCarried(body, 'body', from, `send '${kind}' to '${to}'`);
    const seq = this.clientSeq.get(from) ?? 0;
    this.clientSeq.set(from, seq + 1);
    const due = this.config.mode === 'lockstep' ? this.tick + Math.max(1, after) : this.tick + after;
    const r: SendRecord = { type: 'send', tick: this.tick, wall: this.stamp(), kind, from, to, due, seq, cause: null, body };
    this.record(r);
    this.deliverWhenDue(toEnvelope(r));
  }

  /** Stop an actor and (first) its children; what is left in its mailbox becomes dead letters. */
  async stop(id: string, reason: string): Promise<void> {
    const slot = this.table.get(id);
    if (!slot) return;
    await this.stopChildren(slot, `parent ${id} stopped`);
    await this.stopHost(slot);
    this.table.remove(id);
    this.table.get(slot.parent)?.children.delete(id);
    this.record({ type: 'stop', tick: this.tick, wall: this.stamp(), actor: id, reason });
    for (let e = slot.mailbox.pop(); e !== undefined; e = slot.mailbox.pop()) this.deadLetter(e, `actor stopped (${reason})`);
  }

  /**
   * A power cut: the actor's host and its children go, and so does every envelope waiting in its
   * mailbox (RAM does not survive a cut); the slot stays, down, for the reboot to restart.
   */
  protected async loseMemory(slot: Slot, reason: string): Promise<void> {
    await this.stopHost(slot);
    await this.stopChildren(slot, reason);
    for (let e = slot.mailbox.pop(); e !== undefined; e = slot.mailbox.pop()) this.deadLetter(e, reason);
    slot.raw = [];
  }

  private async stopChildren(slot: Slot, reason: string): Promise<void> {
    for (const child of [...slot.children].sort()) await this.stop(child, reason);
  }

  private async stopHost(slot: Slot): Promise<void> {
    const host = slot.host;
    slot.host = null;
    slot.status = 'down';
    if (host) await host.terminate();
  }

  /**
   * Fault hook (lockstep): the envelope `from#seq`, sent but not yet routed, is delivered `ticks`
   * ticks later than it was due. Set while its send record is being traced; bounded, consumed on delivery.
   */
  delay(from: string, seq: number, ticks: number): void {
    if (!Number.isSafeInteger(ticks) || ticks < 1 || ticks > MAX_DELAY_TICKS) throw new RangeError(`a delay is 1..${MAX_DELAY_TICKS} ticks, got ${ticks}`);
    if (this.delays.size >= MAX_PENDING_DELAYS) throw new RangeError(`more than ${MAX_PENDING_DELAYS} delays pending`);
    this.delays.set(`${from}#${seq}`, ticks);
  }

  /** Route one envelope: to the outside, to a mailbox (live or restarting actor), or to the dead letters. */
  protected deliver(e: Envelope): void {
    if (this.delays.size > 0) e = this.delayed(e);
    if (isExternal(e.to)) {
      this.record({ type: 'handle', tick: e.tick, wall: this.stamp(), actor: e.to, kind: e.kind, from: e.from, seq: e.seq, dur: 0 });
      this.external$.next(e);
      return;
    }
    const slot = this.table.get(e.to);
    if (!slot) {
      this.deadLetter(e, this.table.stopped.has(e.to) ? 'actor stopped' : 'no such actor');
      return;
    }
    this.deliverToSlot(slot, e);
  }

  /**
   * Route an envelope the kernel itself carries, honouring its due tick. Lockstep mailboxes are
   * ordered by tick, so routing now is the same thing; realtime keeps it until its tick comes.
   */
  protected deliverWhenDue(e: Envelope): void {
    this.deliver(e);
  }

  private delayed(e: Envelope): Envelope {
    const key = `${e.from}#${e.seq}`;
    const ticks = this.delays.get(key);
    if (ticks === undefined) return e;
    this.delays.delete(key);
    this.record({ type: 'mark', tick: this.tick, wall: this.stamp(), actor: e.to, name: 'delayed', args: { kind: e.kind, from: e.from, seq: e.seq, ticks } });
    return { ...e, tick: e.tick + ticks };
  }

  protected deliverToSlot(slot: Slot, e: Envelope): void {
    if (slot.mailbox.length >= MAX_MAILBOX) {
      this.deadLetter(e, `mailbox full (${MAX_MAILBOX})`);
      return;
    }
    slot.mailbox.push(e);
  }

  protected deadLetter(e: Envelope, reason: string): void {
    this.record({ type: 'dead-letter', tick: this.tick, wall: this.stamp(), kind: e.kind, from: e.from, to: e.to, seq: e.seq, reason });
  }

  /**
   * Apply what an actor did: record everything in order, check its sends
   * (they crossed a thread boundary), start what it spawned, route the sends
   * (so a child spawned in the same handler gets its first message), then
   * its stops and crash. Realtime hosts deliver their own sends (`route` false);
   * the receiver checks those.
   */
  protected apply(slot: Slot, result: StepResult, route: boolean): Promise<void> | undefined {
    slot.nextSeq = Math.max(slot.nextSeq, result.nextSeq);
    if (result.elided?.send) this.config.sink.skipped?.('send', result.elided.send);
    if (result.elided?.handle) this.config.sink.skipped?.('handle', result.elided.handle);
    const elide = !route && this.config.traceDetail === 'counts';
    const outgoing: Envelope[] = [];
    for (const r of result.records) {
      if (elide && (r.type === 'handle' || (r.type === 'send' && !r.routedByKernel))) {
        this.config.sink.skipped?.(r.type, 1);
        continue;
      }
      if (r.type !== 'send') {
        this.record(r);
        continue;
      }
      if (!route && !r.routedByKernel) {
        this.record(r);
        continue;
      }
      const e = toEnvelope(r);
      try {
        checkEnvelope(e);
      } catch (err) {
        this.record({ type: 'reject', tick: this.tick, wall: this.stamp(), actor: KERNEL, kind: String(r.kind), from: r.from, seq: r.seq, field: 'envelope', error: (err as Error).message });
        continue;
      }
      this.record(r);
      outgoing.push(e);
    }
    // Most results spawn, stop and crash nothing: those are applied without a Promise.
    if (result.spawns.length === 0 && result.stops.length === 0 && result.crashed === null) {
      for (const e of outgoing) this.deliverWhenDue(e);
      return undefined;
    }
    return this.applyLifecycle(slot, result, outgoing);
  }

  private async applyLifecycle(slot: Slot, result: StepResult, outgoing: readonly Envelope[]): Promise<void> {
    // Children first, then the mail: a handler may spawn (or swap) a child and write to it in one go.
    for (const s of result.spawns) await this.spawnChild(slot, s);
    for (const e of outgoing) this.deliverWhenDue(e);
    for (const id of result.stops) await this.stopRequested(slot, id);
    if (result.crashed !== null && this.table.get(slot.id) === slot && slot.status === 'running') await this.fail(slot, result.crashed);
  }

  private async spawnChild(parent: Slot, req: SpawnRequest): Promise<void> {
    if (req.parent !== parent.id) throw new Error(`${parent.id} asked to spawn ${req.id} for another parent (${req.parent})`);
    const existing = this.table.get(req.id);
    if (req.replace && existing && existing.parent === parent.id) {
      await this.swap(existing, req);
      return;
    }
    await this.spawnAndInit(req);
  }

  /**
   * Hot Swap: terminate the child's worker and boot the new behaviour in a
   * fresh one, same id, same mailbox, next incarnation. Its own children go.
   */
  private async swap(slot: Slot, req: SpawnRequest): Promise<void> {
    let moduleUrl: string;
    try {
      moduleUrl = resolveActor(this.config.catalog, req.actor);
      slot.def = await loadActorDef(moduleUrl);
    } catch (err) {
      this.record({ type: 'mark', tick: this.tick, wall: this.stamp(), actor: slot.id, name: 'swap refused', args: { to: req.actor, reason: (err as Error).message } });
      return;
    }
    // The old host's shutdown (a round trip to its worker) overlaps the new host's boot.
    const leaving = this.stopHost(slot);
    await this.stopChildren(slot, `parent ${slot.id} swapped`);
    const from = slot.actor;
    slot.actor = req.actor;
    slot.moduleUrl = moduleUrl;
    slot.args = req.args;
    slot.policy = checkPolicy({ ...DEFAULT_SUPERVISION, ...(req.supervision ?? {}) });
    slot.failures = [];
    slot.incarnation++;
    this.record({ type: 'swap', tick: this.tick, wall: this.stamp(), actor: slot.id, from, to: req.actor, incarnation: slot.incarnation });
    const init = await this.startSlot(slot, leaving);
    if (init && this.table.get(slot.id) === slot) await this.apply(slot, init, this.config.mode === 'lockstep');
    this.afterInit(slot.id);
  }

  /** Spawn, then apply what the actor's init did. */
  async spawnAndInit(req: SpawnRequest): Promise<void> {
    const init = await this.spawn(req);
    const slot = this.table.get(req.id);
    if (init && slot) await this.apply(slot, init, this.config.mode === 'lockstep');
    this.afterInit(req.id);
  }

  /** A spawned or swapped actor's init has been applied (realtime hands it the mail that waited for it). */
  protected afterInit(_id: string): void {}

  private async stopRequested(by: Slot, id: string): Promise<void> {
    if (id === by.id || by.children.has(id)) {
      await this.stop(id, id === by.id ? 'stopped itself' : `stopped by parent ${by.id}`);
      return;
    }
    this.record({ type: 'mark', tick: this.tick, wall: this.stamp(), actor: by.id, name: 'stop refused', args: { target: id, reason: 'only an actor itself or its parent may stop it' } });
  }

  async inspect(id: string): Promise<ActorInspection> {
    const slot = this.table.get(id);
    if (!slot) throw new Error(`no actor '${id}'${this.table.stopped.has(id) ? ' (it was stopped)' : ''}`);
    if (!slot.host) throw new Error(`actor '${id}' is restarting (due at tick ${slot.restartAt})`);
    return slot.host.inspect();
  }

  /** Every running actor's state, by id: a snapshot of the run. */
  async snapshot(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const slot of this.table.inOrder()) if (slot.host) out[slot.id] = (await slot.host.inspect()).state;
    return out;
  }

  async shutdown(): Promise<void> {
    for (const slot of [...this.table.inOrder()].reverse()) await this.stopHost(slot);
    await ThreadHost.allTerminated();
    this.external$.complete();
  }

  // HostEvents: realtime effects and host deaths arrive here.
  abstract onEffects(result: StepResult): void;
  abstract onRoute(envelope: unknown): void;
  abstract onHostFailure(id: string, error: string): void;

  onRejected(id: string, error: string): void {
    this.record({ type: 'reject', tick: this.tick, wall: this.stamp(), actor: id, kind: '?', from: '?', seq: -1, field: 't', error });
  }
}

export type { SpawnOptions };
