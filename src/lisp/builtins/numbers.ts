import { LispError } from '../errors.js';
import { Cons, type List, type Native } from '../values.js';
import { MANY, builtin, int, num } from './check.js';

/** A result that is not a finite double would print as something the reader cannot read back. */
function finite(fn: string, n: number): number {
  if (!Number.isFinite(n)) throw new LispError('arithmetic', `${fn}: result is out of the range of a double`);
  return n;
}

function nonZero(fn: string, n: number): number {
  if (n === 0) throw new LispError('arithmetic', `${fn}: division by zero`);
  return n;
}

function compare(name: string, ok: (a: number, b: number) => boolean): Native {
  return builtin(name, 2, MANY, (args) => {
    let prev = num(name, args, 0);
    let result = true;
    for (let i = 1; i < args.length; i++) {
      const next = num(name, args, i);
      // Every argument is type-checked, even after the answer is known.
      if (result && !ok(prev, next)) result = false;
      prev = next;
    }
    return result;
  });
}

function extremum(name: string, better: (a: number, b: number) => boolean): Native {
  return builtin(name, 1, MANY, (args) => {
    let best = num(name, args, 0);
    for (let i = 1; i < args.length; i++) {
      const x = num(name, args, i);
      if (better(x, best)) best = x;
    }
    return best;
  });
}

export const NUMBER_BUILTINS: readonly Native[] = [
  builtin('+', 0, MANY, (args) => {
    let sum = 0;
    for (let i = 0; i < args.length; i++) sum += num('+', args, i);
    return finite('+', sum);
  }),
  builtin('-', 1, MANY, (args) => {
    if (args.length === 1) return -num('-', args, 0);
    let acc = num('-', args, 0);
    for (let i = 1; i < args.length; i++) acc -= num('-', args, i);
    return finite('-', acc);
  }),
  builtin('*', 0, MANY, (args) => {
    let acc = 1;
    for (let i = 0; i < args.length; i++) acc *= num('*', args, i);
    return finite('*', acc);
  }),
  builtin('/', 1, MANY, (args) => {
    if (args.length === 1) return finite('/', 1 / nonZero('/', num('/', args, 0)));
    let acc = num('/', args, 0);
    for (let i = 1; i < args.length; i++) acc /= nonZero('/', num('/', args, i));
    return finite('/', acc);
  }),
  builtin('mod', 2, 2, (args) => {
    const a = num('mod', args, 0);
    const b = nonZero('mod', num('mod', args, 1));
    // Floored, as in Common Lisp: the result has the divisor's sign.
    return ((a % b) + b) % b;
  }),
  builtin('quot', 2, 2, (args) => Math.trunc(num('quot', args, 0) / nonZero('quot', num('quot', args, 1)))),
  extremum('min', (a, b) => a < b),
  extremum('max', (a, b) => a > b),
  builtin('abs', 1, 1, (args) => Math.abs(num('abs', args, 0))),
  builtin('floor', 1, 1, (args) => Math.floor(num('floor', args, 0))),
  builtin('round', 1, 1, (args) => Math.round(num('round', args, 0))),
  compare('<', (a, b) => a < b),
  compare('>', (a, b) => a > b),
  compare('<=', (a, b) => a <= b),
  compare('>=', (a, b) => a >= b),
  builtin('range', 1, 2, (args, ctx) => {
    const [start, end] = args.length === 1 ? [0, int('range', args, 0)] : [int('range', args, 0), int('range', args, 1)];
    const count = Math.max(0, end - start);
    ctx.charge(count);
    let list: List = null;
    for (let i = count - 1; i >= 0; i--) list = new Cons(start + i, list);
    return list;
  }),
];
