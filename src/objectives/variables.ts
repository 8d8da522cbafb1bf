import type { PredicateValue, PredicateVars } from '../lisp/compile-predicate.js';
import { ObjectiveError } from './errors.js';
import { MAX_VARIABLES } from './limits.js';

/**
 * The deck and mission variables that `:hold`, `:fail-on`, `on` conditions and
 * `:at` triggers read (seed 003 §4: "trace, mission timer, …"). The hold ticker
 * keeps one record of these, updated from cart telemetry and the clock, and
 * hands it to every tick. A predicate naming anything else does not compile.
 *
 * Decision: one channel. Revealing `:at (node hr)` and failing `:fail-on
 * timeout` read the same record as holds do (`node` is the node the operator
 * is in, `timeout` is set when the cart's lockdown timer runs out), so the
 * hold ticker needs no second kind of message and the designer's sandbox can
 * drive everything with `set-var!`.
 */
export const DEFAULT_VARIABLES: Readonly<Record<string, PredicateValue>> = Object.freeze({
  /** Trace level, 0..100. */
  trace: 0,
  /** Mission timer, in ticks since acceptance. */
  timer: 0,
  /** Deck tick. */
  tick: 0,
  /** The instance's threat level. */
  threat: 0,
  /** Alarms tripped so far. */
  alarms: 0,
  noise: 0,
  turns: 0,
  hunters: 0,
  depth: 0,
  /** The node the operator is in (a name: string or keyword), nil outside any. */
  node: null,
  /** The file last read, by name. */
  file: null,
  /** The alarm last tripped, by name. */
  alarm: null,
  /** The cart's lockdown timer ran out. */
  timeout: false,
  /** The target is in lockdown. */
  lockdown: false,
});

export const DEFAULT_VARIABLE_NAMES: readonly string[] = Object.keys(DEFAULT_VARIABLES);

/** The variable names a schema's predicates may use: the defaults plus any the host adds. */
export function variableNames(extra: readonly string[] = []): string[] {
  const names = [...new Set([...DEFAULT_VARIABLE_NAMES, ...extra])];
  if (names.length > MAX_VARIABLES) throw new ObjectiveError('limit', `${names.length} mission variables; the limit is ${MAX_VARIABLES}`);
  for (const n of extra) {
    if (!/^[a-z][a-z0-9-]*$/.test(n)) throw new ObjectiveError('syntax', `mission variable names are lowercase symbols, got '${n}'`);
  }
  return names;
}

/** A fresh record with every variable at its resting value (extra ones start at 0). */
export function defaultVariables(extra: readonly string[] = []): Record<string, PredicateValue> {
  const out: Record<string, PredicateValue> = { ...DEFAULT_VARIABLES };
  for (const n of extra) if (!(n in out)) out[n] = 0;
  return out;
}

export type MissionVariables = PredicateVars;
