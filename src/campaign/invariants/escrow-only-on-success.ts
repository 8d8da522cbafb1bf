import type { Invariant } from './invariant.js';

/**
 * Seed 003 §3.2, §5: escrow (`:on-resolve`) and the obligations a run leaves (`:deferred`,
 * `:recurring`) are paid on a clean success only; a failed or abandoned run keeps only what it banked.
 */
export function escrowOnlyOnSuccess(): Invariant {
  return {
    name: 'escrow-only-on-success',
    after(f, w) {
      if (f.kind !== 'settled' || w.settled === null || w.settled.outcome === 'success') return null;
      const extra = (['credits', 'reputation', 'intel'] as const).map((k) => [k, f.figures[k] - w.ledger[k]] as const).filter(([, d]) => d > 0);
      const owed = f.figures.obligations.filter((o) => o.contractId === w.settled?.mission.id);
      if (extra.length > 0) return `a ${w.settled.outcome} run paid more than it banked: ${extra.map(([k, d]) => `${k === 'credits' ? '¤' : k} +${d}`).join(', ')}`;
      if (owed.length > 0) return `a ${w.settled.outcome} run left ${owed.map((o) => o.kind).join(' and ')} rewards owing`;
      return null;
    },
  };
}
