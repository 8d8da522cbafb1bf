import type { VarValue } from './rules.js';

/**
 * The predicate language of `:hold`, `:fail-on` and `on` conditions (seed 003
 * §4, §6), read and judged here on its own terms rather than through the
 * deck's Lisp: comparisons, `and`/`or`/`not`, arithmetic, numbers and the
 * mission variables. A form outside that language is `unmodeled` (the check
 * is skipped, and counted); a form it cannot evaluate (a variable missing or
 * of the wrong type) is `error`, which for a hold means "not held".
 */
export type Verdict = true | false | 'error' | 'unmodeled';

type Form = number | string | { readonly sym: string } | { readonly kw: string } | readonly Form[];

export interface Predicate {
  readonly source: string;
  judge(vars: Readonly<Record<string, VarValue>>): Verdict;
}

const MAX_SOURCE = 2_000;
const MAX_DEPTH = 32;

export function predicate(source: string): Predicate {
  let form: Form | null = null;
  try {
    if (source.length <= MAX_SOURCE) form = parse(source);
  } catch {
    form = null;
  }
  return { source, judge: (vars) => (form === null ? 'unmodeled' : judgeForm(form, vars)) };
}

/** `(node hr)`, an `:at` trigger: the variable names that thing (any case). */
export function atMatches(source: string, vars: Readonly<Record<string, VarValue>>): boolean | 'unmodeled' {
  const m = /^\(([a-z][a-z0-9-]*) ([A-Za-z0-9_-]+)\)$/.exec(source.trim());
  if (!m) return 'unmodeled';
  const value = vars[m[1] as string];
  return typeof value === 'string' && value.toLowerCase() === (m[2] as string).toLowerCase();
}

class Unmodeled extends Error {}
class Unevaluable extends Error {}

function judgeForm(form: Form, vars: Readonly<Record<string, VarValue>>): Verdict {
  try {
    return truthy(value(form, vars, 0));
  } catch (err) {
    if (err instanceof Unmodeled) return 'unmodeled';
    return 'error';
  }
}

function truthy(v: VarValue): boolean {
  return v !== null && v !== false;
}

function value(form: Form, vars: Readonly<Record<string, VarValue>>, depth: number): VarValue {
  if (depth > MAX_DEPTH) throw new Unmodeled();
  if (typeof form === 'number' || typeof form === 'string') return form;
  if (!Array.isArray(form)) {
    const f = form as { sym?: string; kw?: string };
    if (f.kw !== undefined) return f.kw;
    const s = f.sym as string;
    if (s === 'true') return true;
    if (s === 'false') return false;
    if (s === 'nil') return null;
    if (!Object.hasOwn(vars, s)) throw new Unevaluable();
    return vars[s] as VarValue;
  }
  const [head, ...args] = form as readonly Form[];
  const op = head !== undefined && typeof head === 'object' && !Array.isArray(head) ? (head as { sym?: string }).sym : undefined;
  if (op === undefined) throw new Unmodeled();
  const arg = (i: number): VarValue => value(args[i] as Form, vars, depth + 1);
  const numbers = (): number[] =>
    args.map((a) => {
      const v = value(a, vars, depth + 1);
      if (typeof v !== 'number') throw new Unevaluable();
      return v;
    });
  switch (op) {
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const xs = numbers();
      if (xs.length < 2) throw new Unevaluable();
      for (let i = 1; i < xs.length; i++) if (!compare(op, xs[i - 1] as number, xs[i] as number)) return false;
      return true;
    }
    case '=':
    case 'not=': {
      if (args.length < 2) throw new Unevaluable();
      const first = arg(0);
      const same = args.every((_, i) => arg(i) === first);
      return op === '=' ? same : !same;
    }
    case 'and':
      for (let i = 0; i < args.length; i++) if (!truthy(arg(i))) return false;
      return true;
    case 'or':
      for (let i = 0; i < args.length; i++) if (truthy(arg(i))) return true;
      return false;
    case 'not':
      if (args.length !== 1) throw new Unevaluable();
      return !truthy(arg(0));
    case '+':
      return numbers().reduce((a, b) => a + b, 0);
    case '*':
      return numbers().reduce((a, b) => a * b, 1);
    case '-': {
      const xs = numbers();
      if (xs.length === 0) throw new Unevaluable();
      return xs.length === 1 ? -(xs[0] as number) : xs.slice(1).reduce((a, b) => a - b, xs[0] as number);
    }
    default:
      throw new Unmodeled();
  }
}

function compare(op: string, a: number, b: number): boolean {
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

/** A small reader for the predicate forms: lists, numbers, symbols, keywords, strings. */
function parse(text: string): Form {
  const tokens = text.match(/\(|\)|"(?:[^"\\]|\\.)*"|[^\s()]+/g) ?? [];
  let at = 0;
  const read = (depth: number): Form => {
    if (depth > MAX_DEPTH) throw new Unmodeled();
    const t = tokens[at++];
    if (t === undefined) throw new Unmodeled();
    if (t === '(') {
      const items: Form[] = [];
      while (tokens[at] !== ')') {
        if (at >= tokens.length) throw new Unmodeled();
        items.push(read(depth + 1));
      }
      at++;
      return items;
    }
    if (t === ')') throw new Unmodeled();
    if (t.startsWith('"')) return JSON.parse(t) as string;
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    if (t.startsWith(':')) return { kw: t.slice(1) };
    return { sym: t };
  };
  const form = read(0);
  if (at !== tokens.length) throw new Unmodeled();
  return form;
}
