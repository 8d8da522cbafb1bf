import type * as v from 'valibot';
import type { BodyOf, InboxSchema, MessageOf } from './inbox.js';
import type { Address } from './peer.js';
import type { Rng } from './rng.js';
import type { SupervisionPolicy } from './supervisor.js';

export interface SendOptions {
  /**
   * Logical delay in ticks. Lockstep delivers at `tick + max(1, after)`;
   * realtime delivers `after` ticks of wall time later (0 = at once). Default 1.
   */
  readonly after?: number;
}

export interface SpawnOptions {
  /** Defaults to `<parent>/<actor>-<n>`; must be unique among live actors. */
  readonly id?: string;
  readonly args?: unknown;
  readonly supervision?: Partial<SupervisionPolicy>;
}

/**
 * Everything an actor may touch. Time and randomness come only from here.
 * `I` is the actor's own inbox, so `ctx.self` is an address its own alarms are
 * checked against.
 */
export interface ActorContext<I extends InboxSchema = InboxSchema> {
  readonly self: Address<I>;
  /** Current tick (lockstep: the tick being handled; realtime: derived from elapsed wall time). */
  readonly tick: number;
  /** Which incarnation of this actor is running (0 = first start, +1 per restart). */
  readonly incarnation: number;
  /** Deck wall-clock time in ms: epoch + tick × tick length. */
  now(): number;
  /** Length of one tick in ms of deck time (to turn durations into `after` ticks). */
  readonly tickMs: number;
  readonly rng: Rng;
  /**
   * Send to a peer named by its inbox (`peer(Inbox, id)`): the kind must be one
   * it accepts and the body must fit that kind, or this does not compile.
   */
  send<J extends InboxSchema, K extends keyof J & string>(to: Address<J>, kind: K, body: BodyOf<J, K>, options?: SendOptions): void;
  /** Start a child actor (by catalog name); this actor becomes its supervisor. Returns the child's id. */
  spawn(actor: string, options?: SpawnOptions): string;
  /**
   * Hot Swap: run `actor` as this actor's child `id` from the next tick: the
   * old behaviour's worker is terminated and a fresh one boots the new one,
   * with the same id and mailbox (a new incarnation). Spawns the child if there
   * is none yet. Returns the id.
   */
  replace(id: string, actor: string, options?: Omit<SpawnOptions, 'id'>): string;
  /** Stop a child of this actor, or this actor itself. */
  stop(id?: string): void;
  /** An annotation on this actor's trace track. */
  mark(name: string, args?: Record<string, unknown>): void;
}

export interface ActorDef<I extends InboxSchema = InboxSchema, S = unknown, A = unknown> {
  /** Catalog name; also what `ctx.spawn` and the actor host look it up by. */
  readonly name: string;
  readonly inbox: I;
  /** Schema for spawn arguments; they may cross a thread boundary, so they are checked. */
  readonly args?: v.GenericSchema<unknown, A>;
  init(args: A, ctx: ActorContext<I>): S;
  /** Handle one envelope. May be async; the kernel handles an actor's envelopes one at a time. */
  receive(state: S, message: MessageOf<I>, ctx: ActorContext<I>): S | Promise<S>;
  /** A structured-cloneable view of the state for `inspect`/`snapshot`; the state itself by default. */
  view?(state: S): unknown;
  /** Release what the state holds outside the heap (an open image file) when the actor stops or is replaced. */
  dispose?(state: S): void;
  /**
   * What a standby worker plays through a throwaway cell while it waits (effects discarded), so the
   * first real message after a Hot Swap runs code already compiled in that thread. Only for actors
   * whose init and handlers touch nothing but their state: no files, no clock.
   */
  readonly rehearsals?: readonly Rehearsal<I, A>[];
}

/** One rehearsal: spawn args, then messages played in order, as if sent by `$rehearsal`. */
export interface Rehearsal<I extends InboxSchema, A> {
  readonly args: A;
  readonly messages: readonly RehearsedMessage<I>[];
}

type RehearsedMessage<I extends InboxSchema> = {
  [K in keyof I & string]: { readonly kind: K; readonly body: v.InferOutput<I[K]> };
}[keyof I & string];

/** Identity function that fixes the type parameters; actor modules default-export its result. */
export function defineActor<const I extends InboxSchema, S, A = undefined>(def: ActorDef<I, S, A>): ActorDef<I, S, A> {
  return def;
}

/** Erased actor definition, for catalogs that hold many kinds of actor. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyActorDef = ActorDef<InboxSchema, any, any>;
