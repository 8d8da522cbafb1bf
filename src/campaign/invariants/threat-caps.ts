import { boardOf, label } from './board-facts.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 004 §3.2.1: a contract's threat lies in its schema's `:threat-range`, clipped to the highest
 * `:threat-cap` among the modules it is composed from (the launch modules' caps as the seed tables them).
 */
export function threatCaps(): Invariant {
  return {
    name: 'threat-caps',
    after(f, w) {
      const b = boardOf(f);
      if (b === null) return null;
      for (const c of b.contracts) {
        const schema = w.content.schemas.get(c.schema);
        if (schema === undefined) return `${label(c.id)} names schema :${c.schema}, which no cart provides`;
        const cap = Math.max(0, ...w.content.contributors(c.schema).map((m) => m.threatCap));
        const [low, high] = schema.threatRange;
        const top = Math.min(high, cap);
        if (c.threat < Math.max(1, low) || c.threat > top) return `${label(c.id)} (:${c.schema}) has threat ${c.threat}; its range ${low}–${high} clipped to its contributors' cap ${cap} allows ${Math.max(1, low)}–${top}`;
      }
      return null;
    },
  };
}
