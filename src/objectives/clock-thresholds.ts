import { Cons, Sym, type Value } from '../lisp/values.js';
import { simpleAtoms } from './hold-index.js';

/**
 * When can a live check change its answer while no variable moves but the
 * clock's own two, `tick` and `timer`? This is what lets the hold ticker sleep
 * between telemetry (docs/holds.md): a check that never reads them answers
 * the same on the same record; a conjunction of thresholds and flags
 * (hold-index.ts's atoms) changes only where one of its atoms does, and an
 * atom `(< timer 900)` changes at exactly one tick, computed ahead; anything
 * else that reads the clock (`(< (+ timer trace) 99)`, `(= (mod tick 7) 0)`)
 * may change on any tick, and is judged on every one.
 */
export type ClockTiming =
  /** May change on any tick. */
  | typeof EVERY_TICK
  /** The ticks (in `tick`, or in `timer` when `timer` is set) at which one of its clock atoms flips; empty: never. */
  | readonly { readonly timer: boolean; readonly at: number }[];

export const EVERY_TICK = 'every';
const CLOCK = new Set(['tick', 'timer']);

export function clockTiming(form: Value | null): ClockTiming {
  if (form === null) return EVERY_TICK;
  if (!readsClock(form, 0)) return [];
  const atoms = simpleAtoms(form);
  if (atoms === null) return EVERY_TICK;
  const flips: { timer: boolean; at: number }[] = [];
  for (const a of atoms) {
    if (a.kind === 'flag') {
      if (CLOCK.has(a.name)) return EVERY_TICK;
      continue;
    }
    if (a.quantity instanceof Sym && CLOCK.has(a.quantity.name)) flips.push({ timer: a.quantity.name === 'timer', at: flipPoint(a.op, a.c) });
    else if (readsClock(a.quantity, 0)) return EVERY_TICK;
  }
  return flips;
}

/**
 * The smallest integer q at which `(op q c)` answers differently than at q - 1 (each is monotone in
 * q, so it flips once): `<` and `>=` at ceil(c), `<=` and `>` at floor(c) + 1. The clock counts whole ticks.
 */
function flipPoint(op: '<' | '<=' | '>' | '>=', c: number): number {
  return op === '<' || op === '>=' ? Math.ceil(c) : Math.floor(c) + 1;
}

/** The first tick after `tick` at which `timing` may flip (`timer` counts from `startTick`); Infinity when never. */
export function nextFlip(timing: ClockTiming, tick: number, startTick: number): number {
  if (timing === EVERY_TICK) return tick + 1;
  let next = Infinity;
  for (const f of timing) {
    const at = f.timer ? f.at + startTick : f.at;
    if (at > tick && at < next) next = at;
  }
  return next;
}

/** Whether `form` names `tick` or `timer` anywhere (a quoted symbol too: conservative). Bounded by the form's depth. */
function readsClock(form: Value, depth: number): boolean {
  if (form instanceof Sym) return CLOCK.has(form.name);
  if (!(form instanceof Cons) || depth > 256) return depth > 256;
  for (let f: Value = form; f instanceof Cons; f = f.cdr) if (readsClock(f.car, depth + 1)) return true;
  return false;
}
