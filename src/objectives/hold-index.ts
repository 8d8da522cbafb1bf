import { type Predicate, type PredicateVars, compilePredicate } from '../lisp/compile-predicate.js';
import { print } from '../lisp/printer.js';
import { Cons, Sym, type Value, list, listToArray } from '../lisp/values.js';
import { at } from '../assert.js';

/**
 * A fast yes for "does every live hold still hold?", the question a tick asks
 * of every open `:hold` goal and nearly always answers yes.
 *
 * Calling each compiled predicate costs a call (and a keyed property load)
 * per hold: tens of nanoseconds each once a call site sees many predicates,
 * which at 32 holds is a visible slice of a cross-thread round trip. But holds
 * are mostly conjunctions of thresholds (`(< trace 50)`, `(and (< trace 60)
 * (>= timer 0))`, `(<= (+ alarms noise) 8)`) and flags (`(not lockdown)`).
 * Thresholds on the same quantity fold into the tightest one: every
 * `(< trace c)` holds iff trace < min(c). So a tick reads each watched variable
 * once and compares it with its bounds, calls one compiled predicate per
 * watched expression (its tightest threshold), and calls the remaining
 * ("generic") holds one by one.
 *
 * The index only ever says "all hold" or "look closer": on "look closer" (a
 * bound crossed, a variable missing or not a number, anything false or
 * throwing) the caller evaluates every hold's own compiled predicate, so the
 * verdicts and errors are exactly the compiled predicates' (a property test
 * holds the two to that).
 */
export interface HoldIndex {
  allHold(vars: PredicateVars): boolean;
}

type Op = '<' | '<=' | '>' | '>=';

type Atom =
  /** `(op quantity c)`, with the constant moved to the right. */
  | { readonly kind: 'bound'; readonly quantity: Value; readonly op: Op; readonly c: number }
  /** `flag` (truthy) or `(not flag)`. */
  | { readonly kind: 'flag'; readonly name: string; readonly truthy: boolean };

const MIRROR: Readonly<Record<Op, Op>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The conjuncts of a hold, if every one is a threshold or a flag; null if any is not. */
export function simpleAtoms(form: Value): Atom[] | null {
  const out: Atom[] = [];
  const walk = (f: Value): boolean => {
    if (f instanceof Sym) {
      out.push({ kind: 'flag', name: f.name, truthy: true });
      return true;
    }
    if (!(f instanceof Cons) || !(f.car instanceof Sym)) return false;
    const op = f.car.name;
    const args = listToArray(f.cdr);
    if (op === 'and') return args.every(walk);
    if (op === 'not' && args.length === 1 && args[0] instanceof Sym) {
      out.push({ kind: 'flag', name: args[0].name, truthy: false });
      return true;
    }
    if ((op === '<' || op === '<=' || op === '>' || op === '>=') && args.length === 2) {
      const [a, b] = args as [Value, Value];
      const quantity = (x: Value): boolean => x instanceof Sym || x instanceof Cons;
      if (quantity(a) && typeof b === 'number') out.push({ kind: 'bound', quantity: a, op, c: b });
      else if (typeof a === 'number' && quantity(b)) out.push({ kind: 'bound', quantity: b, op: MIRROR[op], c: a });
      else return false;
      return true;
    }
    return false;
  };
  return walk(form) ? out : null;
}

interface Bounds {
  /** v < lt, v <= le, v > gt, v >= ge: the tightest of each. */
  lt: number;
  le: number;
  gt: number;
  ge: number;
}

function tighten(b: Bounds, op: Op, c: number): void {
  if (op === '<') b.lt = Math.min(b.lt, c);
  else if (op === '<=') b.le = Math.min(b.le, c);
  else if (op === '>') b.gt = Math.max(b.gt, c);
  else b.ge = Math.max(b.ge, c);
}

function looseBounds(): Bounds {
  return { lt: Infinity, le: Infinity, gt: -Infinity, ge: -Infinity };
}

/**
 * A flag wanted true by one conjunct and false by another (in this hold or
 * against the holds already folded in) cannot be folded: that hold is left
 * to its own predicate.
 */
function flagsAgree(atoms: readonly Atom[], folded: ReadonlyMap<string, boolean>): boolean {
  const mine = new Map<string, boolean>();
  for (const a of atoms) {
    if (a.kind !== 'flag') continue;
    const want = mine.get(a.name) ?? folded.get(a.name);
    if (want !== undefined && want !== a.truthy) return false;
    mine.set(a.name, a.truthy);
  }
  return true;
}

export function buildHoldIndex(holds: readonly { readonly form: Value | null; readonly test: Predicate }[], variables: readonly string[]): HoldIndex {
  const byVariable = new Map<string, Bounds>();
  const byExpression = new Map<string, { quantity: Value; bounds: Bounds }>();
  const flags = new Map<string, boolean>();
  const calls: Predicate[] = [];
  for (const h of holds) {
    const atoms = h.form === null ? null : simpleAtoms(h.form);
    if (atoms === null || !flagsAgree(atoms, flags)) {
      calls.push(h.test);
      continue;
    }
    for (const a of atoms) {
      if (a.kind === 'flag') flags.set(a.name, a.truthy);
      else if (a.quantity instanceof Sym) {
        const b = byVariable.get(a.quantity.name) ?? looseBounds();
        tighten(b, a.op, a.c);
        byVariable.set(a.quantity.name, b);
      } else {
        const key = print(a.quantity);
        const e = byExpression.get(key) ?? { quantity: a.quantity, bounds: looseBounds() };
        tighten(e.bounds, a.op, a.c);
        byExpression.set(key, e);
      }
    }
  }
  // One compiled predicate per watched expression and bound: its tightest threshold.
  for (const { quantity, bounds } of byExpression.values()) {
    for (const [op, c] of [['<', bounds.lt], ['<=', bounds.le], ['>', bounds.gt], ['>=', bounds.ge]] as const) {
      if (Number.isFinite(c)) calls.push(compilePredicate(list(new Sym(op), quantity, c), variables));
    }
  }
  const names = [...byVariable.keys()];
  const bounds = [...byVariable.values()];
  const flagNames = [...flags.keys()];
  const flagWants = [...flags.values()];
  return {
    allHold(vars) {
      for (let i = 0; i < names.length; i++) {
        const b = at(bounds, i);
        const v = vars[names[i] as string];
        // A NaN fails every comparison, so it too falls through to the careful path.
        if (typeof v !== 'number' || !(v < b.lt && v <= b.le && v > b.gt && v >= b.ge)) return false;
      }
      for (let i = 0; i < flagNames.length; i++) {
        const v = vars[flagNames[i] as string];
        if (v === undefined || (v !== null && v !== false) !== flagWants[i]) return false;
      }
      for (let i = 0; i < calls.length; i++) if (!(at(calls, i))(vars)) return false;
      return true;
    },
  };
}
