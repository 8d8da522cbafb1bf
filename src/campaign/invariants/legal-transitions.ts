import { LEGAL_EDGES } from './model/rules.js';
import type { Invariant } from './invariant.js';

/** Seed 003 §2.2: every goal change is an edge of the state machine, from the state the goal was in. */
export function legalTransitions(): Invariant {
  return {
    name: 'legal-transitions',
    before(f, w) {
      if (f.kind !== 'goal') return null;
      if (!LEGAL_EDGES.has(`${f.from}→${f.to}`)) return `goal ${f.goal} went ${f.from} → ${f.to}, which §2.2 does not allow`;
      const g = w.mission?.goals.get(f.goal);
      if (w.mission && !g) return `goal ${f.goal} is not a goal of ${w.mission.label}`;
      if (g && g.state !== f.from) return `goal ${f.goal} went ${f.from} → ${f.to}, but it was ${g.state}`;
      return null;
    },
  };
}
