import type { MessagePort } from 'node:worker_threads';
import type { Envelope } from '../envelope.js';
import type { StepResult } from '../protocol.js';
import type { ClockBase } from '../realtime-clock.js';

export interface ActorInspection {
  readonly id: string;
  readonly actor: string;
  readonly incarnation: number;
  readonly placement: 'inline' | 'threads';
  /** The worker thread hosting it (0 = the coordinator's thread); a restart in threads placement changes it. */
  readonly threadId: number;
  readonly handled: number;
  readonly rejected: number;
  readonly crashes: number;
  readonly state: unknown;
}

/**
 * The coordinator's handle on one running actor, whatever its placement.
 * Lockstep uses start/step; realtime uses deliver and hears back through the
 * host's `onEffects` callback.
 */
export interface ActorHost {
  readonly id: string;
  /**
   * Run init. `after`: what init must wait for (the previous host of a Hot Swap on its way out);
   * a host may get ready meanwhile.
   */
  start(tick: number, after?: Promise<void>): StepResult | Promise<StepResult>;
  /** `crash`: fault injection: the batch's first envelope is handled, then its handler fails with this error. */
  step(tick: number, batch: readonly unknown[], crash?: string | null): StepResult | Promise<StepResult>;
  deliver(envelope: Envelope): void;
  /** Realtime: the coordinator jumped the clock; the host's actor reads its ticks from the new base. */
  adoptClock(base: ClockBase): void;
  /** Realtime (threads): give this actor a direct port to a peer. */
  connect(peer: string, port: MessagePort): Promise<void>;
  inspect(): Promise<ActorInspection>;
  terminate(): Promise<void>;
}

/** A host's worker could not become its actor (its `start` rejects with this): the actor failed to start, it did not crash. */
export class HostStartError extends Error {
  override readonly name = 'HostStartError';
}

/** Realtime hosts report what their actor did, and hosts report their own death. */
export interface HostEvents {
  onEffects(result: StepResult): void;
  /** Envelopes for addresses the host cannot reach directly (realtime); unchecked, they crossed a thread. */
  onRoute(envelope: unknown): void;
  /** A host's thread died outside any handler (uncaught error, exit, OOM). */
  onHostFailure(id: string, error: string): void;
  onRejected(id: string, error: string): void;
}
