import * as v from 'valibot';
import { at } from '../assert.js';
import type { ActorContext, AnyActorDef, SendOptions, SpawnOptions } from './actor.js';
import { virtualTimeMs } from './clock.js';
import { type Envelope, EnvelopeError, checkEnvelope, envelopeId } from './envelope.js';
import { type InboxSchema, checkBody, issuePath } from './inbox.js';
import type { Address } from './peer.js';
import type { ActorIdentity, SpawnRequest, StepResult } from './protocol.js';
import { type Rng, actorRng } from './rng.js';
import type { TraceRecord } from './trace/record.js';
import { type WallClock, noWallStamps } from './wall.js';
import { checkCarried } from './wire-value.js';

/** Limits on what one envelope's handler may do (TIGER_STYLE: bound everything). */
export const MAX_SENDS_PER_HANDLER = 10_000;
export const MAX_SPAWNS_PER_HANDLER = 64;
/** Stray host messages traced one by one with the next step; past this many they are counted. */
export const MAX_STRAYS_TRACED = 64;

/** What a step (or an init) did, collected as its handlers run. */
interface Effects {
  records: TraceRecord[];
  spawns: SpawnRequest[];
  stops: string[];
  /** Message records counted rather than kept (realtime, `counts` detail). */
  elidedSends: number;
  elidedHandles: number;
}

/** Holds a handler's first record's place until it returns (begin). */
const RESERVED: TraceRecord = Object.freeze({ type: 'mark', tick: -1, wall: 0, actor: '(reserved)', name: '(reserved)', args: null });

function noEffects(): Effects {
  return { records: [], spawns: [], stops: [], elidedSends: 0, elidedHandles: 0 };
}

/**
 * Runs one actor's behaviour, the same way on every placement. Each envelope
 * is a transaction: if the handler throws, nothing it sent, spawned or stopped
 * takes effect, and the state is the one before it.
 */
export class ActorCell {
  private state: unknown = undefined;
  handled = 0;
  rejected = 0;
  crashes = 0;
  private seq: number;
  private childCount = 0;
  private tick = 0;
  private cause: string | null = null;
  /** The step's effects while a handler runs (it appends to them directly); null between handlers. */
  private effects: Effects | null = null;
  /**
   * Where the effects, seq and the child counter stood when the current handler began, to roll
   * back a crash: the handler's own effects are everything past these marks.
   */
  private recordMark = 0;
  private spawnMark = 0;
  private stopMark = 0;
  private seqMark = 0;
  private childMark = 0;
  private sendsInHandler = 0;
  private readonly rng: Rng;
  /** Wall time for records (0 when no writer shows time: ActorIdentity.wallStamps). */
  private readonly stamp: WallClock;
  private readonly ctx: ActorContext;
  /** Realtime with `counts` detail: skip per-message records and wall-clock reads. */
  private readonly lean: boolean;
  /** Fault injection: the next envelope's handler runs, then fails with this error (its effects discarded). */
  private crashNext: string | null = null;
  /** Lockstep: host messages that were not steps, waiting to be traced with the next step (see rejectHostMessage). */
  private strays: string[] = [];
  private straysUntraced = 0;

  constructor(
    private readonly def: AnyActorDef,
    readonly identity: ActorIdentity,
    wall: WallClock,
    /** Realtime: a send is delivered at once rather than collected (it is still recorded). */
    private readonly onSend: ((e: Envelope, after: number) => void) | null = null,
  ) {
    this.seq = identity.seqStart;
    this.stamp = identity.wallStamps ? wall : noWallStamps;
    this.lean = identity.mode === 'realtime' && identity.traceDetail === 'counts';
    this.rng = actorRng(identity.runSeed, identity.id, identity.incarnation);
    this.ctx = this.makeContext();
  }

  get id(): string {
    return this.identity.id;
  }

  /** Run `init`; a throw here is a crash like any other. */
  start(tick: number): StepResult {
    this.tick = tick;
    this.cause = null;
    const total = noEffects();
    const started = this.stamp();
    this.begin(total);
    try {
      const args = this.def.args ? parseArgs(this.def.args, this.id, this.identity.args) : this.identity.args;
      this.state = this.def.init(args, this.ctx);
    } catch (err) {
      this.crashes++;
      this.discard(total);
      const error = errorText(err);
      total.records.push({ type: 'crash', tick, wall: this.stamp(), actor: this.id, kind: null, from: null, seq: null, error });
      return this.result(tick, 0, total, error);
    }
    this.settleFirst(total, { type: 'init', tick, wall: started, actor: this.id, incarnation: this.identity.incarnation, dur: this.stamp() - started });
    this.merge(total, true);
    return this.result(tick, 0, total, null);
  }

  /**
   * Handle a batch in order. Returns synchronously when every handler did, so
   * an inline campaign of synchronous actors never allocates a Promise per tick.
   */
  step(tick: number, batch: readonly unknown[], crash: string | null = null): StepResult | Promise<StepResult> {
    this.tick = tick;
    this.crashNext = crash;
    return this.continueBatch(tick, batch, 0, noEffects());
  }

  /** Realtime: handle one envelope as it arrives. */
  handle(envelope: unknown, tick: number): StepResult | Promise<StepResult> {
    return this.step(tick, [envelope]);
  }

  /**
   * Lockstep: something on the host's port that is not a step. It is traced with this actor's next
   * step result, so it lands at the same point in the trace whether the port is a worker's or inline.
   */
  rejectHostMessage(error: string): void {
    if (this.strays.length < MAX_STRAYS_TRACED) this.strays.push(error);
    else this.straysUntraced++;
  }

  view(): unknown {
    return this.def.view ? this.def.view(this.state) : this.state;
  }

  /** Best effort: a dispose that throws must not stop the host from going away. */
  dispose(): void {
    if (this.state === undefined || !this.def.dispose) return;
    try {
      this.def.dispose(this.state);
    } catch {
      // The actor is going away either way; its trace already says why.
    }
    this.state = undefined;
  }

  private continueBatch(tick: number, batch: readonly unknown[], from: number, total: Effects): StepResult | Promise<StepResult> {
    for (let i = from; i < batch.length; i++) {
      const outcome = this.handleOne(batch[i], total);
      if (outcome instanceof Promise) {
        return outcome.then((crashed) =>
          crashed === null ? this.continueBatch(tick, batch, i + 1, total) : this.result(tick, i + 1, total, crashed),
        );
      }
      if (outcome !== null) return this.result(tick, i + 1, total, outcome);
    }
    return this.result(tick, batch.length, total, null);
  }

  /** Returns null when handled or rejected, the error text when the actor crashed. */
  private handleOne(raw: unknown, total: Effects): string | null | Promise<string | null> {
    let e: Envelope;
    let message;
    try {
      e = checkEnvelope(raw);
      message = checkBody(this.def.inbox, this.id, e);
    } catch (err) {
      this.rejected++;
      total.records.push(rejectRecord(this.id, this.tick, this.stamp(), raw, err));
      return null;
    }
    const started = this.lean ? 0 : this.stamp();
    const before = this.state;
    this.begin(total);
    this.cause = envelopeId(e);
    let out: unknown;
    try {
      out = this.def.receive(this.state, message, this.ctx);
    } catch (err) {
      return this.fail(e, before, total, err);
    }
    if (out instanceof Promise) {
      return out.then(
        (next: unknown) => this.commit(e, started, next, total),
        (err: unknown) => this.fail(e, before, total, err),
      );
    }
    return this.commit(e, started, out, total);
  }

  private commit(e: Envelope, started: number, next: unknown, total: Effects): string | null {
    if (this.crashNext !== null) {
      // An injected fault strikes inside the handler: it ran, and now fails as if it had thrown at its end.
      const reason = this.crashNext;
      this.crashNext = null;
      return this.fail(e, this.state, total, new InjectedCrash(reason));
    }
    this.state = next;
    this.handled++;
    if (this.lean) total.elidedHandles++;
    this.settleFirst(total, this.lean ? null : { type: 'handle', tick: this.tick, wall: started, actor: this.id, kind: e.kind, from: e.from, seq: e.seq, dur: this.stamp() - started });
    this.merge(total, !this.lean);
    return null;
  }

  private fail(e: Envelope, before: unknown, total: Effects, err: unknown): string {
    this.crashes++;
    this.state = before;
    this.discard(total);
    const error = errorText(err);
    total.records.push({ type: 'crash', tick: this.tick, wall: this.stamp(), actor: this.id, kind: e.kind, from: e.from, seq: e.seq, error });
    return error;
  }

  /**
   * A handler appends its effects straight to the step's, behind a reserved first record (its
   * handle or init record, known only once it returns); a crash cuts them back to the marks.
   */
  private begin(total: Effects): void {
    this.effects = total;
    this.recordMark = total.records.length;
    total.records.push(RESERVED);
    this.spawnMark = total.spawns.length;
    this.stopMark = total.stops.length;
    this.seqMark = this.seq;
    this.childMark = this.childCount;
    this.sendsInHandler = 0;
  }

  private discard(total: Effects): void {
    total.records.length = this.recordMark;
    total.spawns.length = this.spawnMark;
    total.stops.length = this.stopMark;
    this.seq = this.seqMark;
    this.childCount = this.childMark;
    this.effects = null;
  }

  /** The handler's first record goes where it was reserved (or the reservation goes, when there is none). */
  private settleFirst(total: Effects, first: TraceRecord | null): void {
    if (first !== null) total.records[this.recordMark] = first;
    else total.records.splice(this.recordMark, 1);
  }

  /** The handler returned: lockstep keeps its effects as they are; realtime delivers its sends now. */
  private merge(total: Effects, firstKept: boolean): void {
    this.effects = null;
    if (this.onSend === null) return;
    const from = firstKept ? this.recordMark + 1 : this.recordMark;
    // Realtime: a handler that spawned or swapped a child leaves its sends to the coordinator, which
    // starts the child first; delivering them here could reach a worker the swap is about to replace.
    const viaKernel = total.spawns.length > this.spawnMark;
    const records = total.records;
    let kept = from;
    for (let i = from; i < records.length; i++) {
      const r = at(records, i);
      if (r.type !== 'send') records[kept++] = r;
      else if (viaKernel) records[kept++] = { ...r, routedByKernel: true };
      else {
        this.onSend(toEnvelope(r), r.due - r.tick);
        if (this.lean) total.elidedSends++;
        else records[kept++] = r;
      }
    }
    records.length = kept;
  }

  private result(tick: number, consumed: number, fx: Effects, crashed: string | null): StepResult {
    this.effects = null;
    if (this.strays.length > 0) fx.records.unshift(...this.strayRecords(tick));
    const elided = fx.elidedSends + fx.elidedHandles === 0 ? null : { send: fx.elidedSends, handle: fx.elidedHandles };
    return { actor: this.id, tick, consumed, records: fx.records, spawns: fx.spawns, stops: fx.stops, crashed, nextSeq: this.seq, elided };
  }

  private strayRecords(tick: number): TraceRecord[] {
    if (this.straysUntraced > 0) this.strays.push(`and ${this.straysUntraced} more stray host messages`);
    const records = this.strays.map((error): TraceRecord => ({ type: 'reject', tick, wall: this.stamp(), actor: this.id, kind: '?', from: '?', seq: -1, field: 't', error }));
    this.strays = [];
    this.straysUntraced = 0;
    return records;
  }

  private current(what: string): Effects {
    if (this.effects === null) throw new Error(`${this.id}: ctx.${what} called outside a handler (after it returned?)`);
    return this.effects;
  }

  private makeContext(): ActorContext {
    const currentTick = (): number => this.tick;
    return {
      // The id is the address; which inbox it accepts is the actor's own declaration (ActorContext<I>).
      self: this.identity.id as Address<InboxSchema>,
      get tick() {
        return currentTick();
      },
      incarnation: this.identity.incarnation,
      now: () => virtualTimeMs(this.identity.clock, this.tick),
      tickMs: this.identity.clock.tickMs,
      rng: this.rng,
      send: (to, kind, body, options) => this.send(to, kind, body, options),
      spawn: (actor, options) => this.spawn(actor, options),
      replace: (id, actor, options) => this.spawn(actor, { ...options, id }, true),
      stop: (id) => {
        this.current('stop').stops.push(id ?? this.id);
      },
      mark: (name, args) => {
        const fx = this.current('mark');
        if (args !== undefined) checkCarried(args, 'args', this.id, `mark '${name}'`);
        fx.records.push({ type: 'mark', tick: this.tick, wall: this.stamp(), actor: this.id, name, args: args ?? null });
      },
    };
  }

  private send(to: string, kind: string, body: unknown, options: SendOptions | undefined): void {
    const fx = this.current('send');
    if (++this.sendsInHandler > MAX_SENDS_PER_HANDLER) throw new RangeError(`${this.id}: more than ${MAX_SENDS_PER_HANDLER} sends from one handler`);
    const after = options?.after ?? 1;
    if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`${this.id}: send after must be a non-negative integer, got ${after}`);
    // Plain data only, checked here on every placement alike, so inline and threads trace the same (wire-value.ts).
    checkCarried(body, 'body', this.id, `send '${kind}' to '${to}'`);
    const due = this.identity.mode === 'lockstep' ? this.tick + Math.max(1, after) : this.tick + after;
    fx.records.push({ type: 'send', tick: this.tick, wall: this.lean ? 0 : this.stamp(), kind, from: this.id, to, due, seq: this.seq++, cause: this.cause, body });
  }

  private spawn(actor: string, options: SpawnOptions | undefined, replace = false): string {
    const fx = this.current(replace ? 'replace' : 'spawn');
    if (fx.spawns.length - this.spawnMark >= MAX_SPAWNS_PER_HANDLER) throw new RangeError(`${this.id}: more than ${MAX_SPAWNS_PER_HANDLER} spawns from one handler`);
    const id = options?.id ?? `${this.id}/${actor}-${this.childCount}`;
    if (options?.args !== undefined) checkCarried(options.args, 'args', this.id, `spawn '${id}'`);
    this.childCount++;
    fx.spawns.push({ id, actor, parent: this.id, args: options?.args ?? null, supervision: options?.supervision ?? null, ...(replace ? { replace: true } : {}) });
    return id;
  }
}

/** What an injected fault throws inside a handler (soak `--faults`: crash). */
export class InjectedCrash extends Error {
  override readonly name = 'InjectedCrash';
}

export function toEnvelope(r: Extract<TraceRecord, { type: 'send' }>): Envelope {
  return { kind: r.kind, from: r.from, to: r.to, tick: r.due, seq: r.seq, cause: r.cause, body: r.body };
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  // An error that crossed a thread (a DataCloneError, say) can arrive as a bare object with the same fields.
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; message?: unknown };
  if (typeof e.message === 'string') return `${typeof e.name === 'string' ? e.name : 'Error'}: ${e.message}`;
  return `thrown: ${String(err)}`;
}

function rejectRecord(actor: string, tick: number, wall: number, raw: unknown, err: unknown): TraceRecord {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Envelope, unknown>>;
  return {
    type: 'reject',
    tick,
    wall,
    actor,
    kind: typeof r.kind === 'string' ? r.kind : '?',
    from: typeof r.from === 'string' ? r.from : '?',
    seq: typeof r.seq === 'number' && Number.isSafeInteger(r.seq) ? r.seq : -1,
    field: err instanceof EnvelopeError ? err.field : '(envelope)',
    error: err instanceof EnvelopeError ? err.message : errorText(err),
  };
}

function parseArgs(schema: v.GenericSchema, actor: string, args: unknown): unknown {
  const parsed = v.safeParse(schema, args);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  throw new TypeError(`bad spawn args for ${actor}: field '${issuePath('args', issue)}': ${issue.message}`);
}
