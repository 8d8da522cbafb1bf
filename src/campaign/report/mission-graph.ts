import { type GoalView, formatReward, goalGlyph } from '../../objectives/index.js';
import { type GraphEdge, type GraphNode, renderGraphSvg } from './graph-svg.js';

/**
 * A goal as the task graph needs it: what a mission's snapshot (GoalView) and
 * Mission Control's `accepted` deck event (its goal facts) both carry.
 */
export interface GraphGoal {
  readonly name: string;
  readonly text?: string | null;
  readonly phase: number;
  readonly role: GoalView['role'];
  readonly briefed: boolean;
  readonly state: GoalView['state'];
  readonly parent: string | null;
  readonly group: GoalView['group'];
  readonly children: readonly string[];
  readonly requires: readonly string[];
  readonly excludes: readonly string[];
  readonly voids: readonly string[];
  readonly rewards: ReadonlyArray<Pick<GoalView['rewards'][number], 'kind' | 'amount' | 'flag' | 'when'>>;
  readonly escalation: { readonly id: number; readonly condition: string; readonly fired?: boolean } | null;
}

/** The panel's states as colours: open blue, done green, failed red, forfeit and void grey, locked dim. */
const STATE_COLOURS: Readonly<Record<GoalView['state'], string>> = {
  open: '#2f81f7',
  done: '#2ea043',
  failed: '#f85149',
  forfeit: '#8b949e',
  void: '#6e7681',
  locked: '#4b5263',
};

const EDGE = { requires: '#79c0ff', branch: '#e3b341', excludes: '#db61a2', voids: '#f85149', part: '#6e7681', spawns: '#ffa657' } as const;

/**
 * A mission's objective graph as an SVG task graph: goals grouped by phase,
 * `:requires`, branch, `:excludes` and `:voids` edges, each goal's panel
 * glyph, state colour, rewards (escrow marked), and each escalation drawn as
 * the trigger that spawns its goal.
 */
export function missionGraphSvg(title: string, goals: readonly GraphGoal[]): Promise<string> {
  const byName = new Map(goals.map((g) => [g.name, g]));
  const phases = [...new Set(goals.map((g) => g.phase))].sort((a, b) => a - b);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const g of goals) {
    const parentGroup = g.parent === null ? null : (byName.get(g.parent)?.group ?? null);
    const rewards = g.rewards.map((r) => `${formatReward({ ...r, scaled: false })}${r.when === 'on-resolve' ? ' [escrow]' : r.when === 'on-complete' ? '' : ` [${r.when}]`}`);
    nodes.push({
      id: g.name,
      lines: [`${goalGlyph({ ...g, parentGroup })} ${g.name}`, ...(g.text ? [g.text] : []), `${g.role} · ${g.briefed ? 'briefed' : 'latent'} · ${g.state}`, ...(rewards.length > 0 ? [rewards.join(' ')] : [])],
      fill: '#161b22',
      stroke: STATE_COLOURS[g.state],
      group: `phase-${g.phase}`,
      dashed: !g.briefed,
      data: { state: g.state, role: g.role, reveal: g.briefed ? 'briefed' : 'latent', ...(g.rewards.some((r) => r.when === 'on-resolve') ? { escrow: 'true' } : {}) },
    });
    for (const r of g.requires) edges.push({ from: r, to: g.name, color: EDGE.requires, kind: 'requires', label: 'requires' });
    if (g.parent !== null) edges.push(parentGroup === 'branch' ? { from: g.parent, to: g.name, color: EDGE.branch, kind: 'branch', label: 'branch' } : { from: g.parent, to: g.name, color: EDGE.part, kind: 'part-of' });
    for (const v of g.voids) if (byName.has(v)) edges.push({ from: g.name, to: v, color: EDGE.voids, kind: 'voids', label: 'voids', dashed: true });
    // Branch siblings exclude each other by being a branch; only an authored :excludes gets an edge, once per pair.
    for (const x of g.excludes) {
      const other = byName.get(x);
      if (other && other.parent === g.parent && parentGroup === 'branch') continue;
      if (other && g.name < x) edges.push({ from: g.name, to: x, color: EDGE.excludes, kind: 'excludes', label: 'excludes', dashed: true });
    }
    if (g.escalation !== null) {
      const id = `escalation-${g.escalation.id}`;
      const fired = g.escalation.fired === true;
      nodes.push({ id, lines: [`⚡ escalation ${g.escalation.id}`, `on ${g.escalation.condition}`, fired ? 'fired' : 'not fired'], fill: '#2a1d12', stroke: EDGE.spawns, group: `phase-${g.phase}`, dashed: !fired, data: { escalation: String(g.escalation.id), fired: String(fired) } });
      edges.push({ from: id, to: g.name, color: EDGE.spawns, kind: 'spawns', label: 'spawns', dashed: !fired });
    }
  }
  return renderGraphSvg({
    title,
    groups: phases.map((p) => ({ id: `phase-${p}`, label: `phase ${p}` })),
    nodes,
    edges,
    legend: ['○ open  + optional  ● done  ✕ failed  ⊘ forfeit  ∅ void  ◇ branch choice  ◌ locked · dashed box: latent', 'edges: requires (blue) · branch (amber) · voids (red, dashed) · excludes (pink) · escalation spawns (orange)'],
  });
}
