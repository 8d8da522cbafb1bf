import { contractLabel } from '../../mission-control/format.js';
import { Registry } from '../../mission-control/registry.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 004 §2: Historical carts never compose. Each contract is checked when
 * it first appears, against the registry as it stood when it was generated
 * (the slot as last reported, cart_last_seen at that commit).
 */
export function noHistorical(): Invariant {
  let seen = new Set<number>();
  return {
    name: 'no-historical',
    check(f, world) {
      if (f.kind !== 'commit' || f.uds === null) return null;
      const uds = f.uds;
      const now = new Set(uds.board.map((e) => e.id));
      const fresh = uds.board.filter((e) => !seen.has(e.id));
      seen = now;
      for (const e of fresh) {
        const schema = world.catalog.schemaByName.get(e.schema);
        if (schema === undefined) continue;
        const registry = new Registry(world.catalog.modules, uds, world.inserted, e.createdAt);
        const stale = schema.providers.filter((m) => !registry.composable(m.name));
        if (stale.length > 0) return `${contractLabel(e.id)} (:${e.schema}) needs ${stale.map((m) => `${m.name} (${registry.tier(m.name)})`).join(', ')}`;
      }
      return null;
    },
  };
}
