import { type Predicate, type PredicateVars, compilePredicate } from '../lisp/compile-predicate.js';
import { LispError } from '../lisp/errors.js';
import { read } from '../lisp/reader.js';
import type { Value } from '../lisp/values.js';
import { type AtTrigger, atMatches } from './conditions.js';
import { type HoldIndex, buildHoldIndex } from './hold-index.js';
import { type ClockTiming, clockTiming, nextFlip } from './clock-thresholds.js';

/**
 * Holds and escalations (seed 003 §4, §6): what the engine watches every tick.
 *
 * A WatchList is the set of live checks: the `:hold` of every open goal, the
 * `:fail-on` of every open goal, every armed escalation not yet fired, and the
 * `:at` trigger of every unrevealed latent goal in a reached phase. `check`
 * runs them all against one variables record and returns the verdicts, or
 * null when nothing happened (the common case allocates nothing).
 *
 * The same class serves both placements: a mission ticks its own list
 * (`Mission.tick`), and the hold ticker actor on another thread builds one from
 * `Mission.watchSpec()` (plain data: predicate sources, not closures) with
 * `HoldWatcher.fromSpec`, then sends the verdicts back to Mission Control,
 * which applies them with `Mission.applyVerdicts`. A verdict is reported once;
 * a stale one (the goal closed meanwhile) is ignored when applied.
 */
export interface Verdicts {
  /** Goals whose `:hold` stopped holding. */
  readonly violated: string[];
  /** Goals whose `:fail-on` held. */
  readonly failed: string[];
  /** Escalations whose condition held. */
  readonly fired: number[];
  /** Latent goals whose `:at` trigger matched. */
  readonly revealed: string[];
  /** Checks that could not be evaluated (reported once each per watch list); a hold among them is also violated. */
  readonly errors: { readonly goal: string; readonly message: string }[];
}

/** The live checks as plain data, for the hold ticker's thread. `version` changes whenever the set does. */
export interface WatchSpec {
  readonly version: number;
  readonly variables: readonly string[];
  readonly holds: readonly { readonly goal: string; readonly source: string }[];
  readonly failOns: readonly { readonly goal: string; readonly source: string }[];
  readonly escalations: readonly { readonly id: number; readonly goal: string; readonly source: string }[];
  readonly reveals: readonly { readonly goal: string; readonly variable: string; readonly name: string }[];
}

interface Check {
  readonly goal: string;
  readonly test: Predicate;
  /** Reported already: a check gives its verdict once. */
  spent: boolean;
  /** When the check can change its answer on unchanged variables (clock-thresholds.ts). */
  readonly timing: ClockTiming;
}

interface Hold {
  readonly goal: string;
  readonly test: Predicate;
  /** The predicate's form, for the hold index; null to always call `test`. */
  readonly form: Value | null;
  readonly timing: ClockTiming;
}

export class WatchList {
  /** `variables`: what the predicates may read (the schema's), for the predicates the index compiles. */
  constructor(private readonly variables: readonly string[]) {}

  private holds: Hold[] = [];
  private index: HoldIndex | null = null;
  private readonly failOns: Check[] = [];
  private readonly escalations: (Check & { readonly id: number })[] = [];
  private readonly reveals: { readonly goal: string; readonly trigger: AtTrigger; spent: boolean }[] = [];
  /** Errors already reported, by check. */
  private readonly errored = new Set<string>();

  addHold(goal: string, test: Predicate, form: Value | null = null): void {
    this.holds.push({ goal, test, form, timing: clockTiming(form) });
    this.index = null;
  }

  /** `form`: the predicate's, so the ticker knows when the clock alone can change its answer (null: any tick). */
  addFailOn(goal: string, test: Predicate, form: Value | null = null): void {
    this.failOns.push({ goal, test, spent: false, timing: clockTiming(form) });
  }

  addEscalation(id: number, goal: string, test: Predicate, form: Value | null = null): void {
    this.escalations.push({ id, goal, test, spent: false, timing: clockTiming(form) });
  }

  addReveal(goal: string, trigger: AtTrigger): void {
    this.reveals.push({ goal, trigger, spent: false });
  }

  /** Live holds (a violated one leaves the list). */
  get holdCount(): number {
    return this.holds.length;
  }

  /**
   * The first tick after `tick` at which some live check could answer differently although no
   * variable but `tick` and `timer` moved (a threshold on them crossed, or a check that reads them
   * some other way: the very next tick); Infinity when none can. `startTick`: where `timer` counts
   * from. `:at` triggers match names, never the clock's numbers, so only telemetry moves them.
   */
  nextChange(tick: number, startTick: number): number {
    let next = Infinity;
    for (const h of this.holds) next = Math.min(next, nextFlip(h.timing, tick, startTick));
    for (const c of this.failOns) if (!c.spent) next = Math.min(next, nextFlip(c.timing, tick, startTick));
    for (const c of this.escalations) if (!c.spent) next = Math.min(next, nextFlip(c.timing, tick, startTick));
    return next;
  }

  check(vars: PredicateVars): Verdicts | null {
    let out: Verdicts | null = null;
    if (this.holds.length > 0) {
      // The hot path: the index answers "all hold" without calling each predicate (hold-index.ts).
      const index = (this.index ??= buildHoldIndex(this.holds, this.variables));
      let all: boolean;
      try {
        all = index.allHold(vars);
      } catch {
        all = false;
      }
      if (!all) out = this.slowHolds(vars, out);
    }
    if (this.failOns.length > 0) out = this.run(this.failOns, vars, out, (v, c) => v.failed.push(c.goal), ':fail-on');
    if (this.escalations.length > 0) out = this.run(this.escalations, vars, out, (v, c) => v.fired.push(c.id), 'escalation condition');
    for (const r of this.reveals) {
      if (r.spent || !atMatches(r.trigger, vars)) continue;
      r.spent = true;
      (out ??= empty()).revealed.push(r.goal);
    }
    return out;
  }

  /**
   * The index said "look closer": call every hold's compiled predicate. A
   * violated hold is reported and leaves the list (it is reported once, and
   * the index must not keep stopping on it).
   */
  private slowHolds(vars: PredicateVars, out: Verdicts | null): Verdicts | null {
    const kept: Hold[] = [];
    for (const h of this.holds) {
      try {
        if (h.test(vars)) {
          kept.push(h);
          continue;
        }
        (out ??= empty()).violated.push(h.goal);
      } catch (err) {
        // A hold is certified by the engine judging it every tick; one it cannot judge is not held
        // (`(set-var! noise "loud")` against `(< noise 5)`), so it is violated, and the error says why.
        out = this.error(out, `hold:${h.goal}`, h.goal, ':hold', err);
        (out ??= empty()).violated.push(h.goal);
      }
    }
    if (kept.length !== this.holds.length) {
      this.holds = kept;
      this.index = null;
    }
    return out;
  }

  private run<C extends Check>(checks: readonly C[], vars: PredicateVars, out: Verdicts | null, hit: (v: Verdicts, c: C) => void, what: string): Verdicts | null {
    for (const c of checks) {
      if (c.spent) continue;
      try {
        if (!c.test(vars)) continue;
        c.spent = true;
        hit((out ??= empty()), c);
      } catch (err) {
        out = this.error(out, `${what}:${c.goal}`, c.goal, what, err);
      }
    }
    return out;
  }

  private error(out: Verdicts | null, key: string, goal: string, what: string, err: unknown): Verdicts | null {
    if (this.errored.has(key)) return out;
    this.errored.add(key);
    const message = `${what} of ${goal}: ${err instanceof LispError ? err.message : err instanceof Error ? err.message : String(err)}`;
    (out ??= empty()).errors.push({ goal, message });
    return out;
  }
}

function empty(): Verdicts {
  return { violated: [], failed: [], fired: [], revealed: [], errors: [] };
}

/** The hold ticker's side: compile a WatchSpec (sources) into a WatchList, once per spec version. */
export const HoldWatcher = {
  fromSpec(spec: WatchSpec): WatchList {
    const list = new WatchList(spec.variables);
    const compile = (source: string): { form: Value; test: Predicate } => {
      const form = read(source);
      return { form, test: compilePredicate(form, spec.variables) };
    };
    for (const h of spec.holds) {
      const { form, test } = compile(h.source);
      list.addHold(h.goal, test, form);
    }
    for (const f of spec.failOns) {
      const { form, test } = compile(f.source);
      list.addFailOn(f.goal, test, form);
    }
    for (const e of spec.escalations) {
      const { form, test } = compile(e.source);
      list.addEscalation(e.id, e.goal, test, form);
    }
    for (const r of spec.reveals) list.addReveal(r.goal, { variable: r.variable, name: r.name, source: `(${r.variable} ${r.name})` });
    return list;
  },
};
