import { ObjectiveError } from './errors.js';
import { MAX_REWARD_AMOUNT } from './limits.js';
import type { Reward, RewardSpec } from './rewards.js';

/** What the payout function is told about one `(scale N)` amount. */
export interface PayoutContext {
  /** The schema's name, e.g. `corporate-extraction`. */
  readonly schema: string;
  /** The schema's `:payout-formula` symbol, e.g. `extract-payout`; null when it names none. */
  readonly formula: string | null;
  readonly goal: string;
  readonly seed: number;
  /** The instance's threat level, when Mission Control chose one. */
  readonly threat: number | null;
}

/**
 * The payout hook (seed 003 §3.1, §6): `(scale N)` routes a ¤ amount through
 * the schema's payout formula, threat clamp and economy modifier. The engine
 * does not know the economy; Mission Control passes it in as this function.
 * It must be deterministic (same inputs, same answer) and return a finite,
 * non-negative number; the engine rounds it to whole credits.
 */
export type PayoutFunction = (base: number, context: PayoutContext) => number;

/** The default: the authored base, unscaled. The designer's sandbox uses it, so the panel shows the numbers written. */
export const identityPayout: PayoutFunction = (base) => base;

/**
 * Decision: scaled amounts are computed once, when the mission is instantiated,
 * not when they are paid: the board and the panel show what the contract
 * offers, and an economy that moves during the run does not change a promise.
 */
export function resolveReward(spec: RewardSpec, payout: PayoutFunction, context: PayoutContext): Reward {
  if (spec.kind === 'access') return { kind: 'access', amount: 1, flag: spec.flag, when: spec.when, scaled: false };
  if (spec.scale === null) return { kind: spec.kind, amount: spec.amount ?? 0, flag: null, when: spec.when, scaled: false };
  let value: number;
  try {
    value = payout(spec.scale, context);
  } catch (err) {
    throw new ObjectiveError('payout', `the payout function failed on (scale ${spec.scale}): ${err instanceof Error ? err.message : String(err)}`, context.goal, spec.pos);
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_REWARD_AMOUNT) {
    throw new ObjectiveError('payout', `the payout function turned (scale ${spec.scale}) into ${String(value)}; it must give a number in 0..${MAX_REWARD_AMOUNT}`, context.goal, spec.pos);
  }
  return { kind: '¤', amount: Math.round(value), flag: null, when: spec.when, scaled: true };
}
