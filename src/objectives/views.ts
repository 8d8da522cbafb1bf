import type { FailureReason, Outcome } from './events.js';
import type { GroupKind, Reveal, Role } from './goal-cell.js';
import type { GoalNode } from './goal-node.js';
import { type Bounty, type Reward, bountyOf } from './rewards.js';
import type { GoalState } from './state-machine.js';

/**
 * A goal as plain data: what `goal-state`/`goal-info`, the panel and other
 * threads (the deck's display, the hold ticker) see. Structured-clone safe.
 */
export interface GoalView {
  readonly name: string;
  readonly text: string | null;
  readonly role: Role;
  /** The reveal facet as authored. */
  readonly reveal: Reveal;
  /** Briefed now (a latent goal once revealed). */
  readonly briefed: boolean;
  readonly state: GoalState;
  /** 1-based. */
  readonly phase: number;
  readonly origin: 'spine' | 'pool' | 'escalation';
  readonly parent: string | null;
  /** The kind of group this goal belongs to as a child. */
  readonly parentGroup: GroupKind | null;
  /** The kind of group its own children form. */
  readonly group: GroupKind | null;
  readonly children: readonly string[];
  readonly chosen: boolean;
  readonly requires: readonly string[];
  /** Mutually exclusive goals in this instance (branch siblings and `:excludes`, both ways). */
  readonly excludes: readonly string[];
  readonly voids: readonly string[];
  readonly rewards: readonly Reward[];
  readonly bounty: Bounty;
  /** `:hold` predicate source. */
  readonly hold: string | null;
  readonly violated: boolean;
  /** `:at` trigger source, `(node hr)`. */
  readonly at: string | null;
  readonly failOn: string | null;
  /** The escalation that spawns it: its condition (source and short form) and whether it fired. */
  readonly escalation: { readonly id: number; readonly condition: string; readonly when: string; readonly fired: boolean } | null;
}

export interface MissionSnapshot {
  readonly schema: string;
  readonly seed: number;
  readonly threat: number | null;
  readonly status: 'running' | 'failed' | 'resolved';
  readonly outcome: Outcome | null;
  readonly failure: { readonly goal: string; readonly reason: FailureReason } | null;
  readonly ready: boolean;
  /** 1-based. */
  readonly activePhase: number;
  readonly phases: readonly { readonly phase: number; readonly goals: readonly string[] }[];
  /** Every goal, in mission order (phase by phase, parents before children). */
  readonly goals: readonly GoalView[];
}

export function goalView(g: GoalNode, escalation: GoalView['escalation']): GoalView {
  const spec = g.spec;
  return {
    name: g.name,
    text: spec.text,
    role: spec.role,
    reveal: spec.reveal,
    briefed: g.briefed,
    state: g.state,
    phase: g.phase + 1,
    origin: g.origin,
    parent: g.parent?.name ?? null,
    parentGroup: g.parent?.group ?? null,
    group: g.group,
    children: g.children.map((c) => c.name),
    chosen: g.chosen,
    requires: g.requires.map((r) => r.name),
    excludes: g.exclusive.map((x) => x.name),
    voids: g.voids.map((x) => x.name),
    rewards: g.rewards,
    bounty: bountyOf(g.rewards, spec.role),
    hold: spec.hold?.source ?? null,
    violated: g.violated,
    at: spec.at?.source ?? null,
    failOn: spec.failOn?.source ?? null,
    escalation,
  };
}
