import { type Rng, rngFromSeed } from '../runtime/rng.js';
import type { GoalSpec } from './goal-cell.js';
import type { ObjectiveSchema } from './schema.js';
import { at } from '../assert.js';

/** The goals one optional pool drew for an instance, in the pool's authored order. */
export interface DrawnPool {
  readonly pool: number;
  readonly goals: readonly GoalSpec[];
}

/**
 * The instance's own random stream: the same schema and seed always give the
 * same hand (seed 003 §6), and nothing else (board generation, other
 * missions) can shift it.
 */
export function limbRng(schema: ObjectiveSchema, seed: number): Rng {
  return rngFromSeed(`nosh:objectives:${schema.name}:${seed}`);
}

/**
 * Draw each pool's hand: a count uniform in its `:draw` range, then that many
 * distinct goals, uniformly. Drawn goals keep the pool's order, so the phase
 * layout (and the chain's bit positions) never depends on draw order.
 */
export function drawLimbs(schema: ObjectiveSchema, seed: number): DrawnPool[] {
  const rng = limbRng(schema, seed);
  return schema.pools.map((pool, index) => {
    const count = rng.range(pool.draw.min, pool.draw.max);
    // A partial Fisher–Yates shuffle of the indices: the first `count` are the draw.
    const order = pool.goals.map((_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + rng.int(order.length - i);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const picked = order.slice(0, count).sort((a, b) => a - b);
    return { pool: index, goals: picked.map((i) => at(pool.goals, i)) };
  });
}
