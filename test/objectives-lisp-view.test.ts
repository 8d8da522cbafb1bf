import { describe, expect, it } from 'vitest';
import { createEnv } from '../src/lisp/builtins.js';
import { evaluateSource } from '../src/lisp/evaluator.js';
import { print } from '../src/lisp/printer.js';
import { read } from '../src/lisp/reader.js';
import { equal } from '../src/lisp/equal.js';
import { missionToLisp } from '../src/objectives/lisp-view.js';
import { bindMission } from '../src/objectives/runner-bindings.js';
import { glassPayroll, instance, seedDrawing } from './helpers/objectives.js';

describe('current-mission and the goal verbs as Lisp (seed 003 §7, §8)', () => {
  const schema = glassPayroll();
  const seed = seedDrawing(schema, ['ghost']);

  async function runner(sandbox = false): Promise<(src: string) => Promise<string>> {
    const env = createEnv();
    bindMission(env, instance(schema, { seed }), { sandbox });
    return async (src) => print(await evaluateSource(src, env));
  }

  it('is the nested list (mission (phase-1 goal-cell…)), readable back as it prints', () => {
    const value = missionToLisp(instance(schema, { seed }).snapshot());
    const text = print(value);
    expect(text.startsWith('(mission (phase-1 (goal breach :text "Breach the payroll subnet" :role :primary :reveal :briefed :reward ((¤ 600 :on-complete)) :state :open)')).toBe(true);
    expect(text).toContain(':branch ((goal mirror');
    expect(text).toContain('(goal ghost :text "Ghost run — hold trace < 50" :role :optional :reveal :briefed :reward ((rep 4 :on-resolve)) :state :open :hold (< trace 50))');
    expect(text).toContain('(goal escape :text "ESCAPE before lockdown" :role :primary :reveal :latent :reward nil :state :locked :fail-on timeout :spawns-on (>= trace 75))');
    expect(equal(read(text), value)).toBe(true);
  });

  it('can be walked with CAR/CDR, and a goal cell handed back to a verb', async () => {
    const run = await runner();
    expect(await run('(car current-mission)')).toBe('mission');
    expect(await run('(car (car (cdr current-mission)))')).toBe('phase-1');
    expect(await run('(nth 1 (car (cdr (car (cdr current-mission)))))')).toBe('breach');
    expect(await run('(goal-state (car (cdr (car (cdr current-mission)))))')).toBe(':open');
    expect(await run("(goal-complete 'breach)")).toBe(':done');
    // current-mission is rebound after a change: the exfil cell is now open.
    expect(await run('(goal-state (nth 2 (car (cdr current-mission))))')).toBe(':open');
    expect(await run("(mission-params :objectives)")).toBe('(breach exfil mirror corrupt ghost escape)');
    expect(await run("(get (car phase-chain) :done)")).toBe('(breach)');
  });

  it('verbs return the new state as a keyword, or an error map and change nothing', async () => {
    const run = await runner();
    expect(await run("(goal-choose 'mirror)")).toBe(
      '{:error :choice-locked :verb goal-choose :goal mirror :state :locked :message "goal-choose mirror: the branch of exfil opens when exfil does; exfil is :locked"}',
    );
    expect(await run("(goal-state :mirror)")).toBe(':locked');
    expect(await run('(goal-state "breach")')).toBe(':open');
    expect(await run("(:error (goal-complete 'nope))")).toBe(':unknown-goal');
    await expect(run('(goal-state 42)')).rejects.toThrow(/expected a goal name/);
    expect(await run("(goal-info 'ghost)")).toMatch(/^\(goal ghost .* :hold \(< trace 50\)\)$/);
  });

  it('the sandbox adds set-var!, tick!, panel, complete-mission and abandon-mission', async () => {
    const run = await runner(true);
    expect(await run('(set-var! trace 60)')).toBe('60');
    expect(await run('(var trace)')).toBe('60');
    expect(await run('(tick!)')).toBe(
      '({:event :hold/violated :goal ghost :hold "(< trace 50)"} {:event :goal/changed :goal ghost :phase 1 :role :optional :briefed true :from :open :to :forfeit :cause :hold-violated})',
    );
    expect(await run('(var timer)')).toBe('1');
    await expect(run("(set-var! 'trcae 1)")).rejects.toThrow(/unknown variable trcae \(variables: trace timer/);
    await expect(run('(set-var! trcae 1)')).rejects.toThrow(/unbound symbol trcae/);
    expect(await run('(:outcome (abandon-mission))')).toBe(':abandoned');
    expect(await run('(:error (complete-mission current-mission))')).toBe(':mission-over');
  });
});
