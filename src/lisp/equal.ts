import { LispError } from './errors.js';
import { MAX_DEPTH } from './limits.js';
import { Cons, Keyword, LispMap, Sym, type Value, Vec } from './values.js';
import { at } from '../assert.js';

/**
 * Structural equality, what `=` means and what `read(print(v))` is held to.
 * Positions are not part of a value. Numbers compare by value (so 1 and 1.0
 * are equal: both are the same double), symbols and keywords by name, lists,
 * vectors and maps element by element (maps regardless of order), functions
 * by identity. A list never equals a vector.
 */
export function equal(a: Value, b: Value): boolean {
  return eq(a, b, 0);
}

function eq(a: Value, b: Value, depth: number): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Sym) return b instanceof Sym && a.name === b.name;
  if (a instanceof Keyword) return b instanceof Keyword && a.name === b.name;
  if (depth + 1 > MAX_DEPTH) throw new LispError('limit', `values nest deeper than ${MAX_DEPTH} levels to compare`);
  if (a instanceof Cons) {
    if (!(b instanceof Cons)) return false;
    let x: Cons | null = a;
    let y: Cons | null = b;
    // Walk the spine iteratively: long lists must not cost stack.
    for (; x !== null && y !== null; x = x.cdr, y = y.cdr) {
      if (!eq(x.car, y.car, depth + 1)) return false;
    }
    return x === null && y === null;
  }
  if (a instanceof Vec) {
    if (!(b instanceof Vec) || a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) if (!eq(at(a.items, i), at(b.items, i), depth + 1)) return false;
    return true;
  }
  if (a instanceof LispMap) {
    if (!(b instanceof LispMap) || a.size !== b.size) return false;
    for (const [k, v] of a.entries()) {
      const w = b.get(k);
      if (w === undefined || !eq(v, w, depth + 1)) return false;
    }
    return true;
  }
  return false;
}
