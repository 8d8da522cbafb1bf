import seedrandom from 'seedrandom';

/** A seeded random stream. Actors get one each; nothing else in actor code is random. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  range(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function rngFromSeed(seed: string): Rng {
  const prng = seedrandom(seed);
  const next = (): number => prng.quick();
  const int = (n: number): number => {
    if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`rng.int needs a positive integer, got ${n}`);
    return Math.floor(next() * n);
  };
  return {
    next,
    int,
    range: (lo, hi) => {
      if (hi < lo) throw new RangeError(`rng.range needs lo <= hi, got ${lo}..${hi}`);
      return lo + int(hi - lo + 1);
    },
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('rng.pick from an empty list');
      return items[int(items.length)] as (typeof items)[number];
    },
  };
}

/**
 * Each actor incarnation gets its own stream, so adding an actor or restarting
 * one never shifts the numbers another actor sees.
 */
export function actorRng(runSeed: number | string, actorId: string, incarnation: number): Rng {
  return rngFromSeed(`nosh:${runSeed}:${actorId}:${incarnation}`);
}
