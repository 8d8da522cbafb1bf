import { type Pos, formatPos } from '../lisp/position.js';

/**
 * The rules an authored schema or goal cell can break. Each names one check in
 * docs/objectives.md, so an error tells the designer which rule to read.
 */
export type ObjectiveRule =
  /** §2.1: a :primary is briefed by the time anyone can fail it. */
  | 'primary-briefed'
  /** A latent goal starts locked: it cannot be tracked before it is revealed. */
  | 'latent-locked'
  /** `:state` may only say how a goal starts, :open or :locked, and must agree with its gates. */
  | 'authored-state'
  | 'syntax'
  | 'unknown-key'
  | 'duplicate-key'
  | 'duplicate-goal'
  | 'unknown-goal'
  | 'self-reference'
  | 'requires-cycle'
  /** A goal may require goals of its own or earlier phases only. */
  | 'requires-later-phase'
  /** A goal may not require a pool goal: the pool may not draw it. */
  | 'requires-undrawn'
  | 'reward'
  | 'group'
  | 'hold'
  | 'at'
  | 'fail-on'
  | 'escalation'
  | 'draw'
  | 'phase'
  | 'limit'
  | 'payout';

/** An authored schema or goal cell that the engine refuses, with where and which rule. */
export class ObjectiveError extends Error {
  override readonly name = 'ObjectiveError';
  constructor(
    readonly rule: ObjectiveRule,
    readonly reason: string,
    readonly goal: string | null = null,
    readonly pos?: Pos,
  ) {
    super(`${pos === undefined ? '' : `${formatPos(pos)}: `}${goal === null ? '' : `goal ${goal}: `}${reason} [${rule}]`);
  }
}

/** A serialized phase chain that cannot be trusted: wrong length, corrupt, or not this mission's. */
export class PhaseChainError extends Error {
  override readonly name = 'PhaseChainError';
  constructor(readonly reason: string) {
    super(`phase chain: ${reason}`);
  }
}
