import type { GoalFact } from './facts.js';
import type { Invariant } from './invariant.js';
import type { DeclaredGoal } from './model/declared-goals.js';

/**
 * Seed 003 §2, §6: a mission is the objective graph its schema declares. Every goal the deck reports at
 * acceptance is one the cart file declares, with the declared role and reveal, the same parent, the same
 * kind of group (`:branch` children exclude each other; `:any` is an OR-group) over the same children,
 * and the same `:requires` and `:voids`. (Which optional-pool goals and escalations appear is the
 * seeded draw's; what each is, is not.)
 */
export function declaredGraph(): Invariant {
  return {
    name: 'declared-graph',
    before(f, w) {
      if (f.kind !== 'accepted') return null;
      const declared = w.content.schemas.get(f.schema)?.goals;
      if (declared === undefined || declared.size === 0) return null;
      const present = new Set(f.goals.map((g) => g.goal));
      for (const g of f.goals) {
        const d = declared.get(g.goal);
        if (d === undefined) return `${f.contract} (:${f.schema}) has goal ${g.goal}, which its schema does not declare`;
        const wrong = differs(g, d, present);
        if (wrong !== null) return `${f.contract} (:${f.schema}) goal ${g.goal}: ${wrong}`;
      }
      return null;
    },
  };
}

/** What of the goal differs from its declaration (links to goals this seed's draw left out do not count). */
function differs(g: GoalFact, d: DeclaredGoal, present: ReadonlySet<string>): string | null {
  const same = (a: readonly string[], b: readonly string[]): boolean => [...a].sort().join(' ') === [...b].sort().join(' ');
  if (g.role !== d.role) return `is ${g.role}; declared ${d.role}`;
  if (g.reveal !== d.reveal) return `is ${g.reveal}; declared ${d.reveal}`;
  if (g.parent !== d.parent) return `has parent ${g.parent ?? 'none'}; declared ${d.parent ?? 'none'}`;
  if (g.group !== d.group) return `heads ${g.group === null ? 'no group' : `an :${g.group} group`}; declared ${d.group === null ? 'none' : `:${d.group}`}`;
  if (!same(g.children, d.children)) return `has children (${g.children.join(' ')}); declared (${d.children.join(' ')})`;
  if (!same(g.requires, d.requires.filter((x) => present.has(x)))) return `requires (${g.requires.join(' ')}); declared (${d.requires.join(' ')})`;
  if (!same(g.voids, d.voids.filter((x) => present.has(x)))) return `voids (${g.voids.join(' ')}); declared (${d.voids.join(' ')})`;
  return null;
}
