import type { Invariant } from './invariant.js';

/**
 * A goal pays its rewards at most once, in each currency, even across restores (seed 003 §8: banked
 * rewards persist; a restore re-derives the rest): a goal already paid never closes again, and a
 * restored OR-group or branch never reopens the routes it closed.
 */
export function rewardOnce(): Invariant {
  return {
    name: 'reward-once',
    before(f, w) {
      if (f.kind === 'goal' && f.to === 'done') {
        const g = w.mission?.goals.get(f.goal);
        return g?.paid ? `${f.goal} closed :done a second time (its rewards were paid already)` : null;
      }
      if (f.kind !== 'ready' || f.mission === null) return null;
      const goals = new Map(f.mission.goals.map((g) => [g.goal, g]));
      for (const g of f.mission.goals) {
        if (g.state !== 'done') continue;
        const losers =
          g.group === 'any'
            ? g.children.filter((c) => goals.get(c)?.state !== 'done')
            : g.parent !== null && goals.get(g.parent)?.group === 'branch'
              ? (goals.get(g.parent)?.children ?? []).filter((c) => c !== g.goal)
              : [];
        const live = losers.filter((c) => ['locked', 'open'].includes(goals.get(c)?.state ?? ''));
        if (live.length > 0) return `restored with ${g.goal} done, yet ${live.join(', ')} ${live.length === 1 ? 'is' : 'are'} open to be done again`;
      }
      return null;
    },
  };
}
