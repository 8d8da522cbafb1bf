import { describe, expect, it } from 'vitest';
import type { MissionEvent } from '../src/objectives/events.js';
import type { Mission } from '../src/objectives/mission.js';
import type { Currencies, Settlement } from '../src/objectives/settlement.js';
import { checkTrace } from '../src/objectives/trace-invariants.js';
import { glassPayroll, instance, ok, refused, seedDrawing, states, vars } from './helpers/objectives.js';

/**
 * GLASS PAYROLL (seed 003 §9), the schema shipped with the ICE BREAKER cart,
 * played through every path with the exact settlement per currency. Payout is
 * the identity, so ¤ amounts are the authored bases: breach 600, exfil 900,
 * corrupt 700, exec-bonus 700.
 */
const schema = glassPayroll();
const BOTH = seedDrawing(schema, ['ghost', 'exec-bonus']);
const NONE = seedDrawing(schema, []);

const zero = { banked: 0, paidAtResolve: 0, deferred: 0, recurring: 0, forfeited: 0, unearned: 0 };
const none = { banked: [], paidAtResolve: [], deferred: [], recurring: [], forfeited: [], unearned: [] };
function currencies(c: { '¤'?: Partial<typeof zero>; rep?: Partial<typeof zero>; intel?: Partial<typeof zero>; access?: Partial<Record<keyof typeof zero, string[]>> }): Currencies {
  return { '¤': { ...zero, ...c['¤'] }, rep: { ...zero, ...c.rep }, intel: { ...zero, ...c.intel }, access: { ...none, ...c.access } };
}

/** Play a GLASS PAYROLL instance, recording every event for the trace checks. */
function play(seed = BOTH): { m: Mission; events: MissionEvent[]; tick: (v: Parameters<typeof vars>[0]) => readonly MissionEvent[]; settle: (k: 'complete' | 'abandon' | 'fail') => Settlement } {
  const events: MissionEvent[] = [];
  const m = instance(schema, { seed, onEvent: (e) => events.push(e) });
  const initial = m.snapshot();
  return {
    m,
    events,
    tick: (v) => m.tick(vars(v)),
    settle: (kind) => {
      const s = m.settle(kind);
      if (!s.ok) throw new Error(s.error.message);
      expect(checkTrace(events, { initial, settlement: s.settlement })).toEqual([]);
      return s.settlement;
    },
  };
}

describe('GLASS PAYROLL (seed 003 §9) through every path', () => {
  it('draws the §9 hand for some seeds (ghost and exec-bonus) and the bare spine for others', () => {
    expect(states(instance(schema, { seed: BOTH }))).toEqual({ breach: 'open', exfil: 'locked', mirror: 'locked', corrupt: 'locked', ghost: 'open', 'exec-bonus': 'locked', escape: 'locked' });
    expect(Object.keys(states(instance(schema, { seed: NONE })))).toEqual(['breach', 'exfil', 'mirror', 'corrupt', 'escape']);
  });

  it('MIRROR, ghost held: a clean exit pays the escrow (mirror and ghost +4 REP each)', () => {
    const { m, tick, settle } = play();
    ok(m.complete('breach'));
    ok(m.choose('mirror'));
    ok(m.complete('mirror'));
    ok(m.complete('exfil'));
    expect(tick({ trace: 49 })).toEqual([]);
    expect(m.isReady).toBe(true);
    const s = settle('complete');
    expect([s.outcome, s.reason]).toEqual(['success', 'all-primaries-done']);
    expect(s.currencies).toEqual(currencies({ '¤': { banked: 1500, unearned: 1400 }, rep: { paidAtResolve: 8 }, intel: { unearned: 1 }, access: { unearned: ['ledger-followon'] } }));
    expect(m.state('ghost')).toMatchObject({ state: 'done' });
    expect(s.missing.map((g) => `${g.goal} ${g.state}→${g.final}`)).toEqual(['corrupt void→void', 'exec-bonus locked→locked', 'escape locked→locked']);
  });

  it('CORRUPT voids ghost: +¤700 and the ledger follow-on banked, ghost and mirror never pay', () => {
    const { m, events, settle } = play();
    ok(m.complete('breach'));
    const chosen = ok(m.choose('corrupt')).events;
    expect(chosen.filter((e) => e.kind === 'goal/changed').map((e) => e.kind === 'goal/changed' && `${e.goal}→${e.to}`)).toEqual(['mirror→void', 'ghost→void', 'corrupt→open']);
    expect(refused(m.choose('mirror')).code).toBe('closed');
    ok(m.complete('corrupt'));
    ok(m.complete('exfil'));
    const s = settle('complete');
    expect(s.outcome).toBe('success');
    expect(s.currencies).toEqual(currencies({ '¤': { banked: 2200, unearned: 700 }, rep: { unearned: 8 }, intel: { unearned: 1 }, access: { banked: ['ledger-followon'] } }));
    expect(events.filter((e) => e.kind === 'reward/banked').map((e) => e.kind === 'reward/banked' && `${e.goal} ${e.reward.kind}`)).toEqual(['breach ¤', 'corrupt ¤', 'corrupt access', 'exfil ¤']);
  });

  it('ghost holds at trace 49 and is forfeited at trace 50, at once: its escrow is lost, mirror still pays', () => {
    const { m, tick, settle } = play();
    ok(m.complete('breach'));
    ok(m.choose('mirror'));
    expect(tick({ trace: 49 })).toEqual([]);
    const broken = tick({ trace: 50 });
    expect(broken.map((e) => e.kind)).toEqual(['hold/violated', 'goal/changed']);
    expect(broken[1]).toMatchObject({ goal: 'ghost', from: 'open', to: 'forfeit', cause: 'hold-violated' });
    expect(tick({ trace: 10 })).toEqual([]);
    expect(m.state('ghost')).toMatchObject({ state: 'forfeit' });
    ok(m.complete('mirror'));
    ok(m.complete('exfil'));
    const s = settle('complete');
    expect(s.outcome).toBe('success');
    expect(s.currencies).toEqual(currencies({ '¤': { banked: 1500, unearned: 1400 }, rep: { paidAtResolve: 4, forfeited: 4 }, intel: { unearned: 1 }, access: { unearned: ['ledger-followon'] } }));
  });

  it('exec-bonus is revealed at the HR node (not before) and pays ¤700 + INTEL when completed', () => {
    const { m, tick, settle } = play();
    expect(refused(m.complete('exec-bonus')).code).toBe('locked');
    expect(tick({ node: 'finance' })).toEqual([]);
    const revealed = tick({ node: 'HR' });
    expect(revealed.map((e) => e.kind)).toEqual(['goal/revealed', 'goal/changed']);
    expect(revealed[0]).toMatchObject({ goal: 'exec-bonus', by: 'at' });
    expect(m.info('exec-bonus')).toMatchObject({ state: 'open', briefed: true });
    expect(tick({ node: 'hr' })).toEqual([]);
    ok(m.complete('exec-bonus'));
    ok(m.complete('breach'));
    ok(m.choose('mirror'));
    ok(m.complete('exfil'));
    const s = settle('complete');
    expect(s.currencies).toEqual(currencies({ '¤': { banked: 2200, unearned: 700 }, rep: { paidAtResolve: 4, forfeited: 0, unearned: 4 }, intel: { banked: 1 }, access: { unearned: ['ledger-followon'] } }));
  });

  it('escape spawns at trace 75 (once), briefed; failing it fails the mission and forfeits the escrow', () => {
    const { m, tick, settle } = play();
    ok(m.complete('breach'));
    ok(m.choose('mirror'));
    ok(m.complete('mirror'));
    expect(tick({ trace: 74 }).map((e) => e.kind)).toEqual(['hold/violated', 'goal/changed']);
    expect(m.state('escape')).toMatchObject({ state: 'locked' });
    expect(refused(m.fail('escape')).message).toMatch(/escalation has not fired/);
    const spawned = tick({ trace: 75 });
    expect(spawned.map((e) => e.kind)).toEqual(['escalation/fired', 'goal/revealed', 'goal/changed']);
    expect(spawned[2]).toMatchObject({ goal: 'escape', from: 'locked', to: 'open', cause: 'spawned', role: 'primary', briefed: true });
    expect(tick({ trace: 20 })).toEqual([]);
    expect(tick({ trace: 90 })).toEqual([]);
    ok(m.complete('exfil'));
    expect(m.isReady).toBe(false);
    const failed = tick({ trace: 90, timeout: true });
    expect(failed.map((e) => e.kind)).toEqual(['goal/changed', 'mission/failed']);
    expect(failed[1]).toMatchObject({ goal: 'escape', reason: 'primary-failed' });
    expect(refused(m.complete('exec-bonus')).code).toBe('mission-over');
    const s = settle('complete');
    expect([s.outcome, s.reason]).toEqual(['failure', 'primary-failed: escape']);
    expect(s.currencies).toEqual(currencies({ '¤': { banked: 1500, unearned: 1400 }, rep: { forfeited: 8 }, intel: { unearned: 1 }, access: { unearned: ['ledger-followon'] } }));
  });

  it('escape done in time: the mission succeeds with it', () => {
    const { m, tick, settle } = play(NONE);
    ok(m.complete('breach'));
    ok(m.choose('corrupt'));
    ok(m.complete('exfil'));
    tick({ trace: 80 });
    ok(m.complete('escape'));
    const s = settle('complete');
    expect(s.outcome).toBe('success');
    expect(s.currencies).toEqual(currencies({ '¤': { banked: 1500, unearned: 700 }, rep: { unearned: 4 }, access: { unearned: ['ledger-followon'] } }));
  });

  it('abandon after banking: banked ¤ is kept, every escrow (mirror done, ghost held) is forfeited', () => {
    const { m, settle } = play();
    ok(m.complete('breach'));
    ok(m.choose('mirror'));
    ok(m.complete('mirror'));
    const s = settle('abandon');
    expect([s.outcome, s.reason]).toEqual(['abandoned', 'abandoned']);
    expect(s.currencies).toEqual(currencies({ '¤': { banked: 600, unearned: 2300 }, rep: { forfeited: 8 }, intel: { unearned: 1 }, access: { unearned: ['ledger-followon'] } }));
    expect(s.missing.map((g) => `${g.goal} ${g.state}→${g.final}`)).toEqual(['exfil open→forfeit', 'corrupt void→void', 'ghost open→forfeit', 'exec-bonus locked→locked', 'escape locked→locked']);
  });

  it('complete-mission with a primary still open is a failure, and names what is missing', () => {
    const { m, settle } = play(NONE);
    ok(m.complete('breach'));
    const s = settle('complete');
    expect([s.outcome, s.reason]).toEqual(['failure', 'primaries-incomplete']);
    expect(s.missing.find((g) => g.goal === 'exfil')).toEqual({ goal: 'exfil', phase: 1, role: 'primary', briefed: true, state: 'open', final: 'forfeit' });
  });

  it('(scale N) routes ¤ through the payout function; rep, intel and access stay literal', () => {
    const seen: string[] = [];
    const m = instance(schema, {
      seed: BOTH,
      threat: 3,
      payout: (base, ctx) => {
        seen.push(`${ctx.goal}:${base}:${ctx.formula ?? ''}:${ctx.threat ?? ''}`);
        return base * 1.25;
      },
    });
    expect(seen).toEqual(['breach:600:extract-payout:3', 'exfil:900:extract-payout:3', 'corrupt:700:extract-payout:3', 'exec-bonus:700:extract-payout:3']);
    expect(m.info('exfil')?.rewards).toEqual([{ kind: '¤', amount: 1125, flag: null, when: 'on-complete', scaled: true }]);
    expect(m.info('exec-bonus')?.rewards.map((r) => [r.kind, r.amount])).toEqual([
      ['¤', 875],
      ['intel', 1],
    ]);
    expect(m.info('ghost')?.rewards.map((r) => [r.kind, r.amount, r.scaled])).toEqual([['rep', 4, false]]);
    expect(() => instance(schema, { payout: () => Number.NaN })).toThrow(/payout function turned \(scale 600\) into NaN/);
    expect(() => instance(schema, { payout: () => -5 })).toThrow(/\[payout\]/);
  });
});
