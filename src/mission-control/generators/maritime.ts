import { groupThousands } from '../format.js';
import { kw, lst, rec } from './lisp-data.js';
import type { GenContext, Generated } from './types.js';
import { WRECK_KINDS } from './vocabulary.js';

/** DEPTHCHARGE's seeds: the dive, the water, and what lies on the bottom. */
export function depthProfile(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const legs = 2 + rng.int(2 + Math.ceil(threat / 2));
  const floor = 150 + threat * 250 + rng.int(200);
  const depths: number[] = [];
  for (let i = 1; i <= legs; i++) depths.push(Math.round((floor * i) / legs / 10) * 10);
  const max = depths[depths.length - 1] as number;
  return { summary: `descends to ${groupThousands(max)} m over ${legs} legs`, value: rec({ legs: lst(depths), 'max-depth': max }) };
}

export function currentMap(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const count = 1 + rng.int(2 + Math.ceil(threat / 2));
  const currents = Array.from({ length: count }, () => ({ heading: rng.int(360), knots: Math.round((0.5 + rng.next() * (1 + threat)) * 10) / 10 }));
  const strongest = Math.max(...currents.map((c) => c.knots));
  return { summary: `${count} current${count === 1 ? '' : 's'}, strongest ${strongest} kn`, value: lst(currents.map((c) => rec({ heading: c.heading, knots: c.knots }))) };
}

export function wreckField(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const count = 1 + rng.int(1 + Math.ceil(threat / 2));
  const wrecks = Array.from({ length: count }, () => rng.pick(WRECK_KINDS));
  return {
    summary: count === 1 ? `a lone ${wrecks[0]}` : `${count} wrecks, a ${wrecks[0]} among them`,
    value: lst(wrecks.map((w, i) => rec({ wreck: i + 1, kind: kw(w.replace(/ /g, '-')), 'hull-integrity': 10 + rng.int(90) }))),
  };
}
