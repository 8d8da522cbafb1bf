import { Env } from './env.js';
import { LispError } from './errors.js';
import type { Analyzer, SpecialForm } from './evaluator.js';
import { type Node, constant, evaluateEach } from './node.js';
import { print } from './printer.js';
import { quasiquote } from './quasiquote.js';
import type { Run } from './run.js';
import { Cons, Lambda, type List, Sym, type Value, listToArray, truthy, typeName } from './values.js';
import { at } from '../assert.js';

/**
 * The special forms. Each is analysed once into a Node. Their names cannot be
 * bound (define, let, lambda parameters), so `(if …)` always means if.
 */

function syntaxError(form: Cons, message: string): LispError {
  const head = form.car instanceof Sym ? form.car.name : 'form';
  return new LispError('syntax', `${head}: ${message}`, form.pos);
}

function operands(form: Cons, min: number, max: number, shape: string): Value[] {
  const args = listToArray(form.cdr);
  if (args.length < min || args.length > max) throw syntaxError(form, `expected ${shape}, got ${args.length} operand${args.length === 1 ? '' : 's'}`);
  return args;
}

function brief(v: Value): string {
  const text = print(v);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

function bindableName(v: Value, form: Cons, what: string): string {
  if (!(v instanceof Sym)) throw syntaxError(form, `expected a symbol ${what}, found ${brief(v)} (a ${typeName(v)})`);
  if (SPECIAL_FORMS.has(v.name)) throw syntaxError(form, `${v.name} is a special form and cannot be bound`);
  if (v.name === '&rest') throw syntaxError(form, '&rest only marks the rest parameter of a lambda');
  return v.name;
}

function isHead(form: Value, name: string): form is Cons {
  return form instanceof Cons && form.car instanceof Sym && form.car.name === name;
}

const quote: SpecialForm = (form) => constant(operands(form, 1, 1, '(quote form)')[0] as Value);

const if_: SpecialForm = (form, a) => {
  const [t, y, n = null] = operands(form, 2, 3, '(if test then [else])');
  const test = a.analyze(t as Value);
  const yes = a.analyze(y as Value);
  const no = a.analyze(n);
  return (env, run) => {
    const c = test(env, run);
    if (c instanceof Promise) return c.then((x) => (truthy(x) ? yes(env, run) : no(env, run)));
    return truthy(c) ? yes(env, run) : no(env, run);
  };
};

interface Clause {
  /** null for an `else` clause. */
  readonly test: Node | null;
  /** null for a clause with no body: its value is the test's. */
  readonly body: Node | null;
}

const cond: SpecialForm = (form, a) => {
  const clauses: Clause[] = listToArray(form.cdr).map((clause, i, all) => {
    if (!(clause instanceof Cons)) throw syntaxError(form, `expected a clause (test body…), found ${brief(clause)}`);
    const isElse = clause.car instanceof Sym && clause.car.name === 'else';
    if (isElse && i !== all.length - 1) throw syntaxError(form, 'else must be the last clause');
    return { test: isElse ? null : a.analyze(clause.car), body: clause.cdr === null ? null : a.body(clause.cdr) };
  });
  return (env, run) => condFrom(clauses, 0, env, run);
};

function condFrom(clauses: readonly Clause[], start: number, env: Env, run: Run): Value | Promise<Value> {
  for (let i = start; i < clauses.length; i++) {
    const clause = at(clauses, i);
    if (clause.test === null) return (clause.body as Node)(env, run);
    const t = clause.test(env, run);
    if (t instanceof Promise) {
      return t.then((x) => (truthy(x) ? (clause.body === null ? x : clause.body(env, run)) : condFrom(clauses, i + 1, env, run)));
    }
    if (truthy(t)) return clause.body === null ? t : clause.body(env, run);
  }
  return null;
}

function conditional(runWhenTrue: boolean): SpecialForm {
  return (form, a) => {
    operands(form, 1, Number.POSITIVE_INFINITY, runWhenTrue ? '(when test body…)' : '(unless test body…)');
    const test = a.analyze((form.cdr as Cons).car);
    const body = a.body((form.cdr as Cons).cdr);
    return (env, run) => {
      const c = test(env, run);
      if (c instanceof Promise) return c.then((x) => (truthy(x) === runWhenTrue ? body(env, run) : null));
      return truthy(c) === runWhenTrue ? body(env, run) : null;
    };
  };
}

function parseBindings(form: Cons, bindings: Value): { names: string[]; inits: Value[] } {
  const names: string[] = [];
  const inits: Value[] = [];
  if (bindings !== null && !(bindings instanceof Cons)) throw syntaxError(form, `expected a list of bindings ((name value)…), found ${brief(bindings)}`);
  for (let c: List = bindings; c !== null; c = c.cdr) {
    const b = c.car;
    if (!(b instanceof Cons) || b.cdr === null || b.cdr.cdr !== null) throw syntaxError(form, `expected a binding (name value), found ${brief(b)}`);
    names.push(bindableName(b.car, form, 'to bind'));
    inits.push(b.cdr.car);
  }
  return { names, inits };
}

/** let: every init sees the outer env; the body sees all of them. */
const let_: SpecialForm = (form, a) => {
  operands(form, 1, Number.POSITIVE_INFINITY, '(let ((name value)…) body…)');
  const { names, inits } = parseBindings(form, (form.cdr as Cons).car);
  if (new Set(names).size !== names.length) throw syntaxError(form, 'a name is bound twice');
  const initNodes = inits.map((f) => a.analyze(f));
  const body = a.body((form.cdr as Cons).cdr);
  const enter = (values: Value[], env: Env, run: Run): Value | Promise<Value> => {
    const frame = new Env(env);
    for (let i = 0; i < names.length; i++) frame.bind(names[i] as string, at(values, i));
    return body(frame, run);
  };
  return (env, run) => {
    const values = evaluateEach(initNodes, env, run);
    return values instanceof Promise ? values.then((vs) => enter(vs, env, run)) : enter(values, env, run);
  };
};

/** let*: each init sees the bindings before it. */
const letStar: SpecialForm = (form, a) => {
  operands(form, 1, Number.POSITIVE_INFINITY, '(let* ((name value)…) body…)');
  const { names, inits } = parseBindings(form, (form.cdr as Cons).car);
  const initNodes = inits.map((f) => a.analyze(f));
  const body = a.body((form.cdr as Cons).cdr);
  return (env, run) => bindFrom(names, initNodes, body, 0, new Env(env), run);
};

function bindFrom(names: readonly string[], inits: readonly Node[], body: Node, start: number, frame: Env, run: Run): Value | Promise<Value> {
  for (let i = start; i < inits.length; i++) {
    const v = (at(inits, i))(frame, run);
    if (v instanceof Promise) {
      return v.then((x) => {
        frame.bind(names[i] as string, x);
        return bindFrom(names, inits, body, i + 1, frame, run);
      });
    }
    frame.bind(names[i] as string, v);
  }
  return body(frame, run);
}

const do_: SpecialForm = (form, a) => a.body(form.cdr);

function parseParams(form: Cons, params: Value): { names: string[]; rest: string | null } {
  if (params !== null && !(params instanceof Cons)) throw syntaxError(form, `expected a parameter list, found ${brief(params)}`);
  const names: string[] = [];
  let rest: string | null = null;
  for (let c: List = params; c !== null; c = c.cdr) {
    if (c.car instanceof Sym && c.car.name === '&rest') {
      if (c.cdr === null || c.cdr.cdr !== null) throw syntaxError(form, '&rest must be followed by exactly one parameter name');
      rest = bindableName(c.cdr.car, form, 'as the rest parameter');
      break;
    }
    names.push(bindableName(c.car, form, 'as a parameter'));
  }
  const all = rest === null ? names : [...names, rest];
  if (new Set(all).size !== all.length) throw syntaxError(form, 'a parameter name is used twice');
  return { names, rest };
}

function lambdaNode(form: Cons, name: string | null, params: Value, body: List, a: Analyzer): Node {
  const { names, rest } = parseParams(form, params);
  const bodyNode = a.body(body);
  const pos = form.pos;
  return (env) => new Lambda(name, names, rest, bodyNode, env, pos);
}

const lambda: SpecialForm = (form, a) => {
  operands(form, 1, Number.POSITIVE_INFINITY, '(lambda (params…) body…)');
  return lambdaNode(form, null, (form.cdr as Cons).car, (form.cdr as Cons).cdr, a);
};

/** define binds in the current frame (the script's env at top level, the call frame inside a function) and returns the name. */
const define: SpecialForm = (form, a) => {
  const [target, init] = operands(form, 2, 2, '(define name value)');
  const name = bindableName(target as Value, form, 'to define');
  const value =
    isHead(init as Value, 'lambda') && (init as Cons).cdr !== null
      ? lambdaNode(init as Cons, name, ((init as Cons).cdr as Cons).car, ((init as Cons).cdr as Cons).cdr, a)
      : a.analyze(init as Value);
  const result = new Sym(name);
  return (env, run) => {
    const v = value(env, run);
    if (v instanceof Promise) {
      return v.then((x) => {
        env.define(name, x);
        return result;
      });
    }
    env.define(name, v);
    return result;
  };
};

const defun: SpecialForm = (form, a) => {
  const [target, params] = operands(form, 2, Number.POSITIVE_INFINITY, '(defun name (params…) body…)');
  const name = bindableName(target as Value, form, 'to define');
  const make = lambdaNode(form, name, params as Value, ((form.cdr as Cons).cdr as Cons).cdr, a);
  const result = new Sym(name);
  return (env, run) => {
    env.define(name, make(env, run) as Value);
    return result;
  };
};

const set: SpecialForm = (form, a) => {
  const [target, init] = operands(form, 2, 2, '(set! name value)');
  const name = bindableName(target as Value, form, 'to set');
  const value = a.analyze(init as Value);
  const pos = target instanceof Sym ? (target.pos ?? form.pos) : form.pos;
  const assign = (env: Env, v: Value): Value => {
    let bound: boolean;
    try {
      bound = env.assign(name, v);
    } catch (err) {
      // A frozen frame (a builtin) refuses without knowing where the set! was written.
      throw err instanceof LispError ? err.locate(pos) : err;
    }
    if (!bound) throw new LispError('unbound', `set! of unbound symbol ${name}: define it first`, pos);
    return v;
  };
  return (env, run) => {
    const v = value(env, run);
    return v instanceof Promise ? v.then((x) => assign(env, x)) : assign(env, v);
  };
};

/** and: the first false value, else the last value; (and) is true. */
const and: SpecialForm = (form, a) => {
  const nodes = listToArray(form.cdr).map((f) => a.analyze(f));
  return (env, run) => shortCircuit(nodes, 0, true, false, env, run);
};

/** or: the first true value, else the last value; (or) is nil. */
const or: SpecialForm = (form, a) => {
  const nodes = listToArray(form.cdr).map((f) => a.analyze(f));
  return (env, run) => shortCircuit(nodes, 0, null, true, env, run);
};

function shortCircuit(nodes: readonly Node[], start: number, last: Value, stopOn: boolean, env: Env, run: Run): Value | Promise<Value> {
  for (let i = start; i < nodes.length; i++) {
    const v = (at(nodes, i))(env, run);
    if (v instanceof Promise) return v.then((x) => (truthy(x) === stopOn ? x : shortCircuit(nodes, i + 1, x, stopOn, env, run)));
    if (truthy(v) === stopOn) return v;
    last = v;
  }
  return last;
}

const strayUnquote: SpecialForm = (form) => {
  throw syntaxError(form, 'only allowed inside a quasiquote (`)');
};

export const SPECIAL_FORMS: ReadonlyMap<string, SpecialForm> = new Map<string, SpecialForm>([
  ['quote', quote],
  ['quasiquote', quasiquote],
  ['unquote', strayUnquote],
  ['unquote-splicing', strayUnquote],
  ['if', if_],
  ['cond', cond],
  ['when', conditional(true)],
  ['unless', conditional(false)],
  ['let', let_],
  ['let*', letStar],
  ['do', do_],
  ['define', define],
  ['defun', defun],
  ['lambda', lambda],
  ['set!', set],
  ['and', and],
  ['or', or],
]);
