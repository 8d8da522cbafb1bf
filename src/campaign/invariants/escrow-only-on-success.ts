import type { Invariant } from './invariant.js';

const NUMERIC = ['¤', 'rep', 'intel'] as const;

/** Escrow (on-resolve, deferred, recurring) is paid on a clean success only; a failed or abandoned run keeps just what it banked. */
export function escrowOnlyOnSuccess(): Invariant {
  return {
    name: 'escrow-only-on-success',
    check(f) {
      if (f.kind !== 'settled' || f.outcome === 'success') return null;
      for (const currency of NUMERIC) {
        const b = f.settlement.currencies[currency];
        const escrow = b.paidAtResolve + b.deferred + b.recurring;
        if (escrow !== 0) return `a ${f.outcome} mission paid ${escrow} ${currency} of escrow`;
      }
      const a = f.settlement.currencies.access;
      const flags = [...a.paidAtResolve, ...a.deferred, ...a.recurring];
      if (flags.length > 0) return `a ${f.outcome} mission granted escrowed access ${flags.join(', ')}`;
      const banked = f.settlement.currencies['¤'].banked;
      if (f.credits !== banked) return `a ${f.outcome} mission paid ¤${f.credits} in all, but banked ¤${banked}: it may pay only what it banked`;
      return null;
    },
  };
}
