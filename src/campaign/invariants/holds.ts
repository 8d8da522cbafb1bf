import { heardAfter } from './model/mission.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 003 §4: the engine judges every `:hold` each tick; the first tick its predicate is false (or
 * cannot be judged) the goal is forfeited, and a forfeited hold is never paid. The model judges the
 * same predicates on the telemetry the hold ticker received: a hold it saw broken must end forfeit,
 * on the tick it broke; a hold forfeited as violated must have been broken then. A hold the ticker
 * could not watch (it restarted) is not certified: it ends forfeit too.
 */
export function holds(): Invariant {
  return {
    name: 'holds',
    before(f, w) {
      if (f.kind !== 'goal' || f.cause !== 'hold-violated') return null;
      const g = w.mission?.goals.get(f.goal);
      if (!g || !w.mission) return null;
      if (w.mission.tickerRestarted) return null;
      if (g.violatedAt === null) return `${f.goal} was forfeited as violated at tick ${f.judged}, but ${g.spec.hold} held on every tick judged`;
      if (f.judged !== g.violatedAt) return `${f.goal} was forfeited as violated at tick ${f.judged}; ${g.spec.hold} first failed at tick ${g.violatedAt}`;
      return null;
    },
    after(f, w) {
      if (f.kind !== 'settled' || w.settled === null) return null;
      const m = w.settled.mission;
      for (const g of m.order) {
        if (g.spec.hold === null) continue;
        const broken = g.violatedAt !== null;
        // Open while the ticker was down: nobody watched it, so it is not certified (a branch may still void it).
        const unwatched = g.openedAt !== null && m.down.some(([from, to]) => (g.openedAt as number) <= to && (g.closedAt === null || g.closedAt >= from));
        // Voided by a branch before the deck heard the break (its ticker was late): unpaid either way.
        const voidedFirst = broken && g.state === 'void' && heardAfter(m, g.violatedAt as number, g.closedAt);
        if ((broken && g.state !== 'forfeit' && !voidedFirst) || (unwatched && g.state === 'done')) return `${g.spec.goal} ${g.spec.hold} ${broken ? `failed at tick ${g.violatedAt}` : 'went unwatched (the hold ticker restarted)'} yet ended ${g.state}${g.state === 'done' ? ' and was paid' : ''}`;
      }
      return null;
    },
  };
}
