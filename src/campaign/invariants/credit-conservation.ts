import type { Invariant } from './invariant.js';

/**
 * The balance is what the deck booted with plus everything the settlements
 * say was paid, per currency, at every settlement. A boot re-bases the
 * ledger (it is what survived on flash); a mission restored mid-run by a
 * reboot paid part of its rewards before the reboot, so its settlement
 * re-bases instead of being checked.
 */
export function creditConservation(): Invariant {
  let base: { credits: number; reputation: number } | null = null;
  let paid = { credits: 0, reputation: 0 };
  let restored = false;
  return {
    name: 'credit-conservation',
    check(f) {
      if (f.kind === 'ready') {
        base = { credits: f.credits, reputation: f.reputation };
        paid = { credits: 0, reputation: 0 };
        restored = f.restoredMission;
        return null;
      }
      if (f.kind !== 'settled' || base === null) return null;
      const c = f.settlement.currencies['¤'];
      const owed = c.banked + c.paidAtResolve + c.deferred + c.recurring;
      if (restored) {
        restored = false;
        base = { credits: f.balance, reputation: f.reputationTotal };
        paid = { credits: 0, reputation: 0 };
        return null;
      }
      paid = { credits: paid.credits + owed, reputation: paid.reputation + f.reputation };
      const problem = discrepancy(f, owed, base, paid);
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
  f: { credits: number; balance: number; reputationTotal: number },
  owed: number,
  base: { credits: number; reputation: number },
  paid: { credits: number; reputation: number },
): string | null {
  if (f.credits !== owed) return `the settlement pays ¤${owed} by its buckets but Mission Control reported ¤${f.credits}`;
  const expected = base.credits + paid.credits;
  if (f.balance !== expected) return `credit_balance is ¤${f.balance}; boot balance ¤${base.credits} plus ¤${paid.credits} paid since makes ¤${expected}`;
  const rep = base.reputation + paid.reputation;
  if (f.reputationTotal !== rep) return `reputation is ${f.reputationTotal}; boot reputation ${base.reputation} plus ${paid.reputation} since makes ${rep}`;
  return null;
}
