import { shippedCartFiles } from '../../src/campaign/cart-files.js';
import { loadCartContent } from '../../src/mission-control/cart-content.js';
import { type Catalog, buildCatalog } from '../../src/mission-control/catalog.js';
import { type DeckSetup, setupDeck } from '../../src/mission-control/deck-setup.js';
import type { CipherEvent } from '../../src/mission-control/events.js';
import { fillBoard } from '../../src/mission-control/generation.js';
import type { DeckContext } from '../../src/mission-control/inputs.js';
import type { Uds } from '../../src/deck/uds.js';

/** The shipped cart content, read from actors/cartridge/games/ (real files). */
let cached: Catalog | undefined;
export function catalog(): Catalog {
  cached ??= buildCatalog(loadCartContent(shippedCartFiles()));
  return cached;
}

export const NOON = Date.UTC(2026, 5, 20, 12, 0, 0);
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

/** A deck as `nosh board` builds it, with its board filled. */
export function boardFor(setup: Partial<DeckSetup> & { seed: number }): { uds: Uds; ctx: DeckContext; events: CipherEvent[] } {
  const { uds, ctx } = setupDeck(catalog(), { registered: [], inserted: null, now: NOON, ...setup });
  const events: CipherEvent[] = [];
  return { uds: fillBoard(uds, ctx, 'refresh', events), ctx, events };
}

export function moduleOf(schema: string): string[] {
  const cs = catalog().schemaByName.get(schema);
  if (cs === undefined) throw new Error(`no schema ${schema}`);
  return cs.providers.map((m) => m.name);
}
