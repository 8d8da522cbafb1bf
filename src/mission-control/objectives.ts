import type { BoardEntry } from '../deck/uds.js';
import { Mission, type MissionOptions } from '../objectives/mission.js';
import type { PayoutFunction } from '../objectives/payout.js';
import type { RewardSpec } from '../objectives/rewards.js';
import type { ObjectiveSchema } from '../objectives/schema.js';
import { type PayoutTerms, scaleCredits } from './economy.js';

/**
 * Where Mission Control meets the objective engine (src/objectives): the
 * economy goes in as the engine's payout hook, and the board's quote is read
 * from the same rewards the engine will pay.
 */

/** `(scale N)` through the economy at a contract's fixed rate (docs/economy.md). */
export function payoutFunction(terms: PayoutTerms): PayoutFunction {
  return (base) => scaleCredits(base, terms);
}

/** The ¤ rewards of the spine's top-level :primary goals, every phase: a clean run of the contract's reason to exist. */
export function primaryCreditRewards(schema: ObjectiveSchema): RewardSpec[] {
  return schema.phases.flatMap((goals) => goals.filter((g) => g.role === 'primary').flatMap((g) => g.rewards.filter((r) => r.kind === '¤')));
}

/** The board's base payout: each primary ¤ reward as the engine will pay it (scaled ones through the economy), summed. */
export function quotePayout(rewards: readonly RewardSpec[], terms: PayoutTerms): number {
  let sum = 0;
  for (const r of rewards) sum += r.scale !== null ? scaleCredits(r.scale, terms) : (r.amount ?? 0);
  return sum;
}

/** The rate a contract pays at: the terms it was quoted on, fixed when it was generated. */
export function termsFor(entry: Pick<BoardEntry, 'threat' | 'category' | 'rateBalance'>, formula: string): PayoutTerms {
  return { formula, threat: entry.threat, category: entry.category, balance: entry.rateBalance };
}

/**
 * The contract's objective graph: the engine instance for its seed, so the
 * limbs drawn are the same in the briefing, at acceptance and after a restore.
 */
export function instantiateMission(schema: ObjectiveSchema, entry: Pick<BoardEntry, 'seed' | 'threat'>, terms: PayoutTerms, onEvent?: MissionOptions['onEvent']): Mission {
  return Mission.instantiate(schema, { seed: entry.seed, threat: entry.threat, payout: payoutFunction(terms), ...(onEvent === undefined ? {} : { onEvent }) });
}
