import type { Invariant } from './invariant.js';

/**
 * Seed 003 §4, "the engine evaluates :hold predicates each tick": while a mission with anything to
 * watch runs, the hold ticker judges every tick, from the tick after it was armed to the tick before
 * the operator resolved the run (or to the tick it failed), except while it was down.
 */
export function holdsJudged(): Invariant {
  return {
    name: 'holds-judged',
    after(f, w) {
      if (f.kind !== 'settled' || w.settled === null) return null;
      const m = w.settled.mission;
      const watched = m.order.some((g) => g.hold !== null || g.failOn !== null || g.condition !== null || g.spec.at !== null);
      if (!watched || m.resolveDue === null) return null;
      // Watching ends with the run, or when it failed (nothing is watched then).
      const end = m.failedAt === null ? m.resolveDue : Math.min(m.resolveDue, m.failedAt + 1);
      // A restarted ticker is re-armed (its hello, Mission Control's answer) two ticks after it comes back.
      const down = (t: number): boolean => m.down.some(([from, to]) => t >= from && t <= to + 2);
      const missing = m.judged.missing(m.watchFrom + 1, end, 64).filter((t) => !down(t)).slice(0, 8);
      return missing.length === 0 ? null : `the hold ticker did not judge tick${missing.length === 1 ? '' : 's'} ${missing.join(', ')}${missing.length === 8 ? ' …' : ''} of ${m.label}`;
    },
  };
}
