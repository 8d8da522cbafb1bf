import type { Observable } from 'rxjs';
import type { SpawnOptions } from './actor.js';
import type { ActorCatalog } from './catalog.js';
import { type ClockConfig, defaultClock } from './clock.js';
import type { Placement } from './coordinator.js';
import type { Envelope } from './envelope.js';
import type { ActorInspection } from './hosts/host.js';
import { LockstepCoordinator } from './lockstep.js';
import type { ClockMode, TraceDetail } from './protocol.js';
import { RealtimeCoordinator } from './realtime.js';
import { CLIENT, ROOT } from './system-messages.js';
import { ChromeTraceWriter } from './trace/chrome-writer.js';
import { JsonlTraceWriter } from './trace/jsonl-writer.js';
import { type TraceSink, fanOut } from './trace/sink.js';
import { TraceStats } from './trace/stats.js';
import { TraceHasher } from './trace/trace-hash.js';

export interface RuntimeOptions {
  readonly seed: number;
  readonly catalog: ActorCatalog;
  readonly placement?: Placement;
  readonly clock?: ClockMode;
  readonly tick?: Partial<ClockConfig>;
  /** Chrome Trace Event JSON file (Perfetto, chrome://tracing). */
  readonly traceFile?: string;
  /** Streaming JSONL of every trace record. */
  readonly traceJsonl?: string;
  /** Extra sinks (tests, tools). */
  readonly sinks?: readonly TraceSink[];
  /**
   * Stamp records with wall time (`wall`, `dur`) for an extra sink that shows it. Default: on
   * with a trace file, JSONL or the realtime clock; off otherwise, so lockstep handlers never read the clock.
   */
  readonly wallStamps?: boolean;
  /**
   * Realtime only: `counts` keeps message records (send, handle) as counts so
   * tracing barely disturbs the latency being measured. Default: `full` when a
   * trace file or extra sink is asked for, `counts` otherwise.
   */
  readonly traceDetail?: TraceDetail;
  /** Realtime: ticks per tick length of wall time (default 1, at most MAX_SPEED); idle stretches are jumped either way. */
  readonly speed?: number;
  /** Threads placement: actor-host workers kept started ahead of need (default 2; 0 = start each on demand). */
  readonly warmWorkers?: number;
  /** Threads placement: actors whose code the warm workers load while waiting (a warm standby for Hot Swaps). */
  readonly warmPreload?: readonly string[];
}

export interface RunSummary {
  readonly seed: number;
  readonly placement: Placement;
  readonly clock: ClockMode;
  readonly ticks: number;
  /** Ticks actually stepped (lockstep): ticks minus the jumps over idle time. */
  readonly steppedTicks: number;
  readonly envelopes: number;
  readonly handled: number;
  readonly rejected: number;
  readonly crashes: number;
  readonly restarts: number;
  readonly escalations: number;
  readonly deadLetters: number;
  /**
   * sha-256 over the canonical trace (lockstep). Null in realtime: arrival
   * order there depends on thread timing, so a hash would fingerprint nothing.
   */
  readonly traceHash: string | null;
}

/**
 * The public face of the kernel: spawn actors, talk to them from outside,
 * run the clock, look inside, and read the trace fingerprint.
 */
export class Runtime {
  readonly placement: Placement;
  readonly clock: ClockMode;
  readonly stats = new TraceStats();
  private readonly hasher: TraceHasher | null;
  private readonly sink: TraceSink;
  private readonly coordinator: LockstepCoordinator | RealtimeCoordinator;
  private closed = false;

  constructor(readonly options: RuntimeOptions) {
    if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
    this.placement = options.placement ?? 'threads';
    this.clock = options.clock ?? 'lockstep';
    this.hasher = this.clock === 'lockstep' ? new TraceHasher() : null;
    const sinks: TraceSink[] = [...(this.hasher ? [this.hasher] : []), this.stats];
    if (options.traceJsonl) sinks.push(new JsonlTraceWriter(options.traceJsonl));
    if (options.traceFile) {
      const name = `nosh seed=${options.seed} placement=${this.placement} clock=${this.clock}`;
      sinks.push(new ChromeTraceWriter(options.traceFile, name, () => ({ seed: options.seed, placement: this.placement, clock: this.clock })));
    }
    // Extra sinks come last: one that sends from outside while it looks (fault injection) must not make a later sink see its send before the record it reacted to.
    sinks.push(...(options.sinks ?? []));
    this.sink = fanOut(sinks);
    const config = {
      seed: options.seed,
      placement: this.placement,
      mode: this.clock,
      catalog: options.catalog,
      clock: { ...defaultClock, ...(options.tick ?? {}) },
      sink: this.sink,
      traceDetail: this.traceDetailFor(options),
      wallStamps: options.wallStamps ?? (this.clock === 'realtime' || options.traceFile !== undefined || options.traceJsonl !== undefined),
      speed: options.speed ?? 1,
      warmWorkers: options.warmWorkers ?? 2,
      warmPreload: options.warmPreload ?? [],
    };
    this.coordinator = this.clock === 'lockstep' ? new LockstepCoordinator(config) : new RealtimeCoordinator(config);
  }

  private traceDetailFor(options: RuntimeOptions): TraceDetail {
    if (this.clock === 'lockstep') return 'full';
    if (options.traceDetail) return options.traceDetail;
    return options.traceFile || options.traceJsonl || (options.sinks?.length ?? 0) > 0 ? 'full' : 'counts';
  }

  get tick(): number {
    return this.coordinator.tick;
  }

  /** Envelopes the actors sent to `$…` addresses. */
  get external$(): Observable<Envelope> {
    return this.coordinator.external$;
  }

  /** Spawn a top-level actor; its `init` runs at the current tick. Returns its id. */
  async spawn(actor: string, options: SpawnOptions = {}): Promise<string> {
    this.assertOpen();
    const id = options.id ?? actor;
    await this.coordinator.spawnAndInit({ id, actor, parent: ROOT, args: options.args ?? null, supervision: options.supervision ?? null });
    return id;
  }

  /** Send from outside (default sender `$client`); replies to `$…` come out of `external$`. */
  send(to: string, kind: string, body: unknown, options: { after?: number; from?: string } = {}): void {
    this.assertOpen();
    this.coordinator.clientSend(to, kind, body, options.after ?? 1, options.from ?? CLIENT);
  }

  /**
   * Run the clock up to tick `ticks`. Lockstep steps every due tick up to it
   * (stopping early when nothing is due); realtime lets the actors run until
   * that much wall time has passed since the runtime started.
   */
  async run(ticks: number): Promise<number> {
    this.assertOpen();
    if (!Number.isSafeInteger(ticks) || ticks < 0) throw new RangeError(`ticks must be a non-negative integer, got ${ticks}`);
    return this.coordinator.runUntil(ticks);
  }

  /** Lockstep: the next tick anything is due at (null when nothing is scheduled at all); realtime: the next tick. */
  nextDueTick(): number | null {
    const c = this.coordinator;
    return c instanceof LockstepCoordinator ? c.nextDueTick() : c.tick + 1;
  }

  inspect(id: string): Promise<ActorInspection> {
    return this.coordinator.inspect(id);
  }

  snapshot(): Promise<Record<string, unknown>> {
    return this.coordinator.snapshot();
  }

  /** Stop an actor (and its children) from outside. */
  stop(id: string): Promise<void> {
    return this.coordinator.stop(id, 'stopped from outside');
  }

  /** Fault hook: the actor's host dies (its worker is terminated); supervision takes it from there. */
  kill(id: string, reason = 'killed from outside'): void {
    this.coordinator.kill(id, reason);
  }

  /** Fault hook (lockstep): the actor's next handler runs, then fails with `reason` (what it did is discarded). */
  crashInHandler(id: string, reason: string): void {
    this.lockstep('crashInHandler').crashInHandler(id, reason);
  }

  /** Fault hook (lockstep): the actor stops handling anything for `ticks` ticks; its mail waits. */
  stall(id: string, ticks: number): void {
    this.lockstep('stall').stall(id, ticks);
  }

  /** Fault hook (lockstep): deliver the envelope `from#seq` (sent, not yet routed) `ticks` late. Call it from a sink as its send record goes by. */
  delay(from: string, seq: number, ticks: number): void {
    this.lockstep('delay').delay(from, seq, ticks);
  }

  /** Fault hook (lockstep): a power cut: `ids` lose their memory and mail, and boot fresh `bootTicks` later. */
  powerCut(ids: readonly string[], reason: string, bootTicks: number): void {
    this.lockstep('powerCut').powerCut(ids, reason, bootTicks);
  }

  private lockstep(hook: string): LockstepCoordinator {
    const c = this.coordinator;
    if (!(c instanceof LockstepCoordinator)) throw new Error(`${hook} is a lockstep fault hook: realtime delivery has no canonical order to replay`);
    return c;
  }

  /** Test hook (lockstep): hand an actor anything at all at its next step. */
  injectRaw(id: string, raw: unknown): void {
    const c = this.coordinator;
    if (!(c instanceof LockstepCoordinator)) throw new Error('injectRaw is a lockstep test hook');
    c.injectRaw(id, raw);
  }

  /**
   * Test hook: post anything at all straight onto the actor's host port (its
   * worker's data port in threads placement), bypassing the coordinator.
   */
  postRaw(id: string, raw: unknown): void {
    const host = this.coordinator.table.get(id)?.host as { postRaw?: (raw: unknown) => void } | null | undefined;
    if (!host?.postRaw) throw new Error(`no running actor '${id}'`);
    host.postRaw(raw);
  }

  /** Ids of running actors, in canonical order. */
  actors(): string[] {
    return this.coordinator.table.inOrder().map((s) => s.id);
  }

  /** Stop every actor, close the trace files, and return the summary. */
  async shutdown(): Promise<RunSummary> {
    if (!this.closed) {
      this.closed = true;
      await this.coordinator.shutdown();
      this.sink.close();
    }
    return this.summary();
  }

  summary(): RunSummary {
    const s = this.stats;
    return {
      seed: this.options.seed,
      placement: this.placement,
      clock: this.clock,
      ticks: this.coordinator.tick,
      steppedTicks: this.coordinator.steppedTicks,
      envelopes: s.envelopes,
      handled: s.handled,
      rejected: s.rejected,
      crashes: s.crashes,
      restarts: s.restarts,
      escalations: s.escalations,
      deadLetters: s.deadLetters,
      traceHash: this.hasher?.value() ?? null,
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('runtime is shut down');
  }
}
