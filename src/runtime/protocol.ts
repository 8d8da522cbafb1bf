import type { Envelope } from './envelope.js';
import type { SupervisionPolicy } from './supervisor.js';
import type { TraceRecord } from './trace/record.js';
import type { ClockConfig } from './clock.js';
import type { ClockBase } from './realtime-clock.js';

/** Plain data the coordinator and actor hosts exchange; every field crosses threads. */

export type ClockMode = 'lockstep' | 'realtime';
export type TraceDetail = 'full' | 'counts';

export interface ActorIdentity {
  readonly id: string;
  /** Catalog name of the behaviour. */
  readonly actor: string;
  /** Module URL the behaviour is loaded from (default export is its ActorDef). */
  readonly moduleUrl: string;
  readonly parent: string;
  readonly runSeed: number;
  readonly incarnation: number;
  /** First sequence number this incarnation uses, so ids never repeat across restarts. */
  readonly seqStart: number;
  readonly clock: ClockConfig;
  readonly mode: ClockMode;
  /**
   * Realtime only: `counts` ships message records (send, handle) as counts
   * instead of one by one, so observing a latency run barely disturbs it.
   */
  readonly traceDetail: TraceDetail;
  /** Realtime: ticks per tick length of wall time (1 = the deck's own pace). */
  readonly speed: number;
  /**
   * Whether records carry wall time (`wall`, `dur`): only when a writer shows time (a Perfetto
   * trace, JSONL) or the clock is realtime. Otherwise they are 0, and no handler reads the clock.
   */
  readonly wallStamps: boolean;
  /** process.hrtime.bigint() at run start, as a decimal string (bigint does not survive every channel). */
  readonly runStartNs: string;
  /**
   * The `req` of this host's first start/step request (HostInbound). Drawn at random, not from
   * the run's seed (it never reaches the trace): a stray message on the port cannot hit it by accident.
   */
  readonly firstRequest: number;
  readonly args: unknown;
}

export interface SpawnRequest {
  readonly id: string;
  readonly actor: string;
  readonly parent: string;
  readonly args: unknown;
  readonly supervision: Partial<SupervisionPolicy> | null;
  /** Swap the behaviour of the parent's existing child with this id (Hot Swap) instead of failing on a duplicate id. */
  readonly replace?: boolean;
}

/** What an actor did in one lockstep step (or in `init`). */
export interface StepResult {
  readonly actor: string;
  readonly tick: number;
  /** How many envelopes of the batch were taken (handled, rejected, or the one it crashed on). */
  readonly consumed: number;
  /** In order; committed sends appear as `send` records and are the envelopes to route. */
  readonly records: TraceRecord[];
  readonly spawns: SpawnRequest[];
  readonly stops: string[];
  /** Error text when the actor crashed in this step; its effects for that envelope were discarded. */
  readonly crashed: string | null;
  readonly nextSeq: number;
  /** Records left out under `traceDetail: counts`, by type. */
  readonly elided: { readonly send: number; readonly handle: number } | null;
}

/**
 * Coordinator → host, on the host's data port. `req` numbers a host's start and
 * step requests from its identity's `firstRequest`: one out of sequence is not
 * the coordinator's, and is rejected rather than run (a stray step would
 * otherwise run the actor).
 */
export type HostInbound =
  | { readonly t: 'start'; readonly req: number; readonly tick: number }
  /** `crash`: fault injection: the first envelope of the batch is handled, then its handler fails with this error. */
  | { readonly t: 'step'; readonly req: number; readonly tick: number; readonly batch: readonly Envelope[]; readonly crash?: string | null }
  | { readonly t: 'deliver'; readonly envelope: Envelope }
  /** Realtime: the coordinator jumped the clock over an idle stretch; the host adopts the new base. */
  | { readonly t: 'clock'; readonly base: ClockBase };
// A bare WireEnvelope array on a data port (either direction) is a realtime envelope.

/** Host → coordinator, on the host's data port. */
export type HostOutbound =
  | { readonly t: 'stepped'; readonly result: StepResult }
  /** Realtime: trace records and effects, flushed in batches. */
  | { readonly t: 'effects'; readonly result: StepResult }
  | { readonly t: 'rejected'; readonly error: string; readonly field: string; readonly kind: string };

/**
 * Worker → coordinator on a thread host's data port: a host message, or `closed`: the actor has
 * stopped, and everything it did is on the port ahead of this (its last realtime batch flushed).
 */
export type WorkerOutbound = HostOutbound | { readonly t: 'closed' };
