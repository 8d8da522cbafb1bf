import type { Env } from './env.js';
import { type Frame, LispError, asLispError } from './errors.js';
import { invoke } from './invoke.js';
import { type Limits, MAX_DEPTH, resolveLimits } from './limits.js';
import { type Node, constant, evaluateEach, sequence } from './node.js';
import { print } from './printer.js';
import { type ReadOptions, readAll } from './reader.js';
import { Run } from './run.js';
import { SPECIAL_FORMS } from './special-forms.js';
import { Cons, LispMap, type List, Sym, type Value, Vec, positionOf } from './values.js';
import { at } from '../assert.js';

/** What a special form's analyser gets: recursion into sub-forms, one level deeper. */
export interface Analyzer {
  analyze(form: Value): Node;
  /** A body: forms run in order, the last one's value is the result. */
  body(forms: List): Node;
}

export type SpecialForm = (form: Cons, a: Analyzer) => Node;

export interface EvalOptions {
  /** Overrides of the default step budget and call depth. */
  readonly limits?: Partial<Limits>;
  /** Where `print` writes; defaults to the env's output, else nowhere. */
  readonly output?: (text: string) => void;
}

/**
 * Evaluate one form. Async because a host function may return a Promise; the
 * evaluation itself only goes async at such a call.
 */
export async function evaluate(form: Value, env: Env, options: EvalOptions = {}): Promise<Value> {
  return evaluateMaybeAsync(form, env, options);
}

/** Evaluate forms in order under one budget (a script); the last form's value. */
export async function evaluateAll(forms: readonly Value[], env: Env, options: EvalOptions = {}): Promise<Value> {
  const run = newRun(env, options);
  let result: Value = null;
  for (const form of forms) {
    const r = runForm(form, env, run);
    result = r instanceof Promise ? await r : r;
  }
  return result;
}

/** Read a whole source text and evaluate it as one script. */
export async function evaluateSource(text: string, env: Env, options: EvalOptions & ReadOptions = {}): Promise<Value> {
  return evaluateAll(readAll(text, options), env, options);
}

/** The fast path made visible: a plain value when nothing awaited, a Promise only when a host function did. */
export function evaluateMaybeAsync(form: Value, env: Env, options: EvalOptions = {}): Value | Promise<Value> {
  return runForm(form, env, newRun(env, options));
}

/**
 * Analyse a form once and run it as often as needed, each run under its own budget: what a host
 * evaluates over and over (the runner's `(operate)`) is read and analysed once, not per call.
 * Analysis never depends on the env, so one compiled form serves any env.
 */
export function compile(form: Value): (env: Env, options?: EvalOptions) => Value | Promise<Value> {
  let node: Node;
  try {
    node = analyze(form);
  } catch (err) {
    throw asLispError(err, 'evaluate');
  }
  return (env, options = {}) => {
    try {
      return node(env, newRun(env, options));
    } catch (err) {
      throw asLispError(err, 'evaluate');
    }
  };
}

/**
 * Call a function value (a lambda, builtin, map or keyword) with values already in hand, under a
 * budget of its own: how a host calls a script's handler without writing a call to read back.
 */
export function applyFunction(fn: Value, args: readonly Value[], env: Env, options: EvalOptions = {}): Value | Promise<Value> {
  try {
    return invoke(fn, args, newRun(env, options));
  } catch (err) {
    throw asLispError(err, 'apply');
  }
}

function newRun(env: Env, options: EvalOptions): Run {
  return new Run(resolveLimits(options.limits), options.output ?? env.outputFor());
}

function runForm(form: Value, env: Env, run: Run): Value | Promise<Value> {
  try {
    return analyze(form)(env, run);
  } catch (err) {
    throw asLispError(err, 'evaluate');
  }
}

/**
 * Turn a form into a Node once, so a function body is analysed when its
 * lambda is, not on every call. Special forms are recognised by name here;
 * their names cannot be rebound, so analysis never depends on the env.
 */
export function analyze(form: Value, depth = 0): Node {
  if (depth > MAX_DEPTH) throw new LispError('limit', `code nests deeper than ${MAX_DEPTH} levels`, positionOf(form));
  if (form instanceof Sym) return symbolNode(form);
  if (form instanceof Cons) {
    const head = form.car;
    if (head instanceof Sym) {
      const special = SPECIAL_FORMS.get(head.name);
      if (special !== undefined) return special(form, analyzer(depth + 1));
    }
    return callNode(form, depth + 1);
  }
  if (form instanceof Vec) return vectorNode(form, depth + 1);
  if (form instanceof LispMap) return mapNode(form, depth + 1);
  // nil, booleans, numbers, strings, keywords and functions evaluate to themselves.
  return constant(form);
}

function analyzer(depth: number): Analyzer {
  return {
    analyze: (f) => analyze(f, depth),
    body: (forms) => {
      const nodes: Node[] = [];
      for (let c = forms; c !== null; c = c.cdr) nodes.push(analyze(c.car, depth));
      return sequence(nodes);
    },
  };
}

function symbolNode(sym: Sym): Node {
  const name = sym.name;
  const pos = sym.pos;
  return (env) => {
    const v = env.lookup(name);
    if (v === undefined) throw new LispError('unbound', `unbound symbol ${name}`, pos);
    return v;
  };
}

/** Give an error passing through a call its position (if it has none) and this call as a frame. */
export function throughFrame(err: unknown, site: Frame): LispError {
  return asLispError(err, site.label).locate(site.pos).addFrame(site);
}

function callNode(form: Cons, depth: number): Node {
  const head = analyze(form.car, depth);
  const argNodes: Node[] = [];
  for (let c = form.cdr; c !== null; c = c.cdr) argNodes.push(analyze(c.car, depth));
  const site: Frame = { label: callLabel(form.car), pos: form.pos };
  const n = argNodes.length;
  return (env, run) => {
    try {
      const fn = head(env, run);
      if (fn instanceof Promise) return callFrom(site, fn, argNodes, 0, undefined, [], env, run);
      const args = new Array<Value>(n);
      for (let i = 0; i < n; i++) {
        const v = (at(argNodes, i))(env, run);
        if (v instanceof Promise) return callFrom(site, fn, argNodes, i, v, args, env, run);
        args[i] = v;
      }
      const result = invoke(fn, args, run);
      if (result instanceof Promise) {
        return result.catch((err: unknown) => {
          throw throughFrame(err, site);
        });
      }
      return result;
    } catch (err) {
      throw throughFrame(err, site);
    }
  };
}

/** How a call shows in an error's stack: its function's name, or the start of the head form. */
function callLabel(head: Value): string {
  if (head instanceof Sym) return head.name;
  const text = print(head);
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/** The rest of a call once something in it went async. */
async function callFrom(
  site: Frame,
  fnValue: Value | Promise<Value>,
  argNodes: readonly Node[],
  from: number,
  pending: Promise<Value> | undefined,
  args: Value[],
  env: Env,
  run: Run,
): Promise<Value> {
  try {
    const fn = await fnValue;
    let i = from;
    if (pending !== undefined) args[i++] = await pending;
    for (; i < argNodes.length; i++) {
      const v = (at(argNodes, i))(env, run);
      args[i] = v instanceof Promise ? await v : v;
    }
    return await invoke(fn, args, run);
  } catch (err) {
    throw throughFrame(err, site);
  }
}

/** Self-evaluating unless it holds something to evaluate: then each element is evaluated. */
function isLiteral(form: Value): boolean {
  return !(form instanceof Sym || form instanceof Cons || form instanceof Vec || form instanceof LispMap);
}

function vectorNode(form: Vec, depth: number): Node {
  if (form.items.every(isLiteral)) return constant(form);
  const nodes = form.items.map((item) => analyze(item, depth));
  return (env, run) => {
    const items = evaluateEach(nodes, env, run);
    return items instanceof Promise ? items.then((xs) => new Vec(xs)) : new Vec(items);
  };
}

/** Keys are atoms and stay as written; values are evaluated. */
function mapNode(form: LispMap, depth: number): Node {
  const entries = [...form.entries()];
  if (entries.every(([, v]) => isLiteral(v))) return constant(form);
  const keys = entries.map(([k]) => k);
  const nodes = entries.map(([, v]) => analyze(v, depth));
  const build = (values: Value[]): LispMap => LispMap.fromPairs(values.map((v, i) => [at(keys, i), v] as const));
  return (env, run) => {
    const values = evaluateEach(nodes, env, run);
    return values instanceof Promise ? values.then(build) : build(values);
  };
}
