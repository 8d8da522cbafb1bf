import { mapEach } from '../node.js';
import { Cons, LispMap, type List, type Native, type NativeContext, type Value, Vec, arrayToList, truthy } from '../values.js';
import { MANY, builtin, int, items, wrongType } from './check.js';
import { at } from '../../assert.js';

function first(name: string): Native {
  return builtin(name, 1, 1, (args) => {
    const v = at(args, 0);
    if (v === null) return null;
    if (v instanceof Cons) return v.car;
    if (v instanceof Vec) return v.items[0] ?? null;
    throw wrongType(name, 0, 'a list or vector', v);
  });
}

function rest(name: string): Native {
  return builtin(name, 1, 1, (args, ctx) => {
    const v = at(args, 0);
    if (v === null) return null;
    if (v instanceof Cons) return v.cdr;
    if (v instanceof Vec) {
      ctx.charge(v.items.length);
      return arrayToList(v.items, 1);
    }
    throw wrongType(name, 0, 'a list or vector', v);
  });
}

/** Left fold that stays synchronous until the folding function first returns a Promise. */
function fold(f: Value, acc: Value, xs: readonly Value[], start: number, ctx: NativeContext): Value | Promise<Value> {
  for (let i = start; i < xs.length; i++) {
    const r = ctx.apply(f, [acc, at(xs, i)]);
    if (r instanceof Promise) return r.then((v) => fold(f, v, xs, i + 1, ctx));
    acc = r;
  }
  return acc;
}

export const LIST_BUILTINS: readonly Native[] = [
  first('car'),
  first('first'),
  rest('cdr'),
  rest('rest'),
  builtin('cons', 2, 2, (args, ctx) => {
    const tail = at(args, 1);
    if (tail === null || tail instanceof Cons) return new Cons(at(args, 0), tail);
    if (tail instanceof Vec) {
      ctx.charge(tail.items.length);
      return new Cons(at(args, 0), arrayToList(tail.items));
    }
    // There are no dotted pairs: every list is proper, so printing and reading stay simple.
    throw wrongType('cons', 1, 'a list or vector (there are no dotted pairs)', tail);
  }),
  builtin('list', 0, MANY, (args) => arrayToList(args)),
  builtin('vector', 0, MANY, (args) => new Vec([...args])),
  /** (nth n list), Common Lisp's argument order; nil past the end. */
  builtin('nth', 2, 2, (args, ctx) => {
    const n = int('nth', args, 0);
    if (n < 0) throw wrongType('nth', 0, 'a non-negative integer', n);
    const coll = at(args, 1);
    if (coll instanceof Vec) return coll.items[n] ?? null;
    if (coll !== null && !(coll instanceof Cons)) throw wrongType('nth', 1, 'a list or vector', coll);
    let c: List = coll;
    for (let i = 0; i < n && c !== null; i++) c = c.cdr;
    ctx.charge(n);
    return c === null ? null : c.car;
  }),
  builtin('length', 1, 1, (args, ctx) => {
    const v = at(args, 0);
    if (typeof v === 'string') {
      // Counting code points walks the string: one step per 16 units.
      ctx.charge(Math.ceil(v.length / 16));
      let n = 0;
      for (const _ of v) n++;
      return n;
    }
    if (v instanceof LispMap) return v.size;
    if (v instanceof Vec) return v.items.length;
    if (v !== null && !(v instanceof Cons)) throw wrongType('length', 0, 'a list, vector, map or string', v);
    let n = 0;
    for (let c: List = v; c !== null; c = c.cdr) n++;
    ctx.charge(n);
    return n;
  }),
  builtin('append', 0, MANY, (args, ctx) => {
    const all: Value[] = [];
    for (let i = 0; i < args.length; i++) {
      const xs = items('append', args, i);
      ctx.charge(xs.length);
      // One by one: push(...xs) passes every element as a call argument and runs out of JS stack on a long list.
      for (const x of xs) all.push(x);
    }
    return arrayToList(all);
  }),
  builtin('reverse', 1, 1, (args, ctx) => {
    const xs = items('reverse', args, 0);
    ctx.charge(xs.length);
    let out: List = null;
    for (const x of xs) out = new Cons(x, out);
    return out;
  }),
  builtin('empty?', 1, 1, (args) => {
    const v = at(args, 0);
    if (v === null) return true;
    if (v instanceof Cons) return false;
    if (v instanceof Vec) return v.items.length === 0;
    if (v instanceof LispMap) return v.size === 0;
    if (typeof v === 'string') return v.length === 0;
    throw wrongType('empty?', 0, 'a list, vector, map or string', v);
  }),
  /** (map f coll): a list of f applied to each element, in order. */
  builtin('map', 2, 2, (args, ctx) => {
    const f = at(args, 0);
    const out = mapEach(items('map', args, 1), (x) => ctx.apply(f, [x]));
    return out instanceof Promise ? out.then(arrayToList) : arrayToList(out);
  }),
  /** (filter pred coll): the elements for which pred is true, as a list. */
  builtin('filter', 2, 2, (args, ctx) => {
    const f = at(args, 0);
    const xs = items('filter', args, 1);
    const keep = (flags: Value[]): List => arrayToList(xs.filter((_, i) => truthy(at(flags, i))));
    const flags = mapEach(xs, (x) => ctx.apply(f, [x]));
    return flags instanceof Promise ? flags.then(keep) : keep(flags);
  }),
  /** (reduce f init coll), or (reduce f coll) starting from the first element (nil for an empty coll). */
  builtin('reduce', 2, 3, (args, ctx) => {
    const f = at(args, 0);
    if (args.length === 3) return fold(f, at(args, 1), items('reduce', args, 2), 0, ctx);
    const xs = items('reduce', args, 1);
    return xs.length === 0 ? null : fold(f, at(xs, 0), xs, 1, ctx);
  }),
  /** (apply f a b… list): call f with a b… and the list's elements. */
  builtin('apply', 2, MANY, (args, ctx) => {
    const spread = items('apply', args, args.length - 1);
    ctx.charge(spread.length);
    return ctx.apply(at(args, 0), [...args.slice(1, -1), ...spread]);
  }),
  builtin('list?', 1, 1, (args) => args[0] === null || args[0] instanceof Cons),
];

