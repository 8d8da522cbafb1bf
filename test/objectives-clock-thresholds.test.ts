import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Verdicts, HoldWatcher, type WatchSpec } from '../src/objectives/holds.js';
import { DEFAULT_VARIABLE_NAMES, defaultVariables } from '../src/objectives/variables.js';

/**
 * The hold ticker sleeps between the ticks on which a check can change its answer with the record
 * unchanged (docs/holds.md): judging only at `nextChange` ticks must give exactly the verdicts, on
 * exactly the ticks, that judging every tick gives.
 */
const OPS = ['<', '<=', '>', '>='] as const;
const atom = fc.oneof(
  fc.tuple(fc.constantFrom(...OPS), fc.constantFrom('timer', 'tick', 'trace'), fc.integer({ min: -3, max: 60 }), fc.boolean()).map(([op, v, c, flip]) => (flip ? `(${op} ${c} ${v})` : `(${op} ${v} ${c})`)),
  fc.tuple(fc.constantFrom(...OPS), fc.double({ min: -2, max: 50, noNaN: true })).map(([op, c]) => `(${op} timer ${c})`),
  fc.constantFrom('lockdown', '(not lockdown)', '(= (mod tick 7) 3)', '(< (+ timer trace) 40)', '(or (> timer 20) (> trace 30))'),
);
const check = fc.array(atom, { minLength: 1, maxLength: 3 }).map((xs) => (xs.length === 1 ? (xs[0] as string) : `(and ${xs.join(' ')})`));

function spec(holds: string[], failOns: string[], escalations: string[]): WatchSpec {
  return {
    version: 1,
    variables: DEFAULT_VARIABLE_NAMES,
    holds: holds.map((source, i) => ({ goal: `h${i}`, source })),
    failOns: failOns.map((source, i) => ({ goal: `f${i}`, source })),
    escalations: escalations.map((source, i) => ({ id: i, goal: `e${i}`, source })),
    reveals: [],
  };
}

function run(s: WatchSpec, start: number, span: number, sleep: boolean): Array<[number, Verdicts]> {
  const list = HoldWatcher.fromSpec(s);
  const vars = defaultVariables();
  const out: Array<[number, Verdicts]> = [];
  let next = start;
  for (let t = start; t < start + span; t++) {
    if (sleep && t < next) continue;
    vars.tick = t;
    vars.timer = t - start;
    const v = list.check(vars);
    if (v !== null) out.push([t, v]);
    next = list.nextChange(t, start);
    expect(next).toBeGreaterThan(t);
  }
  return out;
}

describe('clock thresholds computed ahead', () => {
  it('judging only at nextChange ticks gives the verdicts of judging every tick, on the same ticks', () => {
    fc.assert(
      fc.property(fc.array(check, { maxLength: 3 }), fc.array(check, { maxLength: 2 }), fc.array(check, { maxLength: 2 }), fc.integer({ min: 0, max: 50 }), (h, f, e, start) => {
        const s = spec(h, f, e);
        expect(run(s, start, 90, true)).toEqual(run(s, start, 90, false));
      }),
      { numRuns: 300 },
    );
  });

  it('a check that never names the clock never wakes the ticker; (< timer 900) wakes it once, at tick start + 900', () => {
    const list = HoldWatcher.fromSpec(spec(['(< trace 50)'], ['lockdown'], []));
    expect(list.nextChange(10, 0)).toBe(Infinity);
    const timed = HoldWatcher.fromSpec(spec(['(and (< trace 50) (< timer 900))'], [], []));
    expect(timed.nextChange(100, 40)).toBe(940);
    expect(timed.nextChange(940, 40)).toBe(Infinity);
    const generic = HoldWatcher.fromSpec(spec(['(< (+ timer trace) 99)'], [], []));
    expect(generic.nextChange(100, 40)).toBe(101);
  });
});
