import { type GoalModel, type MissionModel, heardAfter } from './model/mission.js';
import type { Invariant } from './invariant.js';

/**
 * Seed 003 §4, §6: the engine watches every escalation, `:fail-on` and `:at` trigger each tick, and
 * acts on the tick its condition first holds: an escalation fires (its goal spawns, briefed), a
 * fail-on fails its goal, an `:at` trigger reveals its goal — on that tick, never before, and never
 * not at all. After the hold ticker restarted in a run its ticks are not checked to the tick.
 */
export function escalations(): Invariant {
  return {
    name: 'escalations',
    before(f, w) {
      const m = w.mission;
      if (!m || m.tickerRestarted) return null;
      if (f.kind === 'escalation') {
        const g = m.order.find((x) => x.spec.escalation?.id === f.id);
        return g ? onTime(`escalation ${f.id} (${g.spec.escalation?.condition})`, f.judged, g.escalateAt) : null;
      }
      if (f.kind === 'goal' && f.cause === 'fail-on') {
        const g = m.goals.get(f.goal);
        return g ? onTime(`${f.goal}'s :fail-on ${g.spec.failOn}`, f.judged, g.failOnAt) : null;
      }
      if (f.kind === 'revealed' && f.by === 'at') {
        const g = m.goals.get(f.goal);
        return g ? onTime(`${f.goal}'s :at ${g.spec.at}`, f.judged, g.atAt) : null;
      }
      return null;
    },
    after(f, w) {
      if (f.kind !== 'settled' || w.settled === null || w.settled.mission.tickerRestarted) return null;
      return missed(w.settled.mission);
    },
  };
}

function onTime(what: string, judged: number | null, first: number | null): string | null {
  if (first === null) return `${what} acted at tick ${judged}, but it never held on a tick judged`;
  return judged === first ? null : `${what} acted at tick ${judged}; it first held at tick ${first}`;
}

/** A trigger that held while its goal was watched, and the deck never acted on. */
function missed(m: MissionModel): string | null {
  // A verdict that reached the deck after the mission had failed is moot: the failure stands.
  const live = (t: number | null): boolean => t !== null && !heardAfter(m, t, m.failedAt);
  for (const g of m.order) {
    if (live(g.escalateAt) && g.firedAt === null) return `escalation ${g.spec.escalation?.id} (${g.spec.escalation?.condition}) held at tick ${g.escalateAt} and never fired`;
    if (live(g.failOnAt) && g.state !== 'failed' && failStillPossible(g)) return `${g.spec.goal}'s :fail-on ${g.spec.failOn} held at tick ${g.failOnAt}, yet it ended ${g.state}`;
    if (live(g.atAt) && g.revealedAt === null) return `${g.spec.goal}'s :at ${g.spec.at} matched at tick ${g.atAt} and it was never revealed`;
  }
  return null;
}

/** A fail-on that held on a goal the run closed otherwise first (done before the verdict landed) is moot. */
function failStillPossible(g: GoalModel): boolean {
  return g.closedAt === null || (g.failOnAt !== null && g.closedAt > g.failOnAt);
}
