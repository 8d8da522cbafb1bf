import { equal } from './equal.js';
import { LispError } from './errors.js';
import { MAX_DEPTH, MAX_PREDICATE_NODES } from './limits.js';
import type { Pos } from './position.js';
import { print } from './printer.js';
import { type ReadOptions, read } from './reader.js';
import { Cons, type Keyword, LispMap, Sym, type Value, Vec, listToArray, positionOf, truthy, typeName } from './values.js';
import { at } from '../assert.js';

/** What a `:hold` predicate may read: deck and mission variables (keywords as Keyword values). */
export type PredicateValue = number | boolean | string | Keyword | null;
export type PredicateVars = Readonly<Record<string, PredicateValue | undefined>>;
export type Predicate = (vars: PredicateVars) => boolean;

type Num = (vars: PredicateVars) => number;
type Bool = (vars: PredicateVars) => boolean;
type Any = (vars: PredicateVars) => PredicateValue;

/**
 * Compile a `:hold` predicate such as `(and (< trace 50) (>= timer 0))` into a
 * synchronous JS closure, checked every tick with no Promise and no env.
 *
 * `source` is source text (a JS string is always read as text) or an already
 * read form, e.g. the `:hold` value of a goal cell. Every symbol must be one of
 * `knownVariables`; an unknown one is a compile-time LispError naming it and its
 * line:col. Supported: numbers, strings, keywords, true/false/nil, variables,
 * `and or not`, `< > <= >= = not=`, `+ - * / mod min max abs`. The result agrees
 * with what the evaluator would compute for the same form (the tests hold it to
 * that), and a closure tree rather than generated JS keeps `eval` out entirely.
 */
export function compilePredicate(source: string | Value, knownVariables: Iterable<string>, options?: ReadOptions): Predicate {
  const form = typeof source === 'string' ? read(source, options) : source;
  const compiler = new PredicateCompiler(new Set(knownVariables));
  return compiler.bool(form, 0);
}

const COMPARISONS = new Set(['<', '>', '<=', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/', 'mod', 'min', 'max', 'abs']);
const SUPPORTED = ['and', 'or', 'not', '<', '>', '<=', '>=', '=', 'not=', '+', '-', '*', '/', 'mod', 'min', 'max', 'abs'];

function failNumber(name: string, x: unknown, pos: Pos | undefined): never {
  const what = x === undefined ? 'has no value' : `is ${typeName(x)}, not a number`;
  throw new LispError('type', `predicate variable ${name} ${what}`, pos);
}

function failArithmetic(op: string, why: string, pos: Pos | undefined): never {
  throw new LispError('arithmetic', `${op}: ${why}`, pos);
}

class PredicateCompiler {
  private nodes = 0;

  constructor(private readonly known: ReadonlySet<string>) {}

  private enter(form: Value, depth: number): void {
    if (++this.nodes > MAX_PREDICATE_NODES) throw new LispError('limit', `predicate has more than ${MAX_PREDICATE_NODES} parts`, positionOf(form));
    if (depth > MAX_DEPTH) throw new LispError('limit', `predicate nests deeper than ${MAX_DEPTH} levels`, positionOf(form));
  }

  private variable(sym: Sym): string {
    if (!this.known.has(sym.name)) {
      const known = [...this.known].sort().join(', ');
      throw new LispError('unbound', `unknown variable ${sym.name} in predicate (known: ${known === '' ? 'none' : known})`, sym.pos);
    }
    return sym.name;
  }

  /** A known variable's value, read at evaluation time; a variable left unset is a clear error, not `undefined`. */
  private reader(sym: Sym): Any {
    const name = this.variable(sym);
    const pos = sym.pos;
    return (vars) => {
      const x = vars[name];
      if (x === undefined) throw new LispError('type', `predicate variable ${name} has no value`, pos);
      return x;
    };
  }

  private call(form: Cons): { op: string; args: Value[] } {
    const head = form.car;
    if (!(head instanceof Sym) || !SUPPORTED.includes(head.name)) {
      throw new LispError('syntax', `${head instanceof Sym ? head.name : print(head)} is not available in a predicate (supported: ${SUPPORTED.join(' ')})`, form.pos);
    }
    return { op: head.name, args: listToArray(form.cdr) };
  }

  private unsupported(form: Value, want: string): never {
    throw new LispError('syntax', `expected ${want} in predicate, found ${print(form)} (a ${typeName(form)})`, positionOf(form));
  }

  /** A truth value. */
  bool(form: Value, depth: number): Bool {
    this.enter(form, depth);
    if (form instanceof Sym) {
      const read = this.reader(form);
      return (vars) => truthy(read(vars));
    }
    if (!(form instanceof Cons)) {
      if (form instanceof Vec || form instanceof LispMap) this.unsupported(form, 'a truth value');
      const t = truthy(form);
      return () => t;
    }
    const { op, args } = this.call(form);
    if (COMPARISONS.has(op)) return this.comparison(form, op, args, depth);
    if (op === '=' || op === 'not=') {
      arity(form, op, args.length, 2);
      const eq = this.equality(args, depth);
      return op === '=' ? eq : (vars) => !eq(vars);
    }
    if (op === 'not') {
      arity(form, op, args.length, 1, 1);
      const x = this.bool(at(args, 0), depth + 1);
      return (vars) => !x(vars);
    }
    if (op === 'and' || op === 'or') {
      const parts = args.map((a) => this.bool(a, depth + 1));
      return op === 'and' ? all(parts) : any(parts);
    }
    // Arithmetic: numbers are true, but it still runs for its errors.
    const n = this.num(form, depth);
    return (vars) => {
      n(vars);
      return true;
    };
  }

  /** A number. */
  num(form: Value, depth: number): Num {
    this.enter(form, depth);
    if (typeof form === 'number') return () => form;
    if (form instanceof Sym) {
      const name = this.variable(form);
      const pos = form.pos;
      return (vars) => {
        const x = vars[name];
        return typeof x === 'number' ? x : failNumber(name, x, pos);
      };
    }
    if (!(form instanceof Cons)) this.unsupported(form, 'a number');
    const { op, args } = this.call(form);
    if (!ARITHMETIC.has(op)) this.unsupported(form, 'a number');
    const parts = args.map((a) => this.num(a, depth + 1));
    return arithmetic(form, op, parts);
  }

  /** Any value, for the operands of = (and the values and/or pass through there). */
  any(form: Value, depth: number): Any {
    this.enter(form, depth);
    if (form instanceof Sym) return this.reader(form);
    if (form instanceof Cons) {
      const { op, args } = this.call(form);
      if (ARITHMETIC.has(op)) return this.num(form, depth);
      if (op === 'and' || op === 'or') {
        // Like the evaluator: the deciding value itself, not just its truth.
        const parts = args.map((a) => this.any(a, depth + 1));
        const stopOn = op === 'or';
        return (vars) => {
          let last: PredicateValue = op === 'and' ? true : null;
          for (const p of parts) {
            last = p(vars);
            if (truthy(last) === stopOn) return last;
          }
          return last;
        };
      }
      this.nodes--;
      return this.bool(form, depth);
    }
    if (form instanceof Vec || form instanceof LispMap) this.unsupported(form, 'a value');
    const value = form as PredicateValue;
    return () => value;
  }

  private comparison(form: Cons, op: string, args: Value[], depth: number): Bool {
    arity(form, op, args.length, 2);
    const parts = args.map((a) => this.num(a, depth + 1));
    if (parts.length === 2) {
      const [x, y] = args as [Value, Value];
      if (x instanceof Sym && typeof y === 'number') return compareVarConst(op, x.name, y, x.pos);
      if (typeof x === 'number' && y instanceof Sym) return compareConstVar(op, x, y.name, y.pos);
      if (x instanceof Sym && y instanceof Sym) return compareVarVar(op, x.name, x.pos, y.name, y.pos);
      const [a, b] = parts as [Num, Num];
      switch (op) {
        case '<':
          return (vars) => a(vars) < b(vars);
        case '>':
          return (vars) => a(vars) > b(vars);
        case '<=':
          return (vars) => a(vars) <= b(vars);
        default:
          return (vars) => a(vars) >= b(vars);
      }
    }
    const ok = op === '<' ? (x: number, y: number) => x < y : op === '>' ? (x: number, y: number) => x > y : op === '<=' ? (x: number, y: number) => x <= y : (x: number, y: number) => x >= y;
    return (vars) => {
      // Every operand is evaluated, as the evaluator evaluates every argument.
      const xs = parts.map((p) => p(vars));
      for (let i = 1; i < xs.length; i++) if (!ok(xs[i - 1] as number, xs[i] as number)) return false;
      return true;
    };
  }

  private equality(args: Value[], depth: number): Bool {
    const parts = args.map((a) => this.any(a, depth + 1));
    return (vars) => {
      const xs = parts.map((p) => p(vars));
      for (let i = 1; i < xs.length; i++) if (!equal(at(xs, i - 1), at(xs, i))) return false;
      return true;
    };
  }
}

/*
 * The common `:hold` shapes, a variable against a constant or another variable,
 * get a closure of their own with the lookup and type check inline: one call
 * instead of three, and each operator its own function literal so that V8
 * sees one target per call site and can inline the whole predicate.
 */

function compareVarConst(op: string, k: string, c: number, pos: Pos | undefined): Bool {
  switch (op) {
    case '<':
      return (vars) => {
        const x = vars[k];
        return typeof x === 'number' ? x < c : failNumber(k, x, pos);
      };
    case '>':
      return (vars) => {
        const x = vars[k];
        return typeof x === 'number' ? x > c : failNumber(k, x, pos);
      };
    case '<=':
      return (vars) => {
        const x = vars[k];
        return typeof x === 'number' ? x <= c : failNumber(k, x, pos);
      };
    default:
      return (vars) => {
        const x = vars[k];
        return typeof x === 'number' ? x >= c : failNumber(k, x, pos);
      };
  }
}

/** `c < y` is `y > c`: a constant on the left is the same closure with the operator mirrored. */
function compareConstVar(op: string, c: number, k: string, pos: Pos | undefined): Bool {
  const mirrored: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
  return compareVarConst(mirrored[op] ?? op, k, c, pos);
}

function compareVarVar(op: string, j: string, jPos: Pos | undefined, k: string, kPos: Pos | undefined): Bool {
  const load = (vars: PredicateVars, name: string, pos: Pos | undefined): number => {
    const x = vars[name];
    return typeof x === 'number' ? x : failNumber(name, x, pos);
  };
  switch (op) {
    case '<':
      return (vars) => load(vars, j, jPos) < load(vars, k, kPos);
    case '>':
      return (vars) => load(vars, j, jPos) > load(vars, k, kPos);
    case '<=':
      return (vars) => load(vars, j, jPos) <= load(vars, k, kPos);
    default:
      return (vars) => load(vars, j, jPos) >= load(vars, k, kPos);
  }
}

function arity(form: Cons, op: string, n: number, min: number, max = Number.POSITIVE_INFINITY): void {
  if (n < min || n > max) {
    const want = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    throw new LispError('arity', `${op} expects ${want} arguments, got ${n}`, form.pos);
  }
}

function all(parts: readonly Bool[]): Bool {
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return at(parts, 0);
  if (parts.length === 2) {
    const [a, b] = parts as [Bool, Bool];
    return (vars) => a(vars) && b(vars);
  }
  return (vars) => {
    for (const p of parts) if (!p(vars)) return false;
    return true;
  };
}

function any(parts: readonly Bool[]): Bool {
  if (parts.length === 0) return () => false;
  if (parts.length === 1) return at(parts, 0);
  if (parts.length === 2) {
    const [a, b] = parts as [Bool, Bool];
    return (vars) => a(vars) || b(vars);
  }
  return (vars) => {
    for (const p of parts) if (p(vars)) return true;
    return false;
  };
}

/** The same arithmetic as the builtins, errors included (a non-finite result, division by zero). */
function arithmetic(form: Cons, op: string, parts: readonly Num[]): Num {
  const pos = form.pos;
  const finite = (x: number): number => (Number.isFinite(x) ? x : failArithmetic(op, 'result is out of the range of a double', pos));
  const divisor = (x: number): number => (x === 0 ? failArithmetic(op, 'division by zero', pos) : x);
  const [a, b] = parts as [Num, Num];
  switch (op) {
    case '+':
      if (parts.length === 2) return (vars) => finite(a(vars) + b(vars));
      return (vars) => finite(parts.reduce((sum, p) => sum + p(vars), 0));
    case '*':
      return (vars) => finite(parts.reduce((acc, p) => acc * p(vars), 1));
    case '-':
      arity(form, op, parts.length, 1);
      if (parts.length === 1) return (vars) => -a(vars);
      if (parts.length === 2) return (vars) => finite(a(vars) - b(vars));
      return (vars) => finite(parts.slice(1).reduce((acc, p) => acc - p(vars), a(vars)));
    case '/':
      arity(form, op, parts.length, 1);
      if (parts.length === 1) return (vars) => finite(1 / divisor(a(vars)));
      return (vars) => {
        let acc = a(vars);
        for (let i = 1; i < parts.length; i++) acc /= divisor((at(parts, i))(vars));
        return finite(acc);
      };
    case 'mod':
      arity(form, op, parts.length, 2, 2);
      return (vars) => {
        const x = a(vars);
        const y = divisor(b(vars));
        return ((x % y) + y) % y;
      };
    case 'abs':
      arity(form, op, parts.length, 1, 1);
      return (vars) => Math.abs(a(vars));
    default: {
      arity(form, op, parts.length, 1);
      const better = op === 'min' ? (x: number, y: number) => x < y : (x: number, y: number) => x > y;
      return (vars) => {
        let best = a(vars);
        for (let i = 1; i < parts.length; i++) {
          const x = (at(parts, i))(vars);
          if (better(x, best)) best = x;
        }
        return best;
      };
    }
  }
}
