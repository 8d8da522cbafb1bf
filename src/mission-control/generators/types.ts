import type { Value } from '../../lisp/values.js';
import type { Rng } from '../../runtime/rng.js';

/** What a generator sees: its own seeded stream, the contract's shape, and what earlier generators made. */
export interface GenContext {
  readonly rng: Rng;
  readonly threat: number;
  readonly phases: number;
  /** Affinities of the contributing modules (`digital`, `maritime`…), which flavour names. */
  readonly affinities: readonly string[];
  /** Output of the generators that ran before this one, by name (ice placement reads the topology). */
  readonly made: ReadonlyMap<string, Generated>;
}

/**
 * A generator's output: a short phrase for briefs and the board, and the
 * structure itself as a Lisp value (it becomes part of `mission-params` in
 * the Mission Runner).
 */
export interface Generated {
  readonly summary: string;
  readonly value: Value;
}

export type Generator = (ctx: GenContext) => Generated;
