import type { Role } from './goal-cell.js';
import type { Reward } from './rewards.js';
import type { GoalState, TransitionCause } from './state-machine.js';

/**
 * What the engine reports. Every event is plain data (structured-clone safe),
 * numbered by `seq` within its mission, so Mission Control can forward it as a
 * message and a trace can be checked from the outside (trace-invariants.ts):
 * every transition with its from and to, the facets needed to judge it, every
 * reward banked, every hold and escalation verdict.
 */
export type MissionEvent =
  | GoalChanged
  | { readonly kind: 'goal/revealed'; readonly seq: number; readonly goal: string; readonly by: 'verb' | 'at' | 'escalation' }
  | { readonly kind: 'reward/banked'; readonly seq: number; readonly goal: string; readonly reward: Reward }
  | { readonly kind: 'hold/violated'; readonly seq: number; readonly goal: string; readonly hold: string }
  /** A condition could not be evaluated (a variable missing or of the wrong type); the goal is left as it was. */
  | { readonly kind: 'hold/error'; readonly seq: number; readonly goal: string; readonly message: string }
  | { readonly kind: 'escalation/fired'; readonly seq: number; readonly id: number; readonly goal: string; readonly condition: string }
  /** Phases are numbered from 1, as the operator sees them. */
  | { readonly kind: 'phase/advanced'; readonly seq: number; readonly from: number; readonly to: number }
  /** Every counted primary is done: `complete-mission` would succeed now. */
  | { readonly kind: 'mission/ready'; readonly seq: number }
  /** A counted primary failed, was forfeited or can no longer be reached: the mission has failed and waits to be settled. */
  | { readonly kind: 'mission/failed'; readonly seq: number; readonly goal: string; readonly reason: FailureReason }
  | { readonly kind: 'mission/resolved'; readonly seq: number; readonly outcome: Outcome; readonly reason: string };

export interface GoalChanged {
  readonly kind: 'goal/changed';
  readonly seq: number;
  readonly goal: string;
  /** 1-based phase. */
  readonly phase: number;
  readonly role: Role;
  /** Whether the goal was briefed when it changed: a primary must be, for any change but → void. */
  readonly briefed: boolean;
  readonly from: GoalState;
  readonly to: GoalState;
  readonly cause: TransitionCause;
}

export type Outcome = 'success' | 'failure' | 'abandoned';
export type FailureReason = 'primary-failed' | 'primary-forfeit' | 'primary-unreachable';
