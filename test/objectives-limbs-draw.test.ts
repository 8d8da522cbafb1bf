import { describe, expect, it } from 'vitest';
import { drawLimbs } from '../src/objectives/limbs.js';
import { Mission } from '../src/objectives/mission.js';
import { glassPayroll, schemaOf } from './helpers/objectives.js';

describe('spine + limbs (seed 003 §6)', () => {
  const schema = glassPayroll();
  const hand = (seed: number): string[] => drawLimbs(schema, seed).flatMap((d) => d.goals.map((g) => g.name));

  it('the same schema and seed give the same hand, and the same mission', () => {
    for (let seed = 0; seed < 50; seed++) {
      expect(hand(seed)).toEqual(hand(seed));
      expect(JSON.stringify(Mission.instantiate(schema, { seed }).snapshot())).toBe(JSON.stringify(Mission.instantiate(schema, { seed }).snapshot()));
    }
  });

  it('over 1,000 seeds every :draw 0..2 count occurs, each goal is drawn, and the spine is always whole', () => {
    const counts = [0, 0, 0];
    const drawn = new Map<string, number>();
    for (let seed = 0; seed < 1000; seed++) {
      const h = hand(seed);
      counts[h.length] = (counts[h.length] ?? 0) + 1;
      for (const g of h) drawn.set(g, (drawn.get(g) ?? 0) + 1);
      const names = Mission.instantiate(schema, { seed }).goalNames();
      expect(names.slice(0, 4)).toEqual(['breach', 'exfil', 'mirror', 'corrupt']);
      expect(names.at(-1)).toBe('escape');
    }
    expect(counts.length).toBe(3);
    // The count is uniform in 0..2: each near a third (a 5-sigma band for n = 1000, p = 1/3 is ±75).
    for (const c of counts) expect(Math.abs(c - 1000 / 3)).toBeLessThan(75);
    expect([...drawn.keys()].sort()).toEqual(['exec-bonus', 'ghost']);
    // Drawn goals keep the pool's order, whatever order they were drawn in.
    for (let seed = 0; seed < 200; seed++) if (hand(seed).length === 2) expect(hand(seed)).toEqual(['ghost', 'exec-bonus']);
  });

  it('different seeds give different hands; a :draw N pool always draws exactly N', () => {
    expect(new Set(Array.from({ length: 30 }, (_, s) => hand(s).join(','))).size).toBe(4);
    // The hand the cart file's comment promises for `--seed 1`: §9's, both limbs.
    expect(hand(1)).toEqual(['ghost', 'exec-bonus']);
    const fixed = schemaOf(`(defcontract-schema :fixed :objectives (spine (goal a :role :primary))
      (limbs (optional-pool :draw 2 (goal o1) (goal o2) (goal o3) (goal o4)) (optional-pool :draw 0 (goal z))))`);
    for (let seed = 0; seed < 100; seed++) {
      const d = drawLimbs(fixed, seed);
      expect(d[0]?.goals).toHaveLength(2);
      expect(d[1]?.goals).toHaveLength(0);
    }
  });
});
