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
export function equal(a: Value, b: Value, charge?: (steps: number) => void): boolean {
  const tally: Tally = { charge, pending: 0 };
  const same = eq(a, b, 0, tally);
  if (charge !== undefined && tally.pending > 0) charge(tally.pending);
  return same;
}

/**
 * Work done so far, paid to the run's budget in batches: one step per element
 * compared and one per 64 characters of two strings compared, so `=` on long
 * lists costs what it takes (a per-call charge let it run 27 s on 8,000 steps).
 */
interface Tally {
  readonly charge: ((steps: number) => void) | undefined;
  pending: number;
}

const BATCH = 256;

function spend(tally: Tally, steps: number): void {
  if (tally.charge === undefined) return;
  tally.pending += steps;
  if (tally.pending >= BATCH) {
    const due = tally.pending;
    tally.pending = 0;
    tally.charge(due);
  }
}

function eq(a: Value, b: Value, depth: number, tally: Tally): boolean {
  if (typeof a === 'string' && typeof b === 'string' && a.length === b.length) spend(tally, Math.floor(a.length / 64));
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
      spend(tally, 1);
      if (!eq(x.car, y.car, depth + 1, tally)) return false;
    }
    return x === null && y === null;
  }
  if (a instanceof Vec) {
    if (!(b instanceof Vec) || a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) {
      spend(tally, 1);
      if (!eq(at(a.items, i), at(b.items, i), depth + 1, tally)) return false;
    }
    return true;
  }
  if (a instanceof LispMap) {
    if (!(b instanceof LispMap) || a.size !== b.size) return false;
    for (const [k, v] of a.entries()) {
      const w = b.get(k);
      spend(tally, 1);
      if (w === undefined || !eq(v, w, depth + 1, tally)) return false;
    }
    return true;
  }
  return false;
}
