import { contractLabel } from '../../mission-control/format.js';
import type { Invariant } from './invariant.js';

/** Seed 004 §3.2.1: a contract's threat is at least 1 and at most the highest cap among the carts it composes. */
export function threatCaps(): Invariant {
  return {
    name: 'threat-caps',
    check(f, world) {
      if (f.kind !== 'commit' || f.uds === null) return null;
      for (const e of f.uds.board) {
        const schema = world.catalog.schemaByName.get(e.schema);
        if (schema === undefined) return `${contractLabel(e.id)} names schema :${e.schema}, which no cart provides`;
        const cap = Math.max(...schema.providers.map((m) => m.threatCap));
        if (e.threat < 1 || e.threat > cap) return `${contractLabel(e.id)} (:${e.schema}) has threat ${e.threat}; its contributors cap it at ${cap}`;
      }
      return null;
    },
  };
}
