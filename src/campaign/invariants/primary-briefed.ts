import type { Invariant } from './invariant.js';

const CLOSED = new Set(['done', 'failed', 'forfeit']);

/**
 * Seed 003 §2.1: a primary is briefed before it can close or fail; a latent goal flips to briefed the
 * instant it is revealed and only then can it open. The model knows who was briefed (authored, or
 * revealed since); the deck's report must agree.
 */
export function primaryBriefed(): Invariant {
  return {
    name: 'primary-briefed',
    before(f, w) {
      if (f.kind === 'accepted') {
        const hidden = f.goals.filter((g) => g.state === 'open' && !g.briefed);
        return hidden.length > 0 ? `latent goals start open: ${hidden.map((g) => g.goal).join(', ')}` : null;
      }
      if (f.kind !== 'goal') return null;
      const g = w.mission?.goals.get(f.goal);
      if (!g) return null;
      if (f.to === 'open' && f.from === 'locked' && !g.briefed) return `${f.goal} opened while latent (never revealed)`;
      if (g.spec.role === 'primary' && CLOSED.has(f.to) && !g.briefed) return `primary ${f.goal} went ${f.from} → ${f.to} while latent`;
      if (f.briefed !== g.briefed) return `${f.goal} is reported ${f.briefed ? 'briefed' : 'unbriefed'}, but it was ${g.briefed ? 'briefed or revealed' : 'never revealed'}`;
      return null;
    },
  };
}
