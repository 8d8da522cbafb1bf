import type { GoalNode } from './goal-node.js';
import { isDead } from './state-machine.js';

/**
 * Decision (seed 003 §5 "a :primary … becomes unreachable"): a goal can still
 * be done unless it is dead, or it waits on something that can never be done:
 * a dead or unreachable prerequisite or parent, an OR-group whose children are
 * all unreachable, or a fork with no child left to choose. A counted primary
 * that is unreachable fails the mission at once, rather than at resolve.
 */
export function isReachable(g: GoalNode, memo: Map<GoalNode, boolean> = new Map()): boolean {
  const known = memo.get(g);
  if (known !== undefined) return known;
  memo.set(g, false); // a cycle (impossible after validation) counts as unreachable
  let ok: boolean;
  if (g.state === 'done') ok = true;
  else if (isDead(g.state)) ok = false;
  else {
    const fork = g.group === 'branch' && !g.children.some((c) => c.chosen) ? g.children.some((c) => c.state === 'locked' && isReachable(c, memo)) : true;
    const orGroup = g.group === 'any' ? g.children.some((c) => isReachable(c, memo)) : true;
    ok = fork && orGroup && (g.state === 'open' || (g.requires.every((r) => isReachable(r, memo)) && parentCanOpen(g.parent, memo)));
  }
  memo.set(g, ok);
  return ok;
}

/** A child's parent is no obstacle if it is open or done, or locked with every prerequisite still reachable. */
function parentCanOpen(p: GoalNode | null, memo: Map<GoalNode, boolean>): boolean {
  if (p === null || p.state === 'open' || p.state === 'done') return true;
  return p.state === 'locked' && p.requires.every((r) => isReachable(r, memo)) && parentCanOpen(p.parent, memo);
}
