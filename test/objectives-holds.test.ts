import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePredicate } from '../src/lisp/compile-predicate.js';
import { read } from '../src/lisp/reader.js';
import { Keyword } from '../src/lisp/values.js';
import { buildHoldIndex } from '../src/objectives/hold-index.js';
import { HoldWatcher, WatchList } from '../src/objectives/holds.js';
import { DEFAULT_VARIABLE_NAMES } from '../src/objectives/variables.js';
import { glassPayroll, instance, ok, seedDrawing, vars } from './helpers/objectives.js';

const NAMES = DEFAULT_VARIABLE_NAMES;

describe('holds and escalations (seed 003 §4, §6)', () => {
  it('a hold goal stays open while held and is forfeited the tick it stops holding; a cart cannot forfeit it', () => {
    const schema = glassPayroll();
    const m = instance(schema, { seed: seedDrawing(schema, ['ghost']) });
    for (let trace = 0; trace < 50; trace += 7) expect(m.tick(vars({ trace }))).toEqual([]);
    expect(m.fail('ghost')).toMatchObject({ ok: false, error: { code: 'held-goal' } });
    expect(m.tick(vars({ trace: 51 }))[0]).toMatchObject({ kind: 'hold/violated', goal: 'ghost', hold: '(< trace 50)' });
    expect(m.watchSpec().holds).toEqual([]);
  });

  it('a condition that cannot be evaluated reports hold/error once; a :hold it cannot judge is not held, so it is forfeited', () => {
    const schema = glassPayroll();
    const m = instance(schema, { seed: seedDrawing(schema, ['ghost']) });
    const { trace: _omit, ...noTrace } = vars();
    const first = m.tick(noTrace);
    expect(first.map((e) => e.kind)).toEqual(['hold/violated', 'goal/changed', 'hold/error', 'hold/error']);
    expect(first[2]).toMatchObject({ goal: 'ghost', message: expect.stringContaining('predicate variable trace has no value') });
    expect(first[3]).toMatchObject({ goal: 'escape' });
    expect(m.tick(noTrace)).toEqual([]);
    expect(m.info('ghost')?.state).toBe('forfeit');
    // An escalation it cannot judge does not fire.
    expect(m.info('escape')?.state).toBe('locked');
  });

  it("the hold ticker's watcher, built from the plain-data spec on another thread, gives the mission's verdicts", () => {
    const schema = glassPayroll();
    const seed = seedDrawing(schema, ['ghost', 'exec-bonus']);
    const local = instance(schema, { seed });
    const remote = instance(schema, { seed });
    const spec = JSON.parse(JSON.stringify(remote.watchSpec())) as ReturnType<typeof remote.watchSpec>;
    expect(spec.holds).toEqual([{ goal: 'ghost', source: '(< trace 50)' }]);
    expect(spec.escalations).toEqual([{ id: 0, goal: 'escape', source: '(>= trace 75)' }]);
    expect(spec.reveals).toEqual([{ goal: 'exec-bonus', variable: 'node', name: 'hr' }]);
    const watcher = HoldWatcher.fromSpec(spec);
    for (const v of [vars({ trace: 10 }), vars({ trace: 20, node: new Keyword('HR') }), vars({ trace: 80 }), vars({ trace: 99 })]) {
      const verdicts = watcher.check(v);
      const fromTicker = verdicts === null ? [] : remote.applyVerdicts(verdicts);
      expect(JSON.stringify(fromTicker)).toBe(JSON.stringify(local.tick(v)));
    }
    // A stale verdict (the goal moved on: ghost already forfeit, escape already spawned, exec-bonus already revealed) is ignored.
    expect(remote.applyVerdicts({ violated: ['ghost'], failed: [], fired: [0], revealed: ['exec-bonus'], errors: [] })).toEqual([]);
    expect(remote.watchSpec().version).toBeGreaterThan(spec.version);
  });

  it('escalation goals spawn once; a spawned goal is checked from the next tick', () => {
    const schema = glassPayroll();
    const m = instance(schema, { seed: seedDrawing(schema, []) });
    expect(m.tick(vars({ trace: 80, timeout: true })).map((e) => e.kind)).toEqual(['escalation/fired', 'goal/revealed', 'goal/changed']);
    expect(m.tick(vars({ trace: 80, timeout: true })).map((e) => e.kind)).toEqual(['goal/changed', 'mission/failed']);
    expect(m.tick(vars({ trace: 80, timeout: true }))).toEqual([]);
  });

  const atom = fc.oneof(
    fc.tuple(fc.constantFrom('<', '<=', '>', '>='), fc.constantFrom('trace', 'timer', 'alarms'), fc.integer({ min: -5, max: 105 })).map(([op, v, c]) => `(${op} ${v} ${c})`),
    fc.tuple(fc.constantFrom('<', '>='), fc.integer({ min: -5, max: 105 }), fc.constantFrom('trace', 'noise')).map(([op, c, v]) => `(${op} ${c} ${v})`),
    fc.constantFrom('lockdown', '(not lockdown)', 'timeout', '(not timeout)'),
    fc.tuple(fc.constantFrom('<=', '>'), fc.integer({ min: 0, max: 12 })).map(([op, c]) => `(${op} (+ alarms noise) ${c})`),
    fc.constantFrom('(or (< trace 30) lockdown)', '(= trace 40)', '(< trace timer)'),
  );
  const hold = fc.array(atom, { minLength: 1, maxLength: 3 }).map((xs) => (xs.length === 1 ? (xs[0] as string) : `(and ${xs.join(' ')})`));
  const value = fc.oneof(fc.integer({ min: -10, max: 110 }), fc.constant(Number.NaN), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant('hr'));
  const record = fc.record({ trace: value, timer: value, alarms: value, noise: value, lockdown: value, timeout: value });

  it('the hold index says "all hold" only when every compiled predicate does (property)', () => {
    fc.assert(
      fc.property(fc.array(hold, { minLength: 1, maxLength: 12 }), fc.array(record, { minLength: 1, maxLength: 8 }), (sources, records) => {
        const holds = sources.map((s) => ({ form: read(s), test: compilePredicate(s, NAMES) }));
        const index = buildHoldIndex(holds, NAMES);
        for (const r of records) {
          const v = r as Record<string, number | boolean | string | null>;
          let all: boolean;
          try {
            all = index.allHold(v);
          } catch {
            all = false;
          }
          if (!all) continue;
          for (const h of holds) expect(h.test(v)).toBe(true);
        }
        // And for records the index passes when it should: all plain numbers below every bound.
        const calm = { trace: -100, timer: -100, alarms: -100, noise: -100, lockdown: false, timeout: false };
        if (holds.every((h) => { try { return h.test(calm); } catch { return false; } })) expect(index.allHold(calm)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a watch list reports the same violations as calling every predicate (property)', () => {
    fc.assert(
      fc.property(fc.array(hold, { minLength: 1, maxLength: 12 }), fc.array(record, { minLength: 1, maxLength: 8 }), (sources, records) => {
        const list = new WatchList(NAMES);
        const tests = sources.map((s, i) => ({ goal: `h${i}`, test: compilePredicate(s, NAMES), form: read(s) }));
        for (const t of tests) list.addHold(t.goal, t.test, t.form);
        const alive = new Set(tests.map((t) => t.goal));
        for (const r of records) {
          const v = r as Record<string, number | boolean | string | null>;
          const expected = tests.filter((t) => alive.has(t.goal)).filter((t) => {
            try {
              return !t.test(v);
            } catch {
              // Not judged is not held.
              return true;
            }
          });
          const got = list.check(v)?.violated ?? [];
          expect(got).toEqual(expected.map((t) => t.goal));
          for (const g of got) alive.delete(g);
        }
        expect(list.holdCount).toBe(alive.size);
      }),
      { numRuns: 300 },
    );
  });

  it('holds compile once, with the schema: a tick calls closures and reads no source', () => {
    const schema = glassPayroll();
    const ghost = schema.pools[0]?.goals[0];
    expect(typeof ghost?.hold?.test).toBe('function');
    const m = instance(schema, { seed: seedDrawing(schema, ['ghost']) });
    ok(m.complete('breach'));
    expect(m.tick(vars({ trace: 12 }))).toEqual([]);
  });
});
