import { describe, expect, it } from 'vitest';
import { MAX_OBLIGATIONS, RECURRING_CHECKINS } from '../src/deck/limits.js';
import type { Obligation, Uds } from '../src/deck/uds.js';
import { addObligations, checkIn } from '../src/mission-control/check-ins.js';
import { bootDeck } from '../src/mission-control/decay.js';
import { applyMissionEvents, completeMission } from '../src/mission-control/missions.js';
import { HOUR, NOON } from './helpers/mission-control.js';
import { acceptSchema, completePrimaries } from './helpers/missions.js';

const REPORT = { trace: 10, bonuses: [] };

/** Settle `schema` as a clean success in session `session`; the deck after, and what it left owing. */
function settleClean(schema: string, session: number, path: readonly string[] = []): { uds: Uds; owed: readonly Obligation[]; ctx: ReturnType<typeof acceptSchema>['ctx'] } {
  const { uds, ctx, struct } = acceptSchema(schema, { seed: 0, inserted: schema === 'wreck-salvage' ? 'depthcharge' : 'ice-breaker' });
  let played: Uds = { ...uds, session };
  // `path`: verbs to play first, as `choose:goal` or `goal` (complete), then the rest of the primaries.
  for (const step of path) {
    const [verb, goal] = step.includes(':') ? (step.split(':') as [string, string]) : ['complete', step];
    const r = verb === 'choose' ? struct.graph.choose(goal) : struct.graph.complete(goal);
    if (!r.ok) throw new Error(r.error.message);
    played = applyMissionEvents(played, struct, r.events);
  }
  played = completePrimaries(played, struct);
  const r = completeMission(played, struct, { ...ctx, now: NOON + HOUR }, REPORT);
  expect(r.outcome).toBe('success');
  return { uds: r.uds, owed: r.owed, ctx };
}

/** A power cycle: the next session begins. */
function reboot(uds: Uds, ctx: ReturnType<typeof acceptSchema>['ctx']): Uds {
  return bootDeck(uds, { ...ctx, now: NOON + 30 * HOUR });
}

describe('check-ins (seed 003 §3.2: deferred pays later, recurring on each check-in)', () => {
  it(':deferred pays nothing at resolve and once, in full, at the first check-in of a later session', () => {
    const { uds, owed, ctx } = settleClean('wreck-salvage', 4, ['descend', 'choose:sell-on', 'sell-on']);
    expect(owed).toHaveLength(1);
    const o = owed[0] as Obligation;
    expect(o).toMatchObject({ kind: 'deferred', earnedSession: 4, payments: 0 });
    expect(o.credits).toBeGreaterThan(0);
    // Not in the session it was earned in: the buyer has not paid yet.
    expect(checkIn(uds).paid).toEqual([]);
    const next = reboot(uds, ctx);
    expect(next.session).toBe(5);
    const first = checkIn(next);
    expect(first.paid).toEqual([expect.objectContaining({ kind: 'deferred', credits: o.credits, payment: 1, final: true, forced: false })]);
    expect(first.uds.creditBalance).toBe(next.creditBalance + o.credits);
    expect(first.uds.obligations).toEqual([]);
    // Paid once: a second check-in, even in a later session, pays nothing more.
    expect(checkIn(first.uds).paid).toEqual([]);
    expect(checkIn(reboot(first.uds, ctx)).paid).toEqual([]);
  });

  it(':recurring pays at each check-in of later sessions of an Episodic contract, once a session, then lapses', () => {
    const { uds, owed, ctx } = settleClean('surveillance-implant', 1);
    const o = owed.find((x) => x.kind === 'recurring') as Obligation;
    expect(o.credits).toBeGreaterThan(0);
    let deck = uds;
    const payments: number[] = [];
    for (let session = 0; session < RECURRING_CHECKINS + 2; session++) {
      deck = reboot(deck, ctx);
      const first = checkIn(deck);
      // Twice in one session pays once.
      const again = checkIn(first.uds);
      expect(again.paid).toEqual([]);
      deck = again.uds;
      payments.push(first.paid.filter((p) => p.kind === 'recurring').reduce((n, p) => n + p.credits, 0));
    }
    expect(payments).toEqual([...Array.from({ length: RECURRING_CHECKINS }, () => o.credits), 0, 0]);
    expect(deck.obligations).toEqual([]);
  });

  it('a full ledger settles its oldest obligation at once instead of dropping it', () => {
    const base: Obligation = { contractId: 1, schema: 'x', kind: 'deferred', credits: 10, reputation: 1, intel: 0, domain: 'general', access: [], earnedSession: 1, lastPaidSession: 0, payments: 0 };
    const full = Array.from({ length: MAX_OBLIGATIONS }, (_, i) => ({ ...base, contractId: i + 1 }));
    const uds = { ...settleClean('zaibatsu-penetration', 1).uds, obligations: full };
    const r = addObligations(uds, [{ ...base, contractId: 999, credits: 7 }]);
    expect(r.forced).toEqual([expect.objectContaining({ contractId: 1, credits: 10, forced: true, final: true })]);
    expect(r.uds.obligations).toHaveLength(MAX_OBLIGATIONS);
    expect(r.uds.obligations.at(-1)?.contractId).toBe(999);
    expect(r.uds.creditBalance).toBe(uds.creditBalance + 10);
  });
});
