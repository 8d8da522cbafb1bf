import { describe, expect, it } from 'vitest';
import type { MissionEvent } from '../src/objectives/events.js';
import { instance, ok, refused, schemaOf, vars } from './helpers/objectives.js';

/** A three-phase heist: escrow earned in phase 1 rides to the end (seed 003 §8). */
const heist = schemaOf(`(defcontract-schema :three-phase-heist
  :phase-count 3
  :objectives
  (spine
    (phase-1
      (goal recon :role :primary :reward ((¤ 200)))
      (goal photos :reward ((rep 2 :on-resolve) (intel 1 :on-resolve))))
    (phase-2
      (goal breach :role :primary :requires recon :reward ((¤ 500)))
      (goal quiet :hold (< alarms 1) :reward ((rep 3 :on-resolve))))
    (phase-3
      (goal vault :role :primary :reward ((¤ 1000) (access :vault-followon :on-resolve)))
      (goal implant :reward ((¤ 50 :recurring) (intel 2 :deferred)))))
  (limbs
    (optional-pool :draw 1 :phase 2 (goal bonus :reward ((¤ 300 :on-resolve))))
    (escalation :phase 3 (on (> trace 90) (goal run :role :primary :reveal :latent)))))`);

const advanced = (events: readonly MissionEvent[]): string[] => events.flatMap((e) => (e.kind === 'phase/advanced' ? [`${e.from}→${e.to}`] : []));

describe('phases (seed 003 §8)', () => {
  it('starts at phase 1 with later phases locked, and advances as each phase’s primaries are done', () => {
    const m = instance(heist);
    expect(m.activePhase).toBe(0);
    expect(refused(m.complete('breach')).message).toMatch(/phase 2 is not reached \(phase 1 is active\)/);
    ok(m.complete('photos'));
    const one = ok(m.complete('recon')).events;
    expect(advanced(one)).toEqual(['1→2']);
    // breach's prerequisite (recon) and its phase arrive together: the phase is what opens it.
    expect(one.filter((e) => e.kind === 'goal/changed' && e.cause === 'phase-reached').map((e) => e.kind === 'goal/changed' && e.goal)).toEqual(['breach', 'quiet', 'bonus']);
    expect(advanced(ok(m.complete('breach')).events)).toEqual(['2→3']);
    expect(m.activePhase).toBe(2);
    // The escalation is armed only from its phase; the phase-2 hold is still watched in phase 3.
    expect(m.watchSpec().escalations.map((e) => e.goal)).toEqual(['run']);
    expect(m.watchSpec().holds.map((h) => h.goal)).toEqual(['quiet']);
  });

  it('an escalation of phase 3 does not fire in phase 1', () => {
    const m = instance(heist);
    expect(m.tick(vars({ trace: 99 }))).toEqual([]);
    ok(m.complete('recon'));
    ok(m.complete('breach'));
    expect(m.tick(vars({ trace: 99 })).map((e) => e.kind)).toEqual(['escalation/fired', 'goal/revealed', 'goal/changed']);
  });

  it('escrow from phase 1 is forfeited by abandoning in phase 3; banked ¤ from every phase is kept', () => {
    const m = instance(heist);
    ok(m.complete('photos'));
    ok(m.complete('recon'));
    ok(m.complete('bonus'));
    ok(m.complete('breach'));
    expect(m.activePhase).toBe(2);
    const s = m.settle('abandon');
    if (!s.ok) throw new Error(s.error.message);
    const c = s.settlement.currencies;
    expect(c['¤']).toMatchObject({ banked: 700, paidAtResolve: 0, forfeited: 300, unearned: 1050 });
    expect(c.rep).toMatchObject({ banked: 0, paidAtResolve: 0, forfeited: 5 }); // photos 2 (phase 1) + quiet 3, held until the abandon
    expect(c.intel).toMatchObject({ forfeited: 1, unearned: 2 });
    expect(c.access.unearned).toEqual(['vault-followon']);
  });

  it('a clean finish pays phase-1 escrow at resolve and hands :deferred and :recurring to Mission Control', () => {
    const m = instance(heist);
    for (const g of ['photos', 'recon', 'breach', 'vault', 'implant']) ok(m.complete(g));
    const s = m.settle('complete');
    if (!s.ok) throw new Error(s.error.message);
    const c = s.settlement.currencies;
    expect(s.settlement.outcome).toBe('success');
    expect(c['¤']).toMatchObject({ banked: 1700, recurring: 50, unearned: 300 });
    expect(c.rep).toMatchObject({ paidAtResolve: 5 });
    expect(c.intel).toMatchObject({ paidAtResolve: 1, deferred: 2 });
    expect(c.access.paidAtResolve).toEqual(['vault-followon']);
  });

  it('a violated hold in phase 2 stays forfeited into phase 3', () => {
    const m = instance(heist);
    ok(m.complete('recon'));
    expect(m.tick(vars({ alarms: 1 })).some((e) => e.kind === 'hold/violated')).toBe(true);
    ok(m.complete('breach'));
    expect(m.info('quiet')).toMatchObject({ state: 'forfeit', violated: true });
  });
});
