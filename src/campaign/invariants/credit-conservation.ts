import type { Buckets } from '../../objectives/settlement.js';
import { reputationDelta } from '../../mission-control/economy.js';
import type { Invariant } from './invariant.js';

/** What a settlement pays in a currency: banked during the run, escrow at resolve (deferred and recurring pay at check-ins). */
function paidOf(b: Buckets<number>): number {
  return b.banked + b.paidAtResolve;
}

/**
 * The balance is what the deck booted with plus everything the settlements
 * say was paid, per currency, at every settlement: ¤ from its buckets,
 * reputation from its buckets plus the outcome's delta for the contract's
 * threat (docs/economy.md). A boot re-bases the ledger (it is what survived
 * on flash); a mission restored mid-run by a reboot paid part of its rewards
 * before the reboot, so its settlement re-bases instead of being checked.
 */
export function creditConservation(): Invariant {
  let base: { credits: number; reputation: number } | null = null;
  let paid = { credits: 0, reputation: 0 };
  let restored = false;
  let threat: number | null = null;
  return {
    name: 'credit-conservation',
    check(f) {
      if (f.kind === 'accepted') threat = f.threat;
      if (f.kind === 'check-in') {
        paid = { credits: paid.credits + f.credits, reputation: paid.reputation + f.reputation };
        return null;
      }
      if (f.kind === 'ready') {
        base = { credits: f.credits, reputation: f.reputation };
        paid = { credits: 0, reputation: 0 };
        restored = f.restoredMission;
        return null;
      }
      if (f.kind !== 'settled' || base === null) return null;
      if (restored) {
        restored = false;
        base = { credits: f.balance, reputation: f.reputationTotal };
        paid = { credits: 0, reputation: 0 };
        return null;
      }
      const owed = { credits: paidOf(f.settlement.currencies['¤']), reputation: paidOf(f.settlement.currencies.rep) };
      const delta = threat === null ? null : reputationDelta(f.outcome as 'success' | 'failure' | 'abandoned', threat);
      paid = { credits: paid.credits + owed.credits, reputation: paid.reputation + f.reputation };
      const problem = discrepancy(f, owed, delta, base, paid);
      // One discrepancy is one violation: carry on from the balance as it now stands.
      if (problem !== null) {
        base = { credits: f.balance, reputation: f.reputationTotal };
        paid = { credits: 0, reputation: 0 };
      }
      return problem;
    },
  };
}

function discrepancy(
  f: { credits: number; reputation: number; balance: number; reputationTotal: number },
  owed: { credits: number; reputation: number },
  delta: number | null,
  base: { credits: number; reputation: number },
  paid: { credits: number; reputation: number },
): string | null {
  if (f.credits !== owed.credits) return `the settlement pays ¤${owed.credits} by its buckets but Mission Control reported ¤${f.credits}`;
  if (delta !== null && f.reputation !== owed.reputation + delta) {
    return `the settlement pays ${owed.reputation} rep by its buckets and ${delta} for the outcome, but Mission Control reported ${f.reputation}`;
  }
  const expected = base.credits + paid.credits;
  if (f.balance !== expected) return `credit_balance is ¤${f.balance}; boot balance ¤${base.credits} plus ¤${paid.credits} paid since makes ¤${expected}`;
  const rep = base.reputation + paid.reputation;
  if (f.reputationTotal !== rep) return `reputation is ${f.reputationTotal}; boot reputation ${base.reputation} plus ${paid.reputation} since makes ${rep}`;
  return null;
}
