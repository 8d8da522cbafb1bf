import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MissionEvent } from '../src/objectives/events.js';
import { Mission } from '../src/objectives/mission.js';
import { BUCKETS } from '../src/objectives/settlement.js';
import { GOAL_STATES, LEGAL_TRANSITIONS } from '../src/objectives/state-machine.js';
import { checkTrace } from '../src/objectives/trace-invariants.js';
import { apply, randomActions, randomPayout, randomSchema, resolveSmart } from './helpers/random-missions.js';

const seeds = fc.tuple(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 0x7fffffff }));

describe('random verb sequences on random objective graphs', () => {
  it('never leave the §2.2 diagram, never pay escrow on a failed or abandoned mission, always keep primary ⇒ briefed', () => {
    const seen = { illegal: 0, legal: 0, success: 0, failure: 0, abandoned: 0, violations: 0, spawns: 0 };
    fc.assert(
      fc.property(seeds, ([schemaSeed, missionSeed, actionSeed]) => {
        const { schema } = randomSchema(schemaSeed);
        const m = Mission.instantiate(schema, { seed: missionSeed, payout: randomPayout });
        const initial = m.snapshot();
        const events: MissionEvent[] = [];
        const { actions, settle } = randomActions(actionSeed, m);
        for (const a of actions) {
          const before = JSON.stringify(m.snapshot());
          const step = a.kind === 'smart' ? { kind: 'verb' as const, ...resolveSmart(m, a.pick) } : a;
          const result = step.kind === 'verb' ? m.verb(step.verb, step.goal) : null;
          if (result !== null && !result.ok) {
            // An illegal verb returns an error value and changes nothing.
            seen.illegal++;
            expect(result.error.message).toContain(result.error.goal);
            expect(JSON.stringify(m.snapshot())).toBe(before);
            continue;
          }
          if (result !== null) seen.legal++;
          events.push(...(result !== null && result.ok ? result.events : apply(m, step)));
          for (const g of m.snapshot().goals) {
            expect(GOAL_STATES).toContain(g.state);
            if (g.role === 'primary' && g.state !== 'locked' && g.state !== 'void') expect(g.briefed, `${g.name} is ${g.state} but not briefed`).toBe(true);
          }
        }
        const settled = m.settle(settle);
        if (!settled.ok) throw new Error(settled.error.message);
        events.push(...settled.events);
        const { settlement } = settled;
        seen[settlement.outcome]++;
        seen.violations += events.filter((e) => e.kind === 'hold/violated').length;
        seen.spawns += events.filter((e) => e.kind === 'escalation/fired').length;

        expect(checkTrace(events, { initial, settlement })).toEqual([]);
        for (const e of events) if (e.kind === 'goal/changed') expect(LEGAL_TRANSITIONS.get(e.from)?.has(e.to), `${e.goal} ${e.from}→${e.to}`).toBe(true);
        if (settlement.outcome !== 'success') {
          for (const kind of ['¤', 'rep', 'intel'] as const) {
            expect(settlement.currencies[kind].paidAtResolve + settlement.currencies[kind].deferred + settlement.currencies[kind].recurring).toBe(0);
          }
          expect(settlement.currencies.access.paidAtResolve).toEqual([]);
        } else {
          // Success means every counted primary is done.
          for (const g of m.snapshot().goals) if (g.role === 'primary' && g.briefed && g.state !== 'void') expect(g.state).toBe('done');
        }
        // Every reward lands in exactly one bucket: the buckets sum to what the mission offered.
        const offered = { '¤': 0, rep: 0, intel: 0, access: 0 };
        for (const g of initial.goals) for (const r of g.rewards) offered[r.kind] += r.amount;
        for (const kind of ['¤', 'rep', 'intel'] as const) expect(BUCKETS.reduce((n, b) => n + settlement.currencies[kind][b], 0)).toBe(offered[kind]);
        expect(BUCKETS.reduce((n, b) => n + settlement.currencies.access[b].length, 0)).toBe(offered.access);
        // What was banked during play is what the settlement reports as banked.
        const bankedDuringPlay = events.filter((e) => e.kind === 'reward/banked').reduce((n, e) => n + (e.kind === 'reward/banked' && e.reward.kind === '¤' ? e.reward.amount : 0), 0);
        expect(settlement.currencies['¤'].banked).toBe(bankedDuringPlay);
        // After resolving, every verb is refused and nothing changes.
        expect(m.complete(m.goalNames()[0] as string).ok).toBe(false);
      }),
      { numRuns: 400 },
    );
    // The generator must reach the interesting places, or the property proves little.
    expect(seen.illegal).toBeGreaterThan(500);
    expect(seen.legal).toBeGreaterThan(500);
    expect(seen.success).toBeGreaterThan(20);
    expect(seen.failure).toBeGreaterThan(50);
    expect(seen.abandoned).toBeGreaterThan(20);
    expect(seen.violations).toBeGreaterThan(20);
    expect(seen.spawns).toBeGreaterThan(20);
  });

  it('the same schema, seed and actions give the same events (determinism)', () => {
    fc.assert(
      fc.property(seeds, ([schemaSeed, missionSeed, actionSeed]) => {
        const run = (): string => {
          const { schema } = randomSchema(schemaSeed);
          const m = Mission.instantiate(schema, { seed: missionSeed, payout: randomPayout });
          const { actions, settle } = randomActions(actionSeed, m);
          const events = actions.flatMap((a) => [...apply(m, a)]);
          const s = m.settle(settle);
          return JSON.stringify([events, s.ok ? s.settlement : null]);
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 60 },
    );
  });

  it('the trace checker can fail: it catches an illegal transition, an unbriefed primary and escrow paid on failure', () => {
    const base = { kind: 'goal/changed', phase: 1, role: 'primary', briefed: true, cause: 'completed' } as const;
    expect(checkTrace([{ ...base, seq: 1, goal: 'a', from: 'locked', to: 'done' }])).toEqual([expect.stringContaining('not an edge')]);
    expect(checkTrace([{ ...base, seq: 1, goal: 'a', from: 'locked', to: 'open', briefed: false }])).toEqual([expect.stringContaining('not briefed')]);
    const zero = { banked: 0, paidAtResolve: 0, deferred: 0, recurring: 0, forfeited: 0, unearned: 0 };
    const problems = checkTrace([{ kind: 'mission/resolved', seq: 1, outcome: 'failure', reason: 'x' }], {
      settlement: {
        outcome: 'failure',
        reason: 'x',
        currencies: { '¤': { ...zero, paidAtResolve: 900 }, rep: zero, intel: zero, access: { banked: [], paidAtResolve: [], deferred: [], recurring: [], forfeited: [], unearned: [] } },
        missing: [],
        lines: [],
      },
    });
    expect(problems).toEqual([expect.stringContaining('escrow paid in ¤ on a failure')]);
  });
});
