import type { Figures, ObligationFact, PaymentFact } from '../facts.js';
import { MAX_OBLIGATIONS, RECURRING_CHECKINS, reputationFor } from './rules.js';
import { type MissionModel, expectedOutcome } from './mission.js';

/**
 * The deck's books as the seeds say they must move (seed 003 §3, §5; docs/economy.md):
 * `:on-complete` rewards are paid the moment their goal is done; `:on-resolve`
 * ones at a successful settlement only; `:deferred` and `:recurring` ones become
 * obligations, paid at later check-ins; the outcome moves reputation by the
 * documented table.
 */
export interface Ledger {
  credits: number;
  reputation: number;
  intel: number;
  runs: number;
  session: number;
  obligations: ObligationFact[];
}

export function emptyLedger(): Ledger {
  return { credits: 0, reputation: 0, intel: 0, runs: 0, session: 0, obligations: [] };
}

export function ledgerFrom(f: Figures): Ledger {
  return { credits: f.credits, reputation: f.reputation, intel: f.intel, runs: f.runs, session: f.session, obligations: f.obligations.map((o) => ({ ...o })) };
}

export function copyLedger(l: Ledger): Ledger {
  return { ...l, obligations: l.obligations.map((o) => ({ ...o })) };
}

/** What differs between the model's books and the deck's, or null. */
export function figuresDiffer(l: Ledger, f: Figures, sessionShift = 0): string | null {
  const out: string[] = [];
  if (f.credits !== l.credits) out.push(`credit_balance is ¤${f.credits}, the rules make it ¤${l.credits}`);
  if (f.reputation !== l.reputation) out.push(`reputation is ${f.reputation}, the rules make it ${l.reputation}`);
  if (f.intel !== l.intel) out.push(`intel is ${f.intel}, the rules make it ${l.intel}`);
  if (f.runs !== l.runs) out.push(`${f.runs} runs resolved, the rules count ${l.runs}`);
  if (f.session !== l.session + sessionShift) out.push(`session ${f.session}, expected ${l.session + sessionShift}`);
  return out.length === 0 ? null : out.join('; ');
}

export function obligationsDiffer(l: Ledger, f: Figures): string | null {
  const show = (o: ObligationFact): string => `${o.kind} C-${o.contractId.toString(16).toUpperCase().padStart(4, '0')} ¤${o.credits} rep ${o.reputation} intel ${o.intel} (earned in session ${o.earnedSession}, paid ${o.payments}× last in ${o.lastPaidSession})`;
  const mine = l.obligations.map(show).join(' | ');
  const theirs = f.obligations.map(show).join(' | ');
  return mine === theirs ? null : `the deck owes [${theirs || 'nothing'}]; the rules say [${mine || 'nothing'}]`;
}

function credit(l: Ledger, kind: string, amount: number): void {
  if (kind === '¤') l.credits += amount;
  else if (kind === 'rep') l.reputation += amount;
  else if (kind === 'intel') l.intel += amount;
}

/** A goal closed :done: its `:on-complete` rewards are paid now (banked, seed 003 §3.2). */
export function bank(l: Ledger, rewards: readonly { kind: string; amount: number; when: string }[]): void {
  for (const r of rewards) if (r.when === 'on-complete') credit(l, r.kind, r.amount);
}

/**
 * Settle: success pays the escrow of done goals and leaves their deferred and recurring rewards owing
 * (one obligation per timing); every outcome moves reputation by the table. A ledger past its size
 * settles its oldest obligations at once (the payments returned).
 */
export function settle(l: Ledger, m: MissionModel, outcome: string): PaymentFact[] {
  if (outcome === 'success') {
    const done = m.order.filter((g) => g.state === 'done');
    for (const g of done) for (const r of g.spec.rewards) if (r.when === 'on-resolve') credit(l, r.kind, r.amount);
    for (const kind of ['deferred', 'recurring']) {
      const rewards = done.flatMap((g) => g.spec.rewards.filter((r) => r.when === kind));
      if (rewards.length === 0) continue;
      const sum = (c: string): number => rewards.reduce((n, r) => n + (r.kind === c ? r.amount : 0), 0);
      l.obligations.push({ contractId: m.id, kind, credits: sum('¤'), reputation: sum('rep'), intel: sum('intel'), earnedSession: l.session, lastPaidSession: 0, payments: 0 });
    }
  }
  l.reputation += reputationFor(outcome, m.threat);
  l.runs += 1;
  const forced: PaymentFact[] = [];
  while (l.obligations.length > MAX_OBLIGATIONS) forced.push(pay(l, l.obligations[0] as ObligationFact, true));
  return forced;
}

/** A check-in: each obligation earned in an earlier session and not yet paid in this one pays once. */
export function checkIn(l: Ledger): PaymentFact[] {
  const due = l.obligations.filter((o) => o.earnedSession < l.session && o.lastPaidSession < l.session);
  return due.map((o) => pay(l, o, false));
}

function pay(l: Ledger, o: ObligationFact, forced: boolean): PaymentFact {
  credit(l, '¤', o.credits);
  credit(l, 'rep', o.reputation);
  credit(l, 'intel', o.intel);
  const payments = o.payments + 1;
  const last = forced || o.kind === 'deferred' || payments >= RECURRING_CHECKINS;
  const i = l.obligations.indexOf(o);
  if (last) l.obligations.splice(i, 1);
  else l.obligations[i] = { ...o, payments, lastPaidSession: l.session };
  return { contractId: o.contractId, kind: o.kind, credits: o.credits, reputation: o.reputation, intel: o.intel, payment: payments, forced };
}

export function paymentsDiffer(mine: readonly PaymentFact[], theirs: readonly PaymentFact[]): string | null {
  const show = (p: PaymentFact): string => `${p.kind} C-${p.contractId.toString(16).toUpperCase().padStart(4, '0')} ¤${p.credits} rep ${p.reputation} intel ${p.intel} #${p.payment}`;
  const a = mine.map(show).join(' | ');
  const b = theirs.map(show).join(' | ');
  return a === b ? null : `the deck paid [${b || 'nothing'}]; the rules pay [${a || 'nothing'}]`;
}

export { expectedOutcome };
