/**
 * What the tracer records. `wall` is nanoseconds since the run started (real
 * time, for Perfetto); everything else is deterministic in lockstep and goes
 * into the trace hash.
 */
interface At {
  readonly tick: number;
  readonly wall: number;
}

export interface SendRecord extends At {
  readonly type: 'send';
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  /** Due tick (the envelope's `tick`). */
  readonly due: number;
  readonly seq: number;
  readonly cause: string | null;
  readonly body: unknown;
  /**
   * Realtime: the sender's host did not deliver it itself (its handler also
   * spawned or swapped a child), so the coordinator routes it after the spawn.
   */
  readonly routedByKernel?: true;
}
export interface HandleRecord extends At {
  readonly type: 'handle';
  readonly actor: string;
  readonly kind: string;
  readonly from: string;
  readonly seq: number;
  /** Handler time in ns (wall; not hashed). */
  readonly dur: number;
}
/** An actor's `init` ran (on spawn and on every restart). */
export interface InitRecord extends At {
  readonly type: 'init';
  readonly actor: string;
  readonly incarnation: number;
  readonly dur: number;
}
export interface RejectRecord extends At {
  readonly type: 'reject';
  readonly actor: string;
  readonly kind: string;
  readonly from: string;
  readonly seq: number;
  readonly field: string;
  readonly error: string;
}
export interface CrashRecord extends At {
  readonly type: 'crash';
  readonly actor: string;
  /** The envelope being handled, or null for a crash in `init` or a killed worker. */
  readonly kind: string | null;
  readonly from: string | null;
  readonly seq: number | null;
  readonly error: string;
}
export interface SuperviseRecord extends At {
  readonly type: 'supervise';
  readonly actor: string;
  readonly decision: 'restart' | 'escalate';
  /** Backoff in ticks before the restart (0 when escalating). */
  readonly delay: number;
  readonly failures: number;
}
export interface RestartRecord extends At {
  readonly type: 'restart';
  readonly actor: string;
  readonly incarnation: number;
}
/** Hot Swap: the actor's behaviour was replaced (fresh worker, same id and mailbox). */
export interface SwapRecord extends At {
  readonly type: 'swap';
  readonly actor: string;
  readonly from: string;
  readonly to: string;
  readonly incarnation: number;
}
export interface EscalateRecord extends At {
  readonly type: 'escalate';
  readonly actor: string;
  readonly parent: string;
  readonly error: string;
}
export interface SpawnRecord extends At {
  readonly type: 'spawn';
  readonly actor: string;
  readonly name: string;
  readonly parent: string;
}
export interface StopRecord extends At {
  readonly type: 'stop';
  readonly actor: string;
  readonly reason: string;
}
export interface DeadLetterRecord extends At {
  readonly type: 'dead-letter';
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly seq: number;
  readonly reason: string;
}
export interface MarkRecord extends At {
  readonly type: 'mark';
  readonly actor: string;
  readonly name: string;
  readonly args: Record<string, unknown> | null;
}

export type TraceRecord =
  | SendRecord
  | HandleRecord
  | InitRecord
  | RejectRecord
  | CrashRecord
  | SuperviseRecord
  | RestartRecord
  | SwapRecord
  | EscalateRecord
  | SpawnRecord
  | StopRecord
  | DeadLetterRecord
  | MarkRecord;

/** The actor on whose track a record belongs. */
export function trackOf(r: TraceRecord): string {
  switch (r.type) {
    case 'send':
      return r.from;
    case 'dead-letter':
      return r.to;
    default:
      return r.actor;
  }
}
