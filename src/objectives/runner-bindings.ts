import type { PredicateValue } from '../lisp/compile-predicate.js';
import { defineNative } from '../lisp/builtins.js';
import type { Env } from '../lisp/env.js';
import { LispError } from '../lisp/errors.js';
import { print } from '../lisp/printer.js';
import { Cons, Keyword, LispMap, Sym, type Value, arrayToList, typeName } from '../lisp/values.js';
import type { MissionEvent } from './events.js';
import { eventToLisp, missionParamsToLisp, missionToLisp, phaseChainToLisp, settlementToLisp, verbErrorToLisp } from './lisp-view.js';
import type { Mission, VerbResult } from './mission.js';
import { renderPanel } from './panel.js';
import { BUCKETS, type Settlement, type SettleKind } from './settlement.js';
import { defaultVariables } from './variables.js';

export interface RunnerBindingOptions {
  /**
   * The designer's sandbox (issue item 11): also bind `set-var!`, `var`,
   * `vars`, `tick!`, `panel`, `complete-mission` and `abandon-mission`, and
   * bind each deck variable's name to itself so `(set-var! trace 60)` reads
   * as written.
   */
  readonly sandbox?: boolean;
  /** Starting variables (default: every variable at rest). */
  readonly variables?: Record<string, PredicateValue>;
  /** Called with every event the bound verbs cause. */
  readonly onEvent?: (e: MissionEvent) => void;
}

export interface RunnerBinding {
  readonly mission: Mission;
  /** The sandbox's variables record, as `set-var!` leaves it. */
  readonly variables: Record<string, PredicateValue>;
  settlement: Settlement | null;
}

/**
 * Bind a mission into a Lisp env: what the Mission Runner sees (seed 004
 * §5.1): `current-mission`, `mission-params`, `phase-chain` and the goal verbs
 * of seed 003 §7. A verb returns the goal's new state as a keyword (`:done`),
 * or, when it is illegal, an error map `{:error :locked :goal exfil …}` and
 * the mission is unchanged. Verbs take a goal name (`'exfil`, `:exfil`,
 * `"exfil"`) or a goal cell taken from `current-mission`.
 */
export function bindMission(env: Env, mission: Mission, options: RunnerBindingOptions = {}): RunnerBinding {
  const binding: RunnerBinding = { mission, variables: { ...(options.variables ?? defaultVariables(extraVariables(mission))) }, settlement: null };
  const refresh = (): void => {
    env.define('current-mission', missionToLisp(mission.snapshot()));
    env.define('mission-params', missionParamsToLisp(mission));
    env.define('phase-chain', phaseChainToLisp(mission));
  };
  const report = (events: readonly MissionEvent[]): void => {
    if (options.onEvent !== undefined) for (const e of events) options.onEvent(e);
    if (events.length > 0) refresh();
  };
  const verb = (name: string, run: (goal: string) => VerbResult): void => {
    defineNative(
      env,
      name,
      ([arg]) => {
        const result = run(goalName(arg ?? null, name));
        if (!result.ok) return verbErrorToLisp(result.error);
        report(result.events);
        return new Keyword(result.state);
      },
      1,
      1,
    );
  };
  verb('goal-complete', (g) => mission.complete(g));
  verb('goal-reveal', (g) => mission.reveal(g));
  verb('goal-choose', (g) => mission.choose(g));
  verb('goal-fail', (g) => mission.fail(g));
  verb('goal-state', (g) => mission.state(g));
  defineNative(
    env,
    'goal-info',
    ([arg]) => {
      const name = goalName(arg ?? null, 'goal-info');
      const snapshot = mission.snapshot();
      const cell = findCell(missionToLisp(snapshot), name);
      if (cell === null) return verbErrorToLisp({ code: 'unknown-goal', verb: 'goal-state', goal: name, state: null, message: `goal-info ${name}: no goal named ${name}` });
      return cell;
    },
    1,
    1,
  );
  // Phases advance by themselves when their primaries are done; as on the live deck, this refreshes the bindings and gives the phase.
  defineNative(
    env,
    'advance-phase',
    () => {
      refresh();
      return mission.snapshot().activePhase;
    },
    0,
    0,
  );
  refresh();
  if (options.sandbox === true) bindSandbox(env, binding, refresh, report);
  return binding;
}

function bindSandbox(env: Env, binding: RunnerBinding, refresh: () => void, report: (events: readonly MissionEvent[]) => void): void {
  const { mission, variables } = binding;
  const known = mission.schema.variables;
  // A variable's name evaluates to itself here, so (set-var! trace 60) needs no quote.
  for (const name of known) if (env.lookup(name) === undefined) env.define(name, new Sym(name));
  const variableName = (v: Value, fn: string): string => {
    const name = v instanceof Sym || v instanceof Keyword ? v.name : typeof v === 'string' ? v : null;
    if (name === null || !known.includes(name)) {
      throw new LispError('type', `${fn}: ${name === null ? `expected a variable name, got ${typeName(v)}` : `unknown variable ${name}`} (variables: ${known.join(' ')})`);
    }
    return name;
  };
  defineNative(
    env,
    'set-var!',
    ([name, value]) => {
      const key = variableName(name ?? null, 'set-var!');
      const v = value ?? null;
      let stored: PredicateValue;
      if (v instanceof Sym) stored = v.name;
      else if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' || v instanceof Keyword) stored = v;
      else throw new LispError('type', `set-var!: a variable holds a number, boolean, name or nil, got ${typeName(v)}`);
      variables[key] = stored;
      return v;
    },
    2,
    2,
  );
  defineNative(env, 'var', ([name]) => variables[variableName(name ?? null, 'var')] ?? null, 1, 1);
  defineNative(env, 'vars', () => LispMap.fromPairs(known.map((k) => [new Keyword(k), variables[k] ?? null])), 0, 0);
  defineNative(
    env,
    'tick!',
    () => {
      // One tick of deck time passes: the clock variables move, then every live condition is judged.
      for (const clock of ['tick', 'timer']) if (typeof variables[clock] === 'number') variables[clock] = (variables[clock] as number) + 1;
      const events = mission.tick(variables);
      report(events);
      return arrayToList(events.map(eventToLisp));
    },
    0,
    0,
  );
  defineNative(
    env,
    'panel',
    (_args, ctx) => {
      ctx.print(`${renderPanel(mission.snapshot())}\n`);
      return null;
    },
    0,
    0,
  );
  const settle = (kind: SettleKind, fn: string) => (args: readonly Value[], ctx: { print(text: string): void }) => {
    const arg = args[0];
    if (arg !== undefined && !(arg instanceof Cons && arg.car instanceof Sym && arg.car.name === 'mission')) {
      throw new LispError('type', `${fn}: expected current-mission, got ${typeName(arg)}`);
    }
    const result = mission.settle(kind);
    if (!result.ok) return LispMap.fromPairs([[new Keyword('error'), new Keyword('mission-over')], [new Keyword('message'), result.error.message]]);
    binding.settlement = result.settlement;
    report(result.events);
    refresh();
    ctx.print(`${describeSettlement(result.settlement)}\n`);
    return settlementToLisp(result.settlement);
  };
  defineNative(env, 'complete-mission', settle('complete', 'complete-mission'), 0, 1);
  defineNative(env, 'abandon-mission', settle('abandon', 'abandon-mission'), 0, 1);
}

/** A few lines a designer can read: the outcome, each currency's buckets, what was missing. */
export function describeSettlement(s: Settlement): string {
  const lines = [`mission ${s.outcome} (${s.reason})`];
  for (const kind of ['¤', 'rep', 'intel'] as const) {
    const b = s.currencies[kind];
    lines.push(`${kind.padEnd(7)}${BUCKETS.map((k) => `${k} ${b[k]}`).join(' · ')}`);
  }
  const access = s.currencies.access;
  lines.push(`access ${BUCKETS.map((k) => `${k} ${access[k].length === 0 ? '-' : access[k].join(',')}`).join(' · ')}`);
  lines.push(`missing: ${s.missing.length === 0 ? 'nothing' : s.missing.map((g) => `${g.goal} :${g.state}${g.final === g.state ? '' : `→:${g.final}`}`).join(', ')}`);
  return lines.join('\n');
}

function goalName(arg: Value, fn: string): string {
  if (arg instanceof Sym || arg instanceof Keyword) return arg.name;
  if (typeof arg === 'string') return arg;
  if (arg instanceof Cons && arg.car instanceof Sym && arg.car.name === 'goal' && arg.cdr !== null && arg.cdr.car instanceof Sym) return arg.cdr.car.name;
  throw new LispError('type', `${fn}: expected a goal name ('exfil) or a goal cell, got ${arg === null ? 'nil' : print(arg).slice(0, 40)}`);
}

function findCell(form: Value, name: string): Value | null {
  if (!(form instanceof Cons)) return null;
  if (form.car instanceof Sym && form.car.name === 'goal' && form.cdr?.car instanceof Sym && form.cdr.car.name === name) return form;
  for (let c: Cons | null = form; c !== null; c = c.cdr) {
    const hit = findCell(c.car, name);
    if (hit !== null) return hit;
  }
  return null;
}

function extraVariables(m: Mission): string[] {
  return m.schema.variables.filter((v) => !(v in defaultVariables()));
}
