import type { Pos } from '../lisp/position.js';
import { Cons, Keyword, Sym, type Value, listToArray, positionOf } from '../lisp/values.js';
import { describe, fail } from './lisp-forms.js';
import { MAX_FLAG_NAME, MAX_REWARDS_PER_GOAL, MAX_REWARD_AMOUNT } from './limits.js';

/**
 * Rewards, seed 003 §3: a terse cell `(kind amount when)`, 0..N per goal, in
 * four currencies. Only `¤` may be `(scale N)`, routed through the schema's
 * payout formula (payout.ts); `rep`, `intel` and `access` are literal (§3.1).
 */
export const CURRENCIES = ['¤', 'rep', 'intel', 'access'] as const;
export type Currency = (typeof CURRENCIES)[number];
/** The currencies that are balances; `access` is a set of flags. */
export type NumericCurrency = Exclude<Currency, 'access'>;

export const TIMINGS = ['on-complete', 'on-resolve', 'deferred', 'recurring'] as const;
export type Timing = (typeof TIMINGS)[number];

/** A reward as authored: the amount is literal, `(scale N)`, or an access flag. */
export interface RewardSpec {
  readonly kind: Currency;
  /** Literal amount (¤, rep, intel); null for a scaled ¤ or an access flag. */
  readonly amount: number | null;
  /** The N of `(scale N)`; ¤ only. */
  readonly scale: number | null;
  /** The flag an `access` reward sets. */
  readonly flag: string | null;
  readonly when: Timing;
  readonly pos: Pos | undefined;
}

/** A reward in a mission instance: amounts final (scaled ¤ already through the payout function). Plain data. */
export interface Reward {
  readonly kind: Currency;
  /** Credits, reputation or intel; 1 for an access flag. */
  readonly amount: number;
  readonly flag: string | null;
  readonly when: Timing;
  /** Whether the amount came from `(scale N)` through the payout function. */
  readonly scaled: boolean;
}

/** `:reward ((¤ (scale 600)) (rep 4 :on-resolve) (access :ledger-followon))`, or `()` for none. */
export function parseRewards(value: Value, pos: Pos | undefined, goal: string): RewardSpec[] {
  if (value === null) return [];
  if (!(value instanceof Cons)) fail('reward', `:reward takes a list of (kind amount when) cells, found ${describe(value)}`, goal, pos);
  const cells = listToArray(value);
  if (cells.length > MAX_REWARDS_PER_GOAL) fail('limit', `${cells.length} rewards; the limit is ${MAX_REWARDS_PER_GOAL} per goal`, goal, pos);
  return cells.map((cell) => parseReward(cell, positionOf(cell) ?? pos, goal));
}

function parseReward(cell: Value, pos: Pos | undefined, goal: string): RewardSpec {
  if (!(cell instanceof Cons)) fail('reward', `a reward is a (kind amount when) cell, found ${describe(cell)}`, goal, pos);
  const [kindForm, amountForm, whenForm, ...extra] = listToArray(cell);
  const kind = kindForm instanceof Sym ? kindForm.name : null;
  if (kind === null || !(CURRENCIES as readonly string[]).includes(kind)) {
    fail('reward', `reward kind must be one of ${CURRENCIES.join(' ')}, found ${describe(kindForm ?? null)}`, goal, pos);
  }
  if (extra.length > 0) fail('reward', `a reward cell has at most three parts (kind amount when), found ${describe(cell)}`, goal, pos);
  if (amountForm === undefined) fail('reward', `the ${kind} reward has no amount`, goal, pos);
  const when = parseTiming(whenForm, pos, goal);
  const currency = kind as Currency;
  if (currency === 'access') {
    const flag = amountForm instanceof Keyword || amountForm instanceof Sym ? amountForm.name : null;
    if (flag === null || flag.length === 0 || flag.length > MAX_FLAG_NAME) {
      fail('reward', `an access reward names the flag it sets as a keyword (1..${MAX_FLAG_NAME} characters), found ${describe(amountForm)}`, goal, pos);
    }
    return { kind: currency, amount: null, scale: null, flag, when, pos };
  }
  if (amountForm instanceof Cons && amountForm.car instanceof Sym && amountForm.car.name === 'scale') {
    if (currency !== '¤') fail('reward', `only ¤ amounts scale through the payout formula; ${currency} is literal (seed 003 §3.1)`, goal, pos);
    const args = listToArray(amountForm.cdr);
    const base = args[0];
    if (args.length !== 1 || typeof base !== 'number') fail('reward', `(scale N) takes one number, found ${describe(amountForm)}`, goal, pos);
    checkAmount(base, 'the scale base', goal, pos, false);
    return { kind: currency, amount: null, scale: base, flag: null, when, pos };
  }
  if (typeof amountForm !== 'number') fail('reward', `a ${currency} amount is a number${currency === '¤' ? ' or (scale N)' : ''}, found ${describe(amountForm)}`, goal, pos);
  checkAmount(amountForm, `the ${currency} amount`, goal, pos, true);
  return { kind: currency, amount: amountForm, scale: null, flag: null, when, pos };
}

function parseTiming(form: Value | undefined, pos: Pos | undefined, goal: string): Timing {
  // Decision: a reward without a timing pays :on-complete, as §6's `(¤ (scale 600))` and `(intel 1)` are written.
  if (form === undefined) return 'on-complete';
  if (!(form instanceof Keyword) || !(TIMINGS as readonly string[]).includes(form.name)) {
    fail('reward', `reward timing must be one of ${TIMINGS.map((t) => `:${t}`).join(' ')}, found ${describe(form)}`, goal, pos);
  }
  return form.name as Timing;
}

function checkAmount(n: number, what: string, goal: string, pos: Pos | undefined, integer: boolean): void {
  if (n < 0) fail('reward', `${what} is negative (${n}); penalties are Mission Control's, not a reward's`, goal, pos);
  if (n > MAX_REWARD_AMOUNT) fail('limit', `${what} ${n} is over the limit of ${MAX_REWARD_AMOUNT}`, goal, pos);
  if (integer && !Number.isInteger(n)) fail('reward', `${what} must be a whole number, found ${n}`, goal, pos);
}

/**
 * What "no bounty" means for a goal (§3.3): a goal without ¤ is one of exactly
 * three things, and the same cell expresses each.
 */
export type Bounty =
  /** It pays credits. */
  | 'credits'
  /** No ¤, but another currency: not bountied, still valuable. */
  | 'other-currency'
  /** `:reward ()` on a :primary: no payout, but required; the reward is progression. */
  | 'gate'
  /** `:reward ()` on an :optional: pays in mastery or identity. */
  | 'expressive';

export function bountyOf(rewards: readonly { kind: Currency }[], role: 'primary' | 'optional'): Bounty {
  if (rewards.some((r) => r.kind === '¤')) return 'credits';
  if (rewards.length > 0) return 'other-currency';
  return role === 'primary' ? 'gate' : 'expressive';
}

/** How the panel writes one reward: `¤600`, `+4 REP`, `+INTEL`, `+◆LEDGER-FOLLOWON`. */
export function formatReward(r: Reward): string {
  switch (r.kind) {
    case '¤':
      return `¤${r.amount}`;
    case 'rep':
      return `+${r.amount} REP`;
    case 'intel':
      return r.amount === 1 ? '+INTEL' : `+${r.amount} INTEL`;
    case 'access':
      return `+◆${(r.flag ?? '').toUpperCase()}`;
  }
}
