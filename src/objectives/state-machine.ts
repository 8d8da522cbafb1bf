/**
 * The goal state machine of seed 003 §2.2, exactly as drawn:
 *
 *   :locked ──(prereq met / latent revealed)──▶ :open ──▶ :done
 *      │                                          ├──▶ :failed
 *      │                                          ├──▶ :forfeit
 *      └──(excluded sibling chosen)───────────────┴──▶ :void
 *
 * Nothing in the engine changes a goal's state except through `isLegalTransition`,
 * and every change is reported as a `goal/changed` event with its from, to and
 * cause, so a trace can be checked against this table from the outside.
 */
export const GOAL_STATES = ['locked', 'open', 'done', 'failed', 'forfeit', 'void'] as const;
export type GoalState = (typeof GOAL_STATES)[number];

/** The six edges of the diagram. */
export const LEGAL_TRANSITIONS: ReadonlyMap<GoalState, ReadonlySet<GoalState>> = new Map<GoalState, ReadonlySet<GoalState>>([
  ['locked', new Set<GoalState>(['open', 'void'])],
  ['open', new Set<GoalState>(['done', 'failed', 'forfeit', 'void'])],
  ['done', new Set<GoalState>()],
  ['failed', new Set<GoalState>()],
  ['forfeit', new Set<GoalState>()],
  ['void', new Set<GoalState>()],
]);

export function isLegalTransition(from: GoalState, to: GoalState): boolean {
  return LEGAL_TRANSITIONS.get(from)?.has(to) === true;
}

/** Done, failed, forfeit and void have no way out. */
export function isTerminal(state: GoalState): boolean {
  return state === 'done' || state === 'failed' || state === 'forfeit' || state === 'void';
}

/** A goal in one of these can never be done any more. */
export function isDead(state: GoalState): boolean {
  return state === 'failed' || state === 'forfeit' || state === 'void';
}

export function isGoalState(s: string): s is GoalState {
  return (GOAL_STATES as readonly string[]).includes(s);
}

/** Why a goal changed state: every `goal/changed` event names one. */
export type TransitionCause =
  /** locked → open: its `:requires` are done (or it has none) and its phase is reached. */
  | 'prereq-met'
  /** locked → open: a latent goal was revealed (verb, `:at` trigger). */
  | 'revealed'
  /** locked → open: an escalation's condition held and spawned it. */
  | 'spawned'
  /** locked → open: `goal-choose` picked this branch child. */
  | 'chosen'
  /** locked → open: the phase it belongs to became active. */
  | 'phase-reached'
  /** open → done by `goal-complete`. */
  | 'completed'
  /** open → done: an `:any` child closed, so the OR-group closed. */
  | 'child-done'
  /** open → done at resolve: a `:hold` goal that was never violated. */
  | 'held-to-resolve'
  /** open → failed by `goal-fail`. */
  | 'failed'
  /** open → failed: the `:fail-on` condition held. */
  | 'fail-on'
  /** open → failed: every child of an `:any` group is dead. */
  | 'children-dead'
  /** open → forfeit: its `:hold` predicate stopped holding. */
  | 'hold-violated'
  /** open → forfeit: the mission resolved with the goal still open. */
  | 'ended-open'
  /** open → forfeit: a `:hold` the engine could not watch every tick (its ticker restarted, ticks went unjudged). */
  | 'unwatched'
  /** → void: a sibling in its branch (or a goal it excludes) was chosen. */
  | 'excluded'
  /** → void: a chosen or completed goal names it in `:voids`. */
  | 'voided'
  /** → void: its branch or OR-group parent was voided, failed or forfeited. */
  | 'parent-dead'
  /** → void: a goal it requires was voided, so its path is gone. */
  | 'prereq-void'
  /** → void: a sibling in its OR-group closed the group. */
  | 'group-closed'
  /** → done: rebuilt from a phase chain's completion bitmask. */
  | 'restored';
