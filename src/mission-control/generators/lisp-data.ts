import { Keyword, LispMap, Sym, type Value, arrayToList } from '../../lisp/values.js';

/** Small builders for the Lisp data generators return. */
export const kw = (name: string): Keyword => new Keyword(name);
export const sym = (name: string): Sym => new Sym(name);
export const lst = (items: readonly Value[]): Value => arrayToList(items);

/** A map keyed by keywords, in the order given. */
export function rec(fields: Readonly<Record<string, Value>>): LispMap {
  return LispMap.fromPairs(Object.entries(fields).map(([k, v]) => [kw(k), v] as const));
}
