import type { Catalog } from '../../mission-control/catalog.js';
import type { Fact } from './fact.js';

/** What every check may read besides the fact in hand. */
export interface World {
  readonly catalog: Catalog;
  /** The cart in the slot, as the deck last reported it. */
  readonly inserted: string | null;
  /** 1-based index of the mission running or last run (0 before the first is accepted). */
  readonly mission: number;
}

/** One named rule of the seeds, checked fact by fact. A check returns what is wrong, or null. */
export interface Invariant {
  readonly name: string;
  check(fact: Fact, world: World): string | null;
}

export interface Violation {
  readonly invariant: string;
  /** 1-based mission index within the campaign (0: before the first mission). */
  readonly mission: number;
  readonly tick: number;
  readonly detail: string;
}
