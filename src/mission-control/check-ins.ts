import { addIntel, grantAccess } from '../deck/knowledge.js';
import { MAX_CREDITS, MAX_OBLIGATIONS, MAX_OBLIGATION_FLAGS, MAX_REPUTATION, RECURRING_CHECKINS } from '../deck/limits.js';
import type { Obligation, ObligationKind, Uds } from '../deck/uds.js';
import type { Settlement } from '../objectives/settlement.js';

/**
 * Check-ins (seed 003 §3.2): `:deferred` rewards pay later, `:recurring` ones
 * on each check-in. Decision (docs/economy.md): a check-in is the operator's
 * later visit to the contracts they finished, the `(check-in)` verb; it pays
 * what a contract owes at most once per session (boot to boot), and never in
 * the session the contract settled in, so the earliest payday is the next
 * boot. A deferred obligation pays once, in full; a recurring one pays at
 * RECURRING_CHECKINS check-ins, then lapses.
 */

/** One payment a check-in made: the obligation's amounts, and which payment it was. */
export interface CheckInPayment {
  readonly contractId: number;
  readonly schema: string;
  readonly kind: ObligationKind;
  readonly credits: number;
  readonly reputation: number;
  readonly intel: number;
  readonly access: readonly string[];
  /** 1-based: the first, second… payment of this obligation. */
  readonly payment: number;
  /** The obligation is settled in full now (deferred, or a recurring one's last payment). */
  readonly final: boolean;
  /** Paid at settlement because the ledger was full, not at a check-in. */
  readonly forced: boolean;
}

/** What a successful settlement leaves owing: one obligation per timing that has anything in it. */
export function obligationsOf(settlement: Settlement, contract: { id: number; schema: string }, domain: string, session: number): Obligation[] {
  if (settlement.outcome !== 'success') return [];
  const out: Obligation[] = [];
  for (const kind of ['deferred', 'recurring'] as const) {
    const lines = settlement.lines.filter((l) => l.bucket === kind);
    if (lines.length === 0) continue;
    const sum = (currency: '¤' | 'rep' | 'intel'): number => lines.reduce((n, l) => n + (l.reward.kind === currency ? l.reward.amount : 0), 0);
    const access = [...new Set(lines.flatMap((l) => (l.reward.kind === 'access' && l.reward.flag !== null ? [l.reward.flag] : [])))].sort().slice(0, MAX_OBLIGATION_FLAGS);
    out.push({
      contractId: contract.id,
      schema: contract.schema,
      kind,
      credits: sum('¤'),
      reputation: sum('rep'),
      intel: sum('intel'),
      domain,
      access,
      earnedSession: session,
      lastPaidSession: 0,
      payments: 0,
    });
  }
  return out;
}

/**
 * Add what a settlement owes to the ledger. The ledger holds MAX_OBLIGATIONS;
 * past that the oldest obligation is settled at once (a forced check-in of
 * that one contract), so a full ledger never loses money.
 */
export function addObligations(uds: Uds, owed: readonly Obligation[]): { uds: Uds; forced: CheckInPayment[] } {
  let next: Uds = { ...uds, obligations: [...uds.obligations, ...owed] };
  const forced: CheckInPayment[] = [];
  while (next.obligations.length > MAX_OBLIGATIONS) {
    const [oldest, ...rest] = next.obligations as [Obligation, ...Obligation[]];
    // Taken off the ledger first: a forced payment is its last (a recurring tap lapses with it).
    const paid = payOnce({ ...next, obligations: rest }, oldest, true);
    next = paid.uds;
    forced.push(paid.payment);
  }
  return { uds: next, forced };
}

/** A check-in in the deck's current session: every obligation earned in an earlier session and not yet paid in this one pays. */
export function checkIn(uds: Uds): { uds: Uds; paid: CheckInPayment[] } {
  let next = uds;
  const paid: CheckInPayment[] = [];
  for (const o of uds.obligations) {
    if (o.earnedSession >= uds.session || o.lastPaidSession >= uds.session) continue;
    const r = payOnce(next, o, false);
    next = r.uds;
    paid.push(r.payment);
  }
  return { uds: next, paid };
}

/** Pay one instalment of `o` into `uds` and update (or drop) it in the ledger. */
function payOnce(uds: Uds, o: Obligation, forced: boolean): { uds: Uds; payment: CheckInPayment } {
  let next: Uds = {
    ...uds,
    creditBalance: Math.min(MAX_CREDITS, uds.creditBalance + o.credits),
    reputation: Math.min(MAX_REPUTATION, uds.reputation + o.reputation),
  };
  if (o.intel > 0) next = addIntel(next, o.domain, o.intel);
  for (const flag of o.access) next = grantAccess(next, flag);
  const payments = o.payments + 1;
  const final = forced || o.kind === 'deferred' || payments >= RECURRING_CHECKINS;
  const ledger = next.obligations.flatMap((x) => (x.contractId === o.contractId && x.kind === o.kind ? (final ? [] : [{ ...x, payments, lastPaidSession: uds.session }]) : [x]));
  next = { ...next, obligations: ledger };
  return {
    uds: next,
    payment: { contractId: o.contractId, schema: o.schema, kind: o.kind, credits: o.credits, reputation: o.reputation, intel: o.intel, access: o.access, payment: payments, final, forced },
  };
}
