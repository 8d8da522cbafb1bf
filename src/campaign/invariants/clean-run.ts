import type { Invariant } from './invariant.js';

/** A run without injected faults rejects no envelope and dead-letters none: every message is one its receiver takes. */
export function cleanRun(): Invariant {
  return {
    name: 'clean-run',
    before(f, w) {
      if (w.campaign.faults) return null;
      if (f.kind === 'rejected') return `${f.actor} rejected ${f.message}: ${f.error}`;
      if (f.kind === 'dead-letter') return `${f.message} to ${f.to} was dead-lettered: ${f.reason}`;
      return null;
    },
  };
}
