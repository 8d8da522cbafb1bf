import { LispError } from '../errors.js';
import { type Native, type Value, arrayToList, mapKey, typeName } from '../values.js';
import { MANY, builtin, chargeKey, map } from './check.js';
import { at } from '../../assert.js';

function key(fn: string, k: Value): Value {
  if (mapKey(k) === undefined) throw new LispError('type', `${fn}: a map key must be a keyword, string, number, symbol or boolean, got ${typeName(k)}`);
  return k;
}

export const MAP_BUILTINS: readonly Native[] = [
  /** (get m k [default]): nil (or default) when absent; a nil map is an empty one. */
  builtin('get', 2, 3, (args, ctx) => map('get', args, 0).get(chargeKey(at(args, 1), ctx)) ?? (args.length === 3 ? (at(args, 2)) : null)),
  /** (assoc m k v …): a new map; m is unchanged. */
  builtin('assoc', 3, MANY, (args, ctx) => {
    if (args.length % 2 !== 1) throw new LispError('arity', 'assoc expects a map and key value pairs, got an odd number of keys and values');
    let m = map('assoc', args, 0);
    // Each pair copies the table: a map is immutable.
    for (let i = 1; i < args.length; i += 2) {
      ctx.charge(m.size);
      m = m.with(key('assoc', chargeKey(at(args, i), ctx)), at(args, i + 1));
    }
    return m;
  }),
  builtin('dissoc', 2, MANY, (args, ctx) => {
    let m = map('dissoc', args, 0);
    for (let i = 1; i < args.length; i++) {
      ctx.charge(m.size);
      m = m.without(chargeKey(at(args, i), ctx));
    }
    return m;
  }),
  builtin('contains?', 2, 2, (args, ctx) => map('contains?', args, 0).has(chargeKey(at(args, 1), ctx))),
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
