import type { Catalog } from './catalog.js';
import type { Registry } from './registry.js';

/** What every board operation reads besides the UDS: the content, the registry view, and the time. */
export interface DeckContext {
  readonly catalog: Catalog;
  readonly registry: Registry;
  /** Deck wall-clock ms (an input: domain code never reads a clock). */
  readonly now: number;
}
