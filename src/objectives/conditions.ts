import { type Predicate, type PredicateValue, type PredicateVars, compilePredicate } from '../lisp/compile-predicate.js';
import { LispError } from '../lisp/errors.js';
import type { Pos } from '../lisp/position.js';
import { print } from '../lisp/printer.js';
import { Cons, Keyword, Sym, type Value, listToArray } from '../lisp/values.js';
import { ObjectiveError } from './errors.js';
import { describe, fail, nameOf } from './lisp-forms.js';

/**
 * A `:hold`, `:fail-on` or escalation `on` condition: compiled once, when the
 * schema is read, into a synchronous closure (the Lisp issue's compiled
 * predicates) that every tick calls with the variables record. `source` is the
 * printed form, which is what crosses to the hold ticker's thread.
 */
export interface Condition {
  readonly form: Value;
  readonly source: string;
  readonly test: Predicate;
}

export function compileCondition(form: Value, variables: readonly string[], rule: 'hold' | 'fail-on' | 'escalation', what: string, goal: string | null, pos: Pos | undefined): Condition {
  try {
    return { form, source: print(form), test: compilePredicate(form, variables) };
  } catch (err) {
    if (err instanceof LispError) throw new ObjectiveError(rule, `${what} does not compile: ${err.reason}`, goal, err.pos ?? pos);
    throw err;
  }
}

/**
 * `:at (node hr)`: reveal a latent goal when the variable `node` names `hr`.
 * Decision: names compare case-insensitively and may be strings, keywords or
 * symbols on either side, so a cart reporting "HR" or :hr both match.
 */
export interface AtTrigger {
  readonly variable: string;
  readonly name: string;
  readonly source: string;
}

export function parseAt(form: Value, variables: readonly string[], goal: string, pos: Pos | undefined): AtTrigger {
  const parts = form instanceof Cons ? listToArray(form) : [];
  const [head, target] = parts;
  if (parts.length !== 2 || !(head instanceof Sym)) fail('at', `:at takes (variable name), like (node hr); found ${describe(form)}`, goal, pos);
  if (!variables.includes(head.name)) fail('at', `:at reads unknown variable ${head.name} (known: ${[...variables].sort().join(', ')})`, goal, pos);
  const name = nameOf(target ?? null);
  if (name === null || name.length === 0) fail('at', `:at needs a name to match, found ${describe(target ?? null)}`, goal, pos);
  return { variable: head.name, name: name.toLowerCase(), source: print(form) };
}

export function atMatches(trigger: AtTrigger, vars: PredicateVars): boolean {
  return nameMatches(vars[trigger.variable], trigger.name);
}

function nameMatches(value: PredicateValue | undefined, lowerName: string): boolean {
  if (typeof value === 'string') return value.toLowerCase() === lowerName;
  if (value instanceof Keyword) return value.name.toLowerCase() === lowerName;
  return false;
}

/**
 * How the panel says when an escalation fires: `(>= trace 75)` reads as
 * `trace 75` (seed 003 §9: "spawns @ trace 75"); anything else is printed.
 */
export function describeCondition(c: Condition): string {
  const f = c.form;
  if (f instanceof Cons) {
    const [op, a, b, ...rest] = listToArray(f);
    if (op instanceof Sym && rest.length === 0 && a instanceof Sym && typeof b === 'number') {
      if (op.name === '>=') return `${a.name} ${b}`;
      if (op.name === '>' || op.name === '<' || op.name === '<=' || op.name === '=') return `${a.name} ${op.name} ${b}`;
    }
  }
  if (f instanceof Sym) return f.name;
  return c.source;
}
