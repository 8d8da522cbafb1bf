import type { Rng } from './rng.js';

/**
 * One-for-one restart with exponential backoff, bounded by an intensity over
 * a period (OTP's intensity/period, Akka's restartWithBackoff). All times are
 * in ticks; realtime converts them with the tick length.
 */
export interface SupervisionPolicy {
  readonly minBackoff: number;
  readonly maxBackoff: number;
  /** Extra delay as a fraction of the backoff, drawn from the kernel's seeded rng. */
  readonly randomFactor: number;
  /** More failures than this inside `withinTicks` escalate to the parent. */
  readonly maxRestarts: number;
  readonly withinTicks: number;
}

export const DEFAULT_SUPERVISION: SupervisionPolicy = {
  minBackoff: 2,
  maxBackoff: 90,
  randomFactor: 0.2,
  maxRestarts: 3,
  withinTicks: 300,
};

export type SupervisionDecision =
  | { readonly action: 'restart'; readonly delay: number; readonly failuresInWindow: number }
  | { readonly action: 'escalate'; readonly failuresInWindow: number };

export function checkPolicy(p: SupervisionPolicy): SupervisionPolicy {
  const ints: Array<keyof SupervisionPolicy> = ['minBackoff', 'maxBackoff', 'maxRestarts', 'withinTicks'];
  for (const k of ints) {
    if (!Number.isSafeInteger(p[k]) || p[k] < 0) throw new RangeError(`supervision.${k} must be a non-negative integer, got ${p[k]}`);
  }
  if (p.minBackoff < 1) throw new RangeError('supervision.minBackoff must be at least 1 tick');
  if (p.maxBackoff < p.minBackoff) throw new RangeError('supervision.maxBackoff must be >= minBackoff');
  if (!(p.randomFactor >= 0 && p.randomFactor <= 1)) throw new RangeError('supervision.randomFactor must be in [0, 1]');
  return p;
}

/**
 * Record a failure at `tick` and decide. `failures` holds the ticks of earlier
 * failures and is updated in place (pruned to the window, this one appended).
 */
export function onFailure(policy: SupervisionPolicy, failures: number[], tick: number, rng: Rng): SupervisionDecision {
  const horizon = tick - policy.withinTicks;
  while (failures.length > 0 && (failures[0] as number) <= horizon) failures.shift();
  failures.push(tick);
  const n = failures.length;
  if (n > policy.maxRestarts) return { action: 'escalate', failuresInWindow: n };
  const base = Math.min(policy.maxBackoff, policy.minBackoff * 2 ** (n - 1));
  const delay = Math.max(1, Math.round(base * (1 + policy.randomFactor * rng.next())));
  return { action: 'restart', delay, failuresInWindow: n };
}
