import { LispError } from '../errors.js';
import { type Native, type Value, arrayToList, mapKey, typeName } from '../values.js';
import { MANY, builtin, map } from './check.js';
import { at } from '../../assert.js';

function key(fn: string, k: Value): Value {
  if (mapKey(k) === undefined) throw new LispError('type', `${fn}: a map key must be a keyword, string, number, symbol or boolean, got ${typeName(k)}`);
  return k;
}

export const MAP_BUILTINS: readonly Native[] = [
  /** (get m k [default]): nil (or default) when absent; a nil map is an empty one. */
  builtin('get', 2, 3, (args) => map('get', args, 0).get(at(args, 1)) ?? (args.length === 3 ? (at(args, 2)) : null)),
  /** (assoc m k v …): a new map; m is unchanged. */
  builtin('assoc', 3, MANY, (args, ctx) => {
    if (args.length % 2 !== 1) throw new LispError('arity', 'assoc expects a map and key value pairs, got an odd number of keys and values');
    let m = map('assoc', args, 0);
    ctx.charge(m.size);
    for (let i = 1; i < args.length; i += 2) m = m.with(key('assoc', at(args, i)), at(args, i + 1));
    return m;
  }),
  builtin('dissoc', 2, MANY, (args, ctx) => {
    let m = map('dissoc', args, 0);
    ctx.charge(m.size);
    for (let i = 1; i < args.length; i++) m = m.without(at(args, i));
    return m;
  }),
  builtin('contains?', 2, 2, (args) => map('contains?', args, 0).has(at(args, 1))),
  builtin('keys', 1, 1, (args, ctx) => {
    const m = map('keys', args, 0);
    ctx.charge(m.size);
    return arrayToList([...m.entries()].map(([k]) => k));
  }),
  builtin('vals', 1, 1, (args, ctx) => {
    const m = map('vals', args, 0);
    ctx.charge(m.size);
    return arrayToList([...m.entries()].map(([, v]) => v));
  }),
];
