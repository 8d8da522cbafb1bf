import type { GoalSpec, GroupKind, Role } from './goal-cell.js';
import type { Reward } from './rewards.js';
import type { GoalState } from './state-machine.js';

/**
 * One goal of a mission instance: the authored cell plus what this instance
 * made of it (its phase and bit, resolved links, final reward amounts) and its
 * runtime state. Only Mission changes the mutable fields, and only through
 * the state machine.
 */
export class GoalNode {
  state: GoalState = 'locked';
  /** Briefed now: authored :briefed, or a latent goal since it was revealed (§2.1). */
  briefed: boolean;
  /** A branch child picked by `goal-choose`. */
  chosen = false;
  /** Its `:excludes`/`:voids` have been applied (on choose or complete, once). */
  committed = false;
  /** Its `:hold` was violated (it is then :forfeit). */
  violated = false;
  requires: readonly GoalNode[] = [];
  /** Mutually exclusive goals present in this instance: branch siblings and `:excludes` in either direction. */
  exclusive: readonly GoalNode[] = [];
  /** `:voids` targets present in this instance (a limb that was not drawn is simply absent). */
  voids: readonly GoalNode[] = [];
  readonly children: GoalNode[] = [];

  constructor(
    readonly index: number,
    readonly spec: GoalSpec,
    /** 0-based phase. */
    readonly phase: number,
    /** Bit position in the phase record's completion bitmask. */
    readonly slot: number,
    readonly origin: 'spine' | 'pool' | 'escalation',
    /** The escalation that spawns it, or -1. */
    readonly escalation: number,
    readonly parent: GoalNode | null,
    readonly rewards: readonly Reward[],
  ) {
    this.briefed = spec.reveal === 'briefed';
  }

  get name(): string {
    return this.spec.name;
  }

  get role(): Role {
    return this.spec.role;
  }

  /** The kind of group this goal's own children form. */
  get group(): GroupKind | null {
    return this.spec.group?.kind ?? null;
  }

  /** Whether it is a child of a `:branch` (opened only by being chosen). */
  get isBranchChild(): boolean {
    return this.parent?.group === 'branch';
  }

  get isHold(): boolean {
    return this.spec.hold !== null;
  }

  /** Choosable by `goal-choose`: a branch child, or a goal in an exclusion set. */
  get isChoice(): boolean {
    return this.isBranchChild || this.exclusive.length > 0;
  }
}

/**
 * The primaries that decide a mission (§5): briefed and not voided. Decision:
 * a latent primary never revealed is not counted (nobody can fail for a
 * requirement they were never told about, §2.1), and a primary voided by a
 * branch choice is the path not taken, not a failure.
 */
export function isCountedPrimary(g: GoalNode, state: GoalState = g.state): boolean {
  return g.spec.role === 'primary' && g.briefed && state !== 'void';
}
