import type { FailureReason, Outcome } from './events.js';
import { type GoalNode, isCountedPrimary } from './goal-node.js';
import type { Role } from './goal-cell.js';
import type { NumericCurrency, Reward } from './rewards.js';
import type { GoalState, TransitionCause } from './state-machine.js';
import { at } from '../assert.js';

/**
 * Settlement (seed 003 §5). Every reward of every goal in the instance lands in
 * exactly one bucket, so the buckets of a currency always sum to what the
 * mission offered:
 *
 * - banked: `:on-complete` rewards of done goals, paid when the goal closed
 *   (the record of what Mission Control already credited from `reward/banked`).
 * - paidAtResolve: `:on-resolve` escrow of done goals, paid now: success only.
 * - deferred / recurring: the same on success, handed to Mission Control as
 *   obligations for the next check-in / every check-in (§3.2).
 * - forfeited: value that was in hand and is lost: escrow (on-resolve,
 *   deferred, recurring) of done goals when the mission did not succeed, and
 *   every reward of a `:hold` goal that was violated or was still being held
 *   when the mission failed or was abandoned.
 * - unearned: rewards of goals that never closed (open, locked, failed, void).
 */
export interface Buckets<T> {
  readonly banked: T;
  readonly paidAtResolve: T;
  readonly deferred: T;
  readonly recurring: T;
  readonly forfeited: T;
  readonly unearned: T;
}

export type BucketName = keyof Buckets<unknown>;
export const BUCKETS: readonly BucketName[] = ['banked', 'paidAtResolve', 'deferred', 'recurring', 'forfeited', 'unearned'];

export interface Currencies {
  readonly '¤': Buckets<number>;
  readonly rep: Buckets<number>;
  readonly intel: Buckets<number>;
  /** Access rewards are flags, not balances: each bucket lists the flags. */
  readonly access: Buckets<readonly string[]>;
}

/** One goal not done at resolve: the "what's missing" snapshot (OQ-2). */
export interface MissingGoal {
  readonly goal: string;
  /** 1-based. */
  readonly phase: number;
  readonly role: Role;
  readonly briefed: boolean;
  /** Its state when the mission resolved (what the operator left it at). */
  readonly state: GoalState;
  /** Its state after resolving (an open goal ends :forfeit). */
  readonly final: GoalState;
}

export interface SettlementLine {
  readonly goal: string;
  readonly reward: Reward;
  readonly bucket: BucketName;
}

export interface Settlement {
  readonly outcome: Outcome;
  /** Why: `all-primaries-done`, `primaries-incomplete`, `abandoned`, `primary-failed: escape`, or the caller's reason for a forced failure. */
  readonly reason: string;
  readonly currencies: Currencies;
  readonly missing: readonly MissingGoal[];
  /** Every reward and the bucket it went to. */
  readonly lines: readonly SettlementLine[];
}

export type SettleKind = 'complete' | 'fail' | 'abandon';

export interface ResolveTransition {
  readonly goal: GoalNode;
  readonly from: GoalState;
  readonly to: GoalState;
  readonly cause: TransitionCause;
}

/**
 * Close what resolving closes, on a scratch copy of the states: every open
 * `:hold` goal that was never violated is done (§5: "or a :hold goal was never
 * violated"), and an OR-group whose child so closed closes too.
 */
export function closeHeld(goals: readonly GoalNode[], states: GoalState[]): ResolveTransition[] {
  const out: ResolveTransition[] = [];
  const move = (g: GoalNode, to: GoalState, cause: TransitionCause): void => {
    out.push({ goal: g, from: at(states, g.index), to, cause });
    states[g.index] = to;
  };
  for (const g of goals) if (g.isHold && states[g.index] === 'open') move(g, 'done', 'held-to-resolve');
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of goals) {
      if (g.group !== 'any' || states[g.index] !== 'open' || !g.children.some((c) => states[c.index] === 'done')) continue;
      move(g, 'done', 'child-done');
      for (const c of g.children) if (states[c.index] === 'open' || states[c.index] === 'locked') move(c, 'void', 'group-closed');
      changed = true;
    }
  }
  return out;
}

export function allCountedDone(goals: readonly GoalNode[], states: readonly GoalState[]): boolean {
  return goals.every((g) => !isCountedPrimary(g, states[g.index]) || states[g.index] === 'done');
}

export function computeSettlement(
  goals: readonly GoalNode[],
  kind: SettleKind,
  failure: { readonly goal: string; readonly reason: FailureReason } | null,
  reason?: string,
): { settlement: Settlement; transitions: ResolveTransition[] } {
  const states = goals.map((g) => g.state);
  const transitions: ResolveTransition[] = [];
  let outcome: Outcome;
  let why: string;
  if (failure !== null) {
    // A mission already failed stays failed, whatever is asked: abandoning it now cannot soften the outcome.
    outcome = 'failure';
    why = `${failure.reason}: ${failure.goal}`;
  } else if (kind === 'abandon') {
    outcome = 'abandoned';
    why = reason ?? 'abandoned';
  } else if (kind === 'fail') {
    outcome = 'failure';
    why = reason ?? 'failed';
  } else {
    const trial = states.slice();
    const closed = closeHeld(goals, trial);
    if (allCountedDone(goals, trial)) {
      outcome = 'success';
      why = 'all-primaries-done';
      transitions.push(...closed);
      trial.forEach((s, i) => (states[i] = s));
    } else {
      outcome = 'failure';
      why = 'primaries-incomplete';
    }
  }
  for (const g of goals) {
    if (states[g.index] === 'open') {
      transitions.push({ goal: g, from: 'open', to: 'forfeit', cause: 'ended-open' });
      states[g.index] = 'forfeit';
    }
  }

  const lines: SettlementLine[] = [];
  for (const g of goals) {
    const final = at(states, g.index);
    for (const reward of g.rewards) lines.push({ goal: g.name, reward, bucket: bucketOf(g, final, reward, outcome) });
  }
  const missing: MissingGoal[] = goals
    .filter((g) => states[g.index] !== 'done')
    .map((g) => ({ goal: g.name, phase: g.phase + 1, role: g.role, briefed: g.briefed, state: g.state, final: at(states, g.index) }));
  return { settlement: { outcome, reason: why, currencies: sumLines(lines), missing, lines }, transitions };
}

function bucketOf(g: GoalNode, final: GoalState, reward: Reward, outcome: Outcome): BucketName {
  if (final === 'done') {
    if (reward.when === 'on-complete') return 'banked';
    if (outcome !== 'success') return 'forfeited';
    return reward.when === 'on-resolve' ? 'paidAtResolve' : reward.when;
  }
  if (g.isHold && final === 'forfeit') return 'forfeited';
  return 'unearned';
}

function zero(): { -readonly [K in BucketName]: number } {
  return { banked: 0, paidAtResolve: 0, deferred: 0, recurring: 0, forfeited: 0, unearned: 0 };
}

function sumLines(lines: readonly SettlementLine[]): Currencies {
  const numeric: Record<NumericCurrency, { -readonly [K in BucketName]: number }> = { '¤': zero(), rep: zero(), intel: zero() };
  const access: { -readonly [K in BucketName]: string[] } = { banked: [], paidAtResolve: [], deferred: [], recurring: [], forfeited: [], unearned: [] };
  for (const { reward, bucket } of lines) {
    if (reward.kind === 'access') access[bucket].push(reward.flag ?? '');
    else numeric[reward.kind][bucket] += reward.amount;
  }
  return { ...numeric, access };
}
