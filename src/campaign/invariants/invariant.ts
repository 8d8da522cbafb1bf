import type { Fact } from './facts.js';
import type { World } from './model/world.js';

/**
 * One named rule of the seeds. `before` sees a fact against the model as it
 * stood (the deck's report against what the rules expected), `after` once the
 * model has taken the fact in. Each returns what is wrong, or null.
 */
export interface Invariant {
  readonly name: string;
  before?(fact: Fact, world: World): string | null;
  after?(fact: Fact, world: World): string | null;
}

export interface Violation {
  readonly invariant: string;
  /** 1-based mission index within the campaign (0: before the first mission). */
  readonly mission: number;
  readonly tick: number;
  readonly detail: string;
}
