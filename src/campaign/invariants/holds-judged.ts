import type { Invariant } from './invariant.js';

/**
 * Seed 003 §4, "the engine evaluates :hold predicates each tick … a violation transitions it to
 * :forfeit immediately". The model judges every tick of the run itself (World.judgeThrough); a tick
 * on which no watched check answers differently than on the tick before gives the deck nothing new to
 * act on, so judging it or not cannot be told apart (docs/holds.md). Every tick on which some watched
 * check's answer changed (a threshold crossed, telemetry moved a variable), from the tick after the
 * watch was armed to the tick before the operator resolved the run, must have been judged by the hold
 * ticker on that very tick, except while it was down.
 */
export function holdsJudged(): Invariant {
  return {
    name: 'holds-judged',
    after(f, w) {
      if (f.kind !== 'settled' || w.settled === null) return null;
      const m = w.settled.mission;
      if (m.resolveDue === null) return null;
      // Watching ends with the run, or when it failed (nothing is watched then).
      const end = m.failedAt === null ? m.resolveDue : Math.min(m.resolveDue, m.failedAt + 1);
      // A restarted ticker is re-armed (its hello, Mission Control's answer) two ticks after it comes back.
      const down = (t: number): boolean => m.down.some(([from, to]) => t >= from && t <= to + 2);
      const missing = m.unjudged.filter((t) => t > m.watchFrom && t < end && !down(t)).slice(0, 8);
      return missing.length === 0 ? null : `the hold ticker did not judge tick${missing.length === 1 ? '' : 's'} ${missing.join(', ')}${missing.length === 8 ? ' …' : ''} of ${m.label}, where a check it watched changed its answer`;
    },
  };
}
