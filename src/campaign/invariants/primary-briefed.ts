import type { Invariant } from './invariant.js';

const CLOSED = new Set(['done', 'failed', 'forfeit']);

/** Seed 003 §2.1: a primary is briefed by the time anyone can close or fail it. */
export function primaryBriefed(): Invariant {
  return {
    name: 'primary-briefed',
    check(f) {
      if (f.kind === 'goal' && f.role === 'primary' && !f.briefed && CLOSED.has(f.to)) return `primary ${f.goal} went ${f.from} → ${f.to} while latent`;
      if (f.kind !== 'settled') return null;
      const hidden = f.settlement.missing.filter((m) => m.role === 'primary' && !m.briefed && (m.state === 'failed' || m.state === 'forfeit'));
      return hidden.length > 0 ? `the mission resolved with latent primaries ${hidden.map((m) => `${m.goal} (${m.state})`).join(', ')}` : null;
    },
  };
}
