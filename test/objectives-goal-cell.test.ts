import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { read, readAll } from '../src/lisp/reader.js';
import { ObjectiveError } from '../src/objectives/errors.js';
import { parseGoal } from '../src/objectives/goal-cell.js';
import { bountyOf } from '../src/objectives/rewards.js';

const SEED_003 = readFileSync(new URL('./fixtures/seed-003-glass-payroll.lisp', import.meta.url), 'utf8');

function rejects(source: string): ObjectiveError {
  try {
    parseGoal(read(source, 'cell.lisp'));
  } catch (err) {
    if (err instanceof ObjectiveError) return err;
    throw err;
  }
  throw new Error(`expected ${source} to be rejected`);
}

describe('goal cells (seed 003 §2)', () => {
  it('reads the §2 and §4 cells verbatim: four facets, text, hold, state', () => {
    const forms = readAll(SEED_003, 'seed-003.lisp');
    const exfil = parseGoal(forms[0] ?? null);
    expect(exfil).toMatchObject({ name: 'payroll-exfil', text: 'EXFIL payroll ledger', role: 'primary', reveal: 'briefed', authoredState: 'open', requires: [], hold: null });
    expect(exfil.rewards).toEqual([{ kind: '¤', amount: 900, scale: null, flag: null, when: 'on-resolve', pos: expect.anything() }]);
    const ghost = parseGoal(forms[1] ?? null);
    expect(ghost).toMatchObject({ name: 'ghost', role: 'optional', reveal: 'briefed' });
    expect(ghost.hold?.source).toBe('(< trace 50)');
    expect(ghost.hold?.test({ trace: 49 })).toBe(true);
    expect(ghost.hold?.test({ trace: 50 })).toBe(false);
    expect(ghost.rewards.map((r) => [r.kind, r.amount, r.when])).toEqual([['rep', 4, 'on-resolve']]);
  });

  it('reads every facet and link, with defaults: :optional, :briefed, :on-complete', () => {
    const g = parseGoal(
      read(`(goal exec-bonus :reveal :latent :at (node HR) :requires (breach) :excludes stealth :voids (ghost mirror)
               :fail-on (> timer 600) :reward ((¤ (scale 700)) (intel 1) (access :vault-key :deferred) (rep 2 :recurring)))`),
    );
    expect(g).toMatchObject({ role: 'optional', reveal: 'latent', requires: ['breach'], excludes: ['stealth'], voids: ['ghost', 'mirror'] });
    expect(g.at).toEqual({ variable: 'node', name: 'hr', source: '(node HR)' });
    expect(g.failOn?.source).toBe('(> timer 600)');
    expect(g.rewards.map((r) => [r.kind, r.amount, r.scale, r.flag, r.when])).toEqual([
      ['¤', null, 700, null, 'on-complete'],
      ['intel', 1, null, null, 'on-complete'],
      ['access', null, null, 'vault-key', 'deferred'],
      ['rep', 2, null, null, 'recurring'],
    ]);
  });

  it('§2.1: a latent primary authored :open is rejected, naming the goal and the rule', () => {
    const err = rejects('(goal escape :role :primary :reveal :latent :state :open)');
    expect(err.rule).toBe('primary-briefed');
    expect(err.goal).toBe('escape');
    expect(err.message).toMatch(/^cell\.lisp:1:\d+: goal escape: .*briefed.*\[primary-briefed\]$/);
    expect(rejects('(goal bonus :reveal :latent :state :open)').rule).toBe('latent-locked');
    // The same cells without the offending state are fine: latent goals start locked.
    expect(parseGoal(read('(goal escape :role :primary :reveal :latent)')).reveal).toBe('latent');
  });

  it('rejects contradictory or malformed cells with the rule they break', () => {
    const cases: [string, string][] = [
      ['(goal a :state :done)', 'authored-state'],
      ['(goal a :requires b :state :open)', 'authored-state'],
      ['(goal a :rewrad ())', 'unknown-key'],
      ['(goal a :role :primary :role :optional)', 'duplicate-key'],
      ['(goal a :role :boss)', 'syntax'],
      ['(goal a :requires a)', 'self-reference'],
      ['(goal a :reward ((gold 5)))', 'reward'],
      ['(goal a :reward ((rep (scale 4))))', 'reward'],
      ['(goal a :reward ((rep -4)))', 'reward'],
      ['(goal a :reward ((rep 1.5)))', 'reward'],
      ['(goal a :reward ((¤ 5 :someday)))', 'reward'],
      ['(goal a :reward ((access 3)))', 'reward'],
      ['(goal a :reward ((¤ 2000000000)))', 'limit'],
      ['(goal a :reward ((rep 1) (rep 1) (rep 1) (rep 1) (rep 1) (rep 1) (rep 1)))', 'limit'],
      ['(goal a :hold (< trcae 50))', 'hold'],
      ['(goal a :hold (< trace :high))', 'hold'],
      ['(goal a :fail-on (launch-missiles))', 'fail-on'],
      ['(goal a :at (node hr))', 'at'],
      ['(goal a :reveal :latent :at (room hr))', 'at'],
      ['(goal a :branch ((b)))', 'group'],
      ['(goal a :any ((b :role :primary) (c)))', 'group'],
      ['(goal a :branch ((b) (c)) :any ((d) (e)))', 'group'],
      ['(goal a :hold (< trace 5) :branch ((b) (c)))', 'group'],
      [`(goal ${'x'.repeat(49)})`, 'limit'],
      [`(goal a :text "${'y'.repeat(97)}")`, 'limit'],
      ['(goal "a")', 'syntax'],
      ['(task a)', 'syntax'],
    ];
    for (const [source, rule] of cases) expect(rejects(source).rule, source).toBe(rule);
    // The positive side of the same limits.
    expect(parseGoal(read(`(goal ${'x'.repeat(48)} :text "${'y'.repeat(96)}" :reward ((rep 1) (rep 1) (rep 1) (rep 1) (rep 1) (rep 1)))`)).rewards).toHaveLength(6);
  });

  it('"no bounty" is one of exactly three things (§3.3), and the cell says which', () => {
    const bounty = (source: string): string => {
      const g = parseGoal(read(source));
      return bountyOf(g.rewards, g.role);
    };
    expect(bounty('(goal a :reward ((¤ 100)))')).toBe('credits');
    expect(bounty('(goal ghost :reward ((rep 4 :on-resolve)))')).toBe('other-currency');
    expect(bounty('(goal gate :role :primary :reward ())')).toBe('gate');
    expect(bounty('(goal flex :role :optional :reward ())')).toBe('expressive');
    expect(bounty('(goal flex)')).toBe('expressive');
  });

  it('reads branch children as §6 writes them, :optional unless they say otherwise', () => {
    const g = parseGoal(read('(goal exfil :role :primary :branch ((mirror :reward ((rep 4 :on-resolve))) (goal corrupt :role :primary :voids (ghost))))'));
    expect(g.group?.kind).toBe('branch');
    expect(g.group?.children.map((c) => [c.name, c.role, c.voids])).toEqual([
      ['mirror', 'optional', []],
      ['corrupt', 'primary', ['ghost']],
    ]);
  });
});
