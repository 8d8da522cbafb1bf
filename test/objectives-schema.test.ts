import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAll } from '../src/lisp/reader.js';
import { ObjectiveError } from '../src/objectives/errors.js';
import { MAX_GOALS_PER_PHASE, MAX_PHASES } from '../src/objectives/limits.js';
import { parseContractSchema, readContractSchemas } from '../src/objectives/schema.js';

const SEED_003 = readFileSync(new URL('./fixtures/seed-003-glass-payroll.lisp', import.meta.url), 'utf8');
const GLASS_PAYROLL = readFileSync(new URL('../actors/cartridge/games/ice-breaker/glass-payroll.lisp', import.meta.url), 'utf8');

function schemaError(text: string): ObjectiveError {
  try {
    readContractSchemas(text, 'bad.lisp');
  } catch (err) {
    if (err instanceof ObjectiveError) return err;
    throw err;
  }
  throw new Error('expected the schema to be rejected');
}

const wrap = (objectives: string, extra = ''): string => `(defcontract-schema :t ${extra}\n :objectives ${objectives})`;

describe('defcontract-schema :objectives (seed 003 §6)', () => {
  it("reads §6's schema as written: :objectives followed by (spine …) and (limbs …)", () => {
    const form = readAll(SEED_003, 'seed-003.lisp').find((f) => f !== null && (f as { car?: { name?: string } }).car?.name === 'defcontract-schema');
    const schema = parseContractSchema(form ?? null);
    expect(schema.name).toBe('corporate-extraction');
    expect(schema.payoutFormula).toBe('extract-payout');
    expect(schema.threatRange).toEqual([2, 4]);
    expect(schema.phases).toHaveLength(1);
    expect(schema.phases[0]?.map((g) => g.name)).toEqual(['breach', 'exfil']);
    expect(schema.phases[0]?.[1]?.group?.children.map((c) => c.name)).toEqual(['mirror', 'corrupt']);
    expect(schema.pools).toHaveLength(1);
    expect(schema.pools[0]?.draw).toEqual({ min: 0, max: 2 });
    expect(schema.pools[0]?.goals.map((g) => g.name)).toEqual(['ghost', 'exec-bonus']);
    expect(schema.escalations.map((e) => [e.condition.source, e.goal.name, e.goal.role, e.goal.failOn?.source])).toEqual([['(>= trace 75)', 'escape', 'primary', 'timeout']]);
    // Mission Control's keys are kept as read.
    expect([...schema.options.keys()]).toEqual(['required-capabilities', 'threat-range', 'payout-formula']);
  });

  it('ships GLASS PAYROLL with the ICE BREAKER cart', () => {
    const [schema, ...more] = readContractSchemas(GLASS_PAYROLL, 'glass-payroll.lisp');
    expect(more).toEqual([]);
    expect(schema?.name).toBe('glass-payroll');
    expect(schema?.threatRange).toEqual([3, 3]);
    expect(schema?.phases[0]?.map((g) => g.text)).toEqual(['Breach the payroll subnet', 'Exfil the payroll ledger']);
  });

  it('reads phased spines and limbs with :phase', () => {
    const schema = readContractSchemas(
      wrap(`(spine (phase-1 (goal a :role :primary)) (phase-2 (goal b :role :primary :requires a)) (phase-3 (goal c :role :primary)))
            (limbs (optional-pool :draw 1 :phase 2 (goal o :reward ((rep 1)))) (escalation :phase 3 (on (> alarms 2) (goal e :reveal :latent))))`, ':phase-count 3'),
    )[0];
    expect(schema?.phases.map((p) => p.map((g) => g.name))).toEqual([['a'], ['b'], ['c']]);
    expect(schema?.pools[0]).toMatchObject({ phase: 1, draw: { min: 1, max: 1 } });
    expect(schema?.escalations[0]?.phase).toBe(2);
  });

  it('rejects schemas that break a cross-goal rule, naming the goal, the rule and the line', () => {
    const cases: [string, string, string | null][] = [
      [wrap('(spine (goal a :role :primary) (goal a))'), 'duplicate-goal', 'a'],
      [wrap('(spine (goal a :role :primary :requires zed))'), 'unknown-goal', 'a'],
      [wrap('(spine (goal a :role :primary :voids (zed)))'), 'unknown-goal', 'a'],
      [wrap('(spine (goal a :role :primary :requires b) (goal b :requires a))'), 'requires-cycle', 'b'],
      [wrap('(spine (goal a :role :primary :requires o)) (limbs (optional-pool (goal o)))'), 'requires-undrawn', 'a'],
      [wrap('(spine (phase-1 (goal a :role :primary :requires b)) (phase-2 (goal b :role :primary)))'), 'requires-later-phase', 'a'],
      [wrap('(spine (phase-1 (goal a :role :primary)) (phase-2 (goal b)))'), 'phase', null],
      [wrap('(spine (phase-1 (goal a :role :primary)) (phase-3 (goal b :role :primary)))'), 'phase', null],
      [wrap('(spine (phase-1 (goal a :role :primary)) (goal b))'), 'phase', null],
      [wrap('(spine (goal a :role :primary))', ':phase-count 2'), 'phase', null],
      [wrap('(spine (phase-1 (goal a :role :primary)) (phase-2 (goal b :role :primary :state :open)))'), 'authored-state', 'b'],
      [wrap('(spine (goal a :role :primary :branch ((b :state :open) (c))))'), 'authored-state', 'b'],
      [wrap('(spine (goal a :role :primary :branch ((b :voids (a)) (c))))'), 'group', 'b'],
      [wrap('(spine (goal a :role :primary)) (limbs (optional-pool :draw 0..3 (goal o) (goal p)))'), 'draw', null],
      [wrap('(spine (goal a :role :primary)) (limbs (optional-pool :draw lots (goal o)))'), 'draw', null],
      [wrap('(spine (goal a :role :primary)) (limbs (escalation (on (> trace 5) (goal e))))'), 'escalation', 'e'],
      [wrap('(spine (goal a :role :primary)) (limbs (escalation (on (> trace 5) (goal e :reveal :latent :at (node x)))))'), 'escalation', 'e'],
      [wrap('(spine (goal a :role :primary)) (limbs (escalation (on (> tarce 5) (goal e :reveal :latent))))'), 'escalation', 'e'],
      [wrap('(spine (goal a :role :primary)) (limbs (optional-pool :phase 2 (goal o)))'), 'phase', null],
      [wrap('(spine (goal a :role :primary)) (limbs (side-quest))'), 'syntax', null],
      [wrap('(limbs (optional-pool (goal o)))'), 'syntax', null],
      ['(defcontract-schema :t :threat-range (2 4))', 'syntax', null],
      ['(defcontract-schema "t" :objectives (spine (goal a :role :primary)))', 'syntax', null],
    ];
    for (const [text, rule, goal] of cases) {
      const err = schemaError(text);
      expect(err.rule, text).toBe(rule);
      expect(err.goal, text).toBe(goal);
      expect(err.message, text).toMatch(/^bad\.lisp:\d+:\d+: /);
    }
  });

  it(`holds a phase to ${MAX_GOALS_PER_PHASE} goals in the worst draw, and a spine to ${MAX_PHASES} phases`, () => {
    const goals = (n: number, prefix: string): string => Array.from({ length: n }, (_, i) => `(goal ${prefix}${i})`).join(' ');
    // 95 + a primary = 96 fits; a pool that could add one more does not.
    expect(readContractSchemas(wrap(`(spine (goal p :role :primary) ${goals(95, 'g')})`))[0]?.phases[0]).toHaveLength(96);
    expect(schemaError(wrap(`(spine (goal p :role :primary) ${goals(95, 'g')}) (limbs (optional-pool :draw 0..1 (goal o)))`)).rule).toBe('limit');
    expect(readContractSchemas(wrap(`(spine (goal p :role :primary) ${goals(95, 'g')}) (limbs (optional-pool :draw 0 (goal o)))`))).toHaveLength(1);
    const phases = (n: number): string => Array.from({ length: n }, (_, i) => `(phase-${i + 1} (goal p${i} :role :primary))`).join(' ');
    expect(readContractSchemas(wrap(`(spine ${phases(MAX_PHASES)})`))[0]?.phases).toHaveLength(MAX_PHASES);
    expect(schemaError(wrap(`(spine ${phases(MAX_PHASES + 1)})`)).rule).toBe('limit');
  });
});
