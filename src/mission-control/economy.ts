import type { ContractCategory, RunOutcome } from '../deck/uds.js';

/**
 * The economy (seed 003 §3.1, issue 5 §8); docs/economy.md has the formulas
 * with their constants and the simulated career.
 *
 *   scale(N) = N × formula × threatScale(threat) × category × compression(balance)
 *
 * Only ¤ goes through it. rep, intel and access are literal amounts, never
 * compressed, which is what moves the late game onto them.
 */

/** ¤ multiplier per threat level above 1: threat 6 pays 1.45^5 ≈ 6.4× threat 1. */
export const THREAT_GROWTH = 1.45;

/** The payout formulas a schema's `:payout-formula` may name, as multipliers on the goal amounts. */
export const PAYOUT_FORMULAS: ReadonlyMap<string, number> = new Map([
  ['contract-payout-standard', 1.0],
  ['extract-payout', 1.25],
  ['audit-payout', 0.9],
  ['salvage-payout', 1.1],
  // Episodic work pays on every check-in; each payment is smaller.
  ['recurring-payout', 0.6],
  // System baselines teach; they pay less than cart work at the same threat.
  ['baseline-payout', 0.7],
]);

/** Urgent pays for its tight window; an Opportunity's payout is anomalous on purpose (seed 004 §3.4). */
export const CATEGORY_MULTIPLIER: Readonly<Record<ContractCategory, number>> = {
  standard: 1,
  urgent: 1.5,
  opportunity: 1.8,
  episodic: 1,
};

/**
 * The self-correcting modifier: ¤ compresses as the balance grows,
 * compression(b) = max(FLOOR, (1 + b / K)^-ALPHA). At 0 it is 1; at K it is
 * 0.66; at 10 K it is 0.24; it never falls below FLOOR, so a rich operator
 * is still paid something.
 */
export const COMPRESSION_K = 25_000;
export const COMPRESSION_ALPHA = 0.6;
export const COMPRESSION_FLOOR = 0.15;

export function threatScale(threat: number): number {
  return THREAT_GROWTH ** (threat - 1);
}

export function compression(balance: number): number {
  return Math.max(COMPRESSION_FLOOR, (1 + Math.max(0, balance) / COMPRESSION_K) ** -COMPRESSION_ALPHA);
}

export function formulaMultiplier(formula: string): number {
  const m = PAYOUT_FORMULAS.get(formula);
  if (m === undefined) throw new RangeError(`unknown payout formula '${formula}' (known: ${[...PAYOUT_FORMULAS.keys()].join(', ')})`);
  return m;
}

/** What fixes a contract's ¤ rate: taken when the contract is generated and held for its run. */
export interface PayoutTerms {
  readonly formula: string;
  readonly threat: number;
  readonly category: ContractCategory;
  /** credit_balance when the rate was fixed. */
  readonly balance: number;
}

/** `(scale N)`: a goal's ¤ amount after formula, threat, category and compression; whole ¤. */
export function scaleCredits(amount: number, terms: PayoutTerms): number {
  const raw = amount * formulaMultiplier(terms.formula) * threatScale(terms.threat) * CATEGORY_MULTIPLIER[terms.category] * compression(terms.balance);
  return Math.max(0, Math.round(raw));
}

/**
 * Reputation for how a run ended. Success earns the threat level; failure
 * costs 3 + threat; abandoning costs 1 + ⌈threat / 2⌉ — always less than
 * failing (canon: abandonment is the smaller penalty).
 */
export function reputationDelta(outcome: RunOutcome, threat: number): number {
  switch (outcome) {
    case 'success':
      return threat;
    case 'failure':
      return -(3 + threat);
    case 'abandoned':
      return -(1 + Math.ceil(threat / 2));
  }
}

/** Reputation tiers gate threat and flavour opportunities: 0 below 10, then one tier per doubling, at most 6. */
export function reputationTier(reputation: number): number {
  if (reputation < 10) return 0;
  return Math.min(6, 1 + Math.floor(Math.log2(reputation / 10)));
}
