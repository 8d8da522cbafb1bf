import { type GoalSpec, flattenGoal } from './goal-cell.js';
import { fail } from './lisp-forms.js';
import { MAX_GOALS_PER_PHASE } from './limits.js';
import type { ObjectiveSchema } from './schema.js';

/** Where a goal sits in its schema, for the cross-goal rules. */
interface Placement {
  readonly spec: GoalSpec;
  readonly phase: number;
  readonly origin: 'spine' | 'pool' | 'escalation';
  /** The top-level goal it was authored under (itself if top-level): pool goals are drawn with their children. */
  readonly unit: string;
  readonly parent: string | null;
}

/**
 * The authoring rules that span goals (one cell's own rules are checked as it
 * is read, in goal-cell.ts). A schema that passes can be instantiated with any
 * seed: every reference resolves, nothing waits on itself, every phase fits
 * its 96-bit record and has a primary to finish.
 */
export function validateSchema(schema: ObjectiveSchema): void {
  const placements = new Map<string, Placement>();
  const place = (spec: GoalSpec, phase: number, origin: Placement['origin']): void => {
    const walk = (s: GoalSpec, parent: string | null): void => {
      const seen = placements.get(s.name);
      if (seen !== undefined) fail('duplicate-goal', `the name is used twice in schema :${schema.name} (first at ${seen.spec.pos?.line ?? '?'}:${seen.spec.pos?.col ?? '?'})`, s.name, s.pos);
      placements.set(s.name, { spec: s, phase, origin, unit: spec.name, parent });
      for (const c of s.group?.children ?? []) walk(c, s.name);
    };
    walk(spec, null);
  };
  schema.phases.forEach((goals, p) => goals.forEach((g) => place(g, p, 'spine')));
  for (const pool of schema.pools) for (const g of pool.goals) place(g, pool.phase, 'pool');
  for (const e of schema.escalations) place(e.goal, e.phase, 'escalation');

  schema.phases.forEach((goals, p) => {
    if (!goals.some((g) => flattenGoal(g).some((s) => s.role === 'primary'))) {
      fail('phase', `phase ${p + 1} has no :primary goal in the spine: a phase advances when its primaries are done, and a mission succeeds on them`, null, goals[0]?.pos ?? schema.pos);
    }
  });

  checkPhaseCapacity(schema);

  for (const p of placements.values()) {
    const { spec } = p;
    for (const target of spec.requires) {
      const t = placements.get(target);
      if (t === undefined) fail('unknown-goal', `:requires ${target}, which is not a goal of schema :${schema.name}`, spec.name, spec.pos);
      if (t.origin === 'pool' && t.unit !== p.unit) fail('requires-undrawn', `:requires ${target}, an optional-pool goal the generator may not draw`, spec.name, spec.pos);
      if (t.phase > p.phase) fail('requires-later-phase', `:requires ${target} of phase ${t.phase + 1}, but belongs to phase ${p.phase + 1}`, spec.name, spec.pos);
    }
    for (const [key, list] of [['excludes', spec.excludes], ['voids', spec.voids]] as const) {
      for (const target of list) {
        if (!placements.has(target)) fail('unknown-goal', `:${key} ${target}, which is not a goal of schema :${schema.name}`, spec.name, spec.pos);
        if (isAncestor(placements, target, spec.name) || isAncestor(placements, spec.name, target)) {
          fail('group', `:${key} ${target}, its own ${isAncestor(placements, target, spec.name) ? 'ancestor' : 'descendant'}: choosing it would void itself`, spec.name, spec.pos);
        }
      }
    }
    if (spec.authoredState === 'open') {
      const why =
        p.parent !== null ? `it is a child of ${p.parent}, which gates it` : p.phase > 0 ? `it belongs to phase ${p.phase + 1}, locked until that phase is reached` : p.origin === 'escalation' ? 'an escalation spawns it' : null;
      if (why !== null) fail('authored-state', `authored :open, but ${why}, so it starts :locked`, spec.name, spec.pos);
    }
  }

  for (const e of schema.escalations) {
    if (e.goal.reveal !== 'latent') fail('escalation', 'an escalation spawns a latent goal, briefed when it fires: author it :reveal :latent', e.goal.name, e.goal.pos);
    if (e.goal.at !== null) fail('escalation', 'an escalation goal is revealed by its condition, not by :at', e.goal.name, e.goal.pos);
  }

  checkAcyclic(placements);
}

function isAncestor(placements: ReadonlyMap<string, Placement>, ancestor: string, of: string): boolean {
  for (let p = placements.get(of)?.parent ?? null; p !== null; p = placements.get(p)?.parent ?? null) if (p === ancestor) return true;
  return false;
}

/** The most goals a phase can hold in any instance: its spine, the largest draws of its pools, its escalations. */
function checkPhaseCapacity(schema: ObjectiveSchema): void {
  const worst = schema.phases.map((goals) => goals.reduce((n, g) => n + flattenGoal(g).length, 0));
  for (const pool of schema.pools) {
    const sizes = pool.goals.map((g) => flattenGoal(g).length).sort((a, b) => b - a);
    worst[pool.phase] = (worst[pool.phase] ?? 0) + sizes.slice(0, pool.draw.max).reduce((a, b) => a + b, 0);
  }
  for (const e of schema.escalations) worst[e.phase] = (worst[e.phase] ?? 0) + flattenGoal(e.goal).length;
  worst.forEach((n, p) => {
    if (n > MAX_GOALS_PER_PHASE) {
      fail('limit', `phase ${p + 1} can hold ${n} goals in the worst draw; its completion bitmask has room for ${MAX_GOALS_PER_PHASE}`, null, schema.pos);
    }
  });
}

/**
 * A goal waits on its `:requires` and on its group parent; a cycle through
 * either would leave every goal on it locked forever.
 */
function checkAcyclic(placements: ReadonlyMap<string, Placement>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const waitsOn = (p: Placement): string[] => [...p.spec.requires, ...(p.parent === null ? [] : [p.parent])];
  // Iterative DFS: the path is the stack, so a cycle can be named goal by goal.
  for (const start of placements.keys()) {
    if (state.has(start)) continue;
    const stack: { name: string; next: string[] }[] = [{ name: start, next: waitsOn(placements.get(start) as Placement) }];
    state.set(start, 'visiting');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { name: string; next: string[] };
      const n = top.next.pop();
      if (n === undefined) {
        state.set(top.name, 'done');
        stack.pop();
        continue;
      }
      const s = state.get(n);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.findIndex((f) => f.name === n)).map((f) => f.name), n];
        const spec = placements.get(top.name)?.spec;
        fail('requires-cycle', `waits on itself: ${cycle.join(' → ')} (through :requires and group parents)`, top.name, spec?.pos);
      }
      if (s === 'done') continue;
      state.set(n, 'visiting');
      stack.push({ name: n, next: waitsOn(placements.get(n) as Placement) });
    }
  }
}
