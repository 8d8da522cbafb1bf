import { equal } from '../equal.js';
import { Cons, Keyword, LispMap, type Native, Sym, type Value, Vec, isFunction, truthy } from '../values.js';
import { MANY, builtin } from './check.js';
import { at } from '../../assert.js';

function is(name: string, test: (v: Value) => boolean): Native {
  return builtin(name, 1, 1, (args) => test(at(args, 0)));
}

export const PREDICATE_BUILTINS: readonly Native[] = [
  /** (= a b …): structural equality of every neighbour. */
  builtin('=', 2, MANY, (args, ctx) => {
    for (let i = 1; i < args.length; i++) if (!equal(at(args, i - 1), at(args, i), (n) => ctx.charge(n))) return false;
    return true;
  }),
  builtin('not=', 2, MANY, (args, ctx) => {
    for (let i = 1; i < args.length; i++) if (!equal(at(args, i - 1), at(args, i), (n) => ctx.charge(n))) return true;
    return false;
  }),
  is('not', (v) => !truthy(v)),
  is('nil?', (v) => v === null),
  is('boolean?', (v) => typeof v === 'boolean'),
  is('number?', (v) => typeof v === 'number'),
  is('integer?', (v) => typeof v === 'number' && Number.isInteger(v)),
  is('string?', (v) => typeof v === 'string'),
  is('symbol?', (v) => v instanceof Sym),
  is('keyword?', (v) => v instanceof Keyword),
  is('cons?', (v) => v instanceof Cons),
  is('vector?', (v) => v instanceof Vec),
  is('map?', (v) => v instanceof LispMap),
  is('fn?', (v) => isFunction(v)),
];
