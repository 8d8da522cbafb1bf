import type { Invariant } from './invariant.js';
import type { GoalModel, MissionModel } from './model/mission.js';

const CLOSED = new Set(['done', 'failed', 'forfeit']);

/**
 * Seed 003 §2.2 and §9 (GLASS PAYROLL's CORRUPT "voids ghost"): choosing a branch (or closing one of
 * its routes done) voids what it `:excludes`, the branch's other routes; a goal done voids what it
 * `:voids` — unless that had closed before. A goal so voided never pays: it ends `:void`.
 */
export function branchVoids(): Invariant {
  return {
    name: 'branch-voids',
    after(f, w) {
      if (f.kind !== 'settled' || w.settled === null) return null;
      return unvoided(w.settled.mission);
    },
  };
}

function unvoided(m: MissionModel): string | null {
  for (const g of m.order) {
    // A choice voids the branch's other routes at once; a goal's `:voids` fall when it is done.
    const voiding: Array<[readonly string[], number | null]> = [
      [g.spec.excludes, g.takenAt],
      [g.spec.voids, g.state === 'done' ? g.doneAt : null],
    ];
    for (const [names, at] of voiding) {
      if (at === null) continue;
      for (const name of names) {
        const t = m.goals.get(name);
        if (t === undefined || t.state === 'void' || closedBefore(t, at)) continue;
        return `${g.spec.goal} was ${at === g.doneAt ? 'done' : 'chosen'} at tick ${at}, which voids ${name}; yet ${name} ended ${t.state}${t.state === 'done' ? ' and was paid' : ''}`;
      }
    }
  }
  return null;
}

/** It had closed (done, failed, forfeit) by the time the voiding goal was taken: nothing to void. */
function closedBefore(t: GoalModel, at: number): boolean {
  if (!CLOSED.has(t.state)) return false;
  const closed = t.state === 'done' ? t.doneAt : t.closedAt;
  // Closed already when the model met it (a mission restored at a boot): before anything taken since.
  return closed === null || closed <= at;
}
