import { LispError } from './errors.js';
import type { Analyzer, SpecialForm } from './evaluator.js';
import { type Node, constant, evaluateEach } from './node.js';
import type { Run } from './run.js';
import { Cons, LispMap, Sym, type Value, Vec, arrayToList, listToArray, typeName } from './values.js';
import { at } from '../assert.js';

/**
 * `(quasiquote x)`: x as data, except that `,e` is evaluated and `,@e` spliced
 * into the enclosing list or vector. Nested quasiquotes raise the level, and
 * only unquotes at level 1 are evaluated, as in Common Lisp and Scheme.
 */
export const quasiquote: SpecialForm = (form, a) => {
  const args = listToArray(form.cdr);
  if (args.length !== 1) throw new LispError('syntax', `quasiquote: expected (quasiquote form), got ${args.length} operands`, form.pos);
  return template(at(args, 0), 1, a).node;
};

interface Part {
  readonly node: Node;
  /** The node gives back its form unchanged: no unquote inside. */
  readonly constant: boolean;
  /** ,@ at level 1: the node's value is spliced. */
  readonly splice: boolean;
}

function headName(x: Cons): string | undefined {
  return x.car instanceof Sym && x.cdr !== null && x.cdr.cdr === null ? x.car.name : undefined;
}

function template(x: Value, level: number, a: Analyzer): Part {
  if (x instanceof Cons) {
    const head = headName(x);
    const arg = x.cdr?.car ?? null;
    if (head === 'unquote') {
      if (level === 1) return { node: a.analyze(arg), constant: false, splice: false };
      return wrap(x, 'unquote', template(arg, level - 1, a));
    }
    if (head === 'unquote-splicing') {
      if (level === 1) throw new LispError('syntax', 'quasiquote: ,@ must be inside a list or vector', x.pos);
      return wrap(x, 'unquote-splicing', template(arg, level - 1, a));
    }
    if (head === 'quasiquote') return wrap(x, 'quasiquote', template(arg, level + 1, a));
    return sequence(x, listToArray(x), level, a, arrayToList);
  }
  if (x instanceof Vec) return sequence(x, x.items, level, a, (items) => new Vec(items));
  if (x instanceof LispMap) {
    const entries = [...x.entries()];
    const values = entries.map(([, v]) => template(v, level, a));
    if (values.every((p) => p.constant)) return { node: constant(x), constant: true, splice: false };
    const nodes = values.map((p) => p.node);
    const build = (vs: Value[]): LispMap => LispMap.fromPairs(vs.map((v, i) => [(entries[i] as readonly [Value, Value])[0], v] as const));
    return {
      node: (env, run) => {
        const vs = evaluateEach(nodes, env, run);
        return vs instanceof Promise ? vs.then(build) : build(vs);
      },
      constant: false,
      splice: false,
    };
  }
  return { node: constant(x), constant: true, splice: false };
}

/** `(name inner)` with the inner part filled in. */
function wrap(original: Cons, name: string, inner: Part): Part {
  if (inner.constant) return { node: constant(original), constant: true, splice: false };
  const head = new Sym(name);
  return {
    node: (env, run) => {
      const v = inner.node(env, run);
      return v instanceof Promise ? v.then((x) => new Cons(head, new Cons(x, null))) : new Cons(head, new Cons(v, null));
    },
    constant: false,
    splice: false,
  };
}

function sequence(original: Value, items: readonly Value[], level: number, a: Analyzer, make: (items: Value[]) => Value): Part {
  const parts = items.map((item): Part => {
    if (item instanceof Cons && headName(item) === 'unquote-splicing' && level === 1) {
      return { node: a.analyze(item.cdr?.car ?? null), constant: false, splice: true };
    }
    return template(item, level, a);
  });
  if (parts.every((p) => p.constant)) return { node: constant(original), constant: true, splice: false };
  const nodes = parts.map((p) => p.node);
  const assemble = (values: Value[], run: Run): Value => {
    const out: Value[] = [];
    values.forEach((v, i) => {
      if (!(at(parts, i)).splice) out.push(v);
      // Element by element: push(...items) would spread a long list into call arguments and exhaust the JS stack.
      else for (const x of spliced(v, run)) out.push(x);
    });
    return make(out);
  };
  return {
    node: (env, run) => {
      const values = evaluateEach(nodes, env, run);
      return values instanceof Promise ? values.then((vs) => assemble(vs, run)) : assemble(values, run);
    },
    constant: false,
    splice: false,
  };
}

function spliced(v: Value, run: Run): readonly Value[] {
  const items = v instanceof Vec ? v.items : v === null || v instanceof Cons ? listToArray(v) : undefined;
  if (items === undefined) throw new LispError('type', `,@ splices a list or vector, got ${typeName(v)}`);
  run.charge(items.length);
  return items;
}
