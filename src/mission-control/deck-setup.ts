import { recordCartSeen } from '../deck/cart-seen.js';
import { type Uds, emptyUds } from '../deck/uds.js';
import type { Catalog } from './catalog.js';
import type { DeckContext } from './inputs.js';
import { Registry } from './registry.js';

/** A deck described the way `nosh board` takes it: a seed, the carts it knows, the one in the slot, the time. */
export interface DeckSetup {
  /** cipher_seed. */
  readonly seed: number;
  /** Cartridges registered on this deck, with when each was last in the slot. */
  readonly registered: readonly { readonly cart: string; readonly lastSeen: number }[];
  readonly inserted: string | null;
  readonly now: number;
}

/** Build that deck's UDS (empty board) and the context to generate against. */
export function setupDeck(catalog: Catalog, setup: DeckSetup): { uds: Uds; ctx: DeckContext } {
  let uds = emptyUds(setup.seed);
  const cart = (name: string): number => {
    const m = catalog.modules.find((x) => x.name === name);
    if (m === undefined || m.system) {
      const carts = catalog.modules.filter((x) => !x.system).map((x) => x.name);
      throw new RangeError(`no cartridge named '${name}' (cartridges: ${carts.join(', ')})`);
    }
    return m.bit;
  };
  for (const r of setup.registered) {
    if (r.lastSeen > setup.now) throw new RangeError(`cartridge '${r.cart}' last seen after the deck's current time`);
    uds = recordCartSeen(uds, cart(r.cart), r.lastSeen);
  }
  if (setup.inserted !== null) uds = recordCartSeen(uds, cart(setup.inserted), setup.now);
  return { uds, ctx: deckContext(catalog, uds, setup.inserted, setup.now) };
}

export function deckContext(catalog: Catalog, uds: Uds, inserted: string | null, now: number): DeckContext {
  return { catalog, registry: new Registry(catalog.modules, uds, inserted, now), now };
}
