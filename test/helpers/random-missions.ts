import type { PredicateValue } from '../../src/lisp/compile-predicate.js';
import { type Mission, VERB_NAMES, type VerbName } from '../../src/objectives/mission.js';
import type { MissionEvent } from '../../src/objectives/events.js';
import type { ObjectiveSchema } from '../../src/objectives/schema.js';
import type { SettleKind } from '../../src/objectives/settlement.js';
import { defaultVariables } from '../../src/objectives/variables.js';
import { schemaOf } from './objectives.js';

/**
 * Random objective graphs, written as real Lisp source and read through the
 * schema parser, and random sequences of verbs and ticks over them. A small
 * PRNG driven by one fast-check integer builds each, so a failing case is
 * reported (and replayed) by its seed.
 */
export function prng(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean } {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)] as (typeof xs)[number], chance: (p) => next() < p };
}

type Rng = ReturnType<typeof prng>;

const HOLDS = ['(< trace %)', '(and (< trace %) (>= timer 0))', '(not lockdown)', '(<= (+ alarms noise) %)', '(or (< trace %) lockdown)'];

function rewards(r: Rng): string {
  const n = r.int(3);
  const cells: string[] = [];
  for (let i = 0; i < n; i++) {
    const when = r.pick(['', ' :on-complete', ' :on-resolve', ' :deferred', ' :recurring']);
    const kind = r.pick(['¤', '¤s', 'rep', 'intel', 'access']);
    if (kind === '¤') cells.push(`(¤ ${100 * (1 + r.int(9))}${when})`);
    else if (kind === '¤s') cells.push(`(¤ (scale ${100 * (1 + r.int(9))})${when})`);
    else if (kind === 'access') cells.push(`(access :flag-${r.int(5)}${when})`);
    else cells.push(`(${kind} ${1 + r.int(5)}${when})`);
  }
  return `:reward (${cells.join(' ')})`;
}

function hold(r: Rng): string {
  return r.pick(HOLDS).replace('%', String(30 + r.int(70)));
}

export interface RandomSchema {
  readonly source: string;
  readonly schema: ObjectiveSchema;
}

/** A valid schema by construction: 1–3 phases, links only backwards, groups, limbs, escalations. */
export function randomSchema(seed: number): RandomSchema {
  const r = prng(seed);
  const phases = 1 + r.int(3);
  let k = 0;
  const earlier: { name: string; phase: number }[] = [];
  const topLevel: string[] = [];
  const phaseForms: string[] = [];
  for (let p = 0; p < phases; p++) {
    const goals: string[] = [];
    const count = 1 + r.int(4);
    for (let i = 0; i < count; i++) {
      const name = `g${k++}`;
      const role = i === 0 || r.chance(0.35) ? 'primary' : 'optional';
      const latent = i > 0 && r.chance(0.2);
      const parts = [`(goal ${name} :role :${role} :reveal :${latent ? 'latent' : 'briefed'} ${rewards(r)}`];
      if (latent && r.chance(0.5)) parts.push(`:at (node n${r.int(3)})`);
      if (earlier.length > 0 && r.chance(0.4)) {
        const picks = [...new Set([r.pick(earlier).name, r.pick(earlier).name])];
        parts.push(`:requires (${picks.join(' ')})`);
      }
      const group = r.chance(0.22) ? (r.chance(0.6) ? 'branch' : 'any') : null;
      if (group === null && r.chance(0.25)) parts.push(`:hold ${hold(r)}`);
      if (r.chance(0.1)) parts.push(`:fail-on ${r.chance(0.5) ? 'timeout' : `(> timer ${100 + r.int(200)})`}`);
      if (topLevel.length > 0 && r.chance(0.1)) parts.push(`:excludes ${r.pick(topLevel)}`);
      if (topLevel.length > 0 && r.chance(0.1)) parts.push(`:voids (${r.pick(topLevel)})`);
      if (group !== null) {
        const children: string[] = [];
        const n = 2 + r.int(2);
        for (let c = 0; c < n; c++) {
          const childRole = group === 'branch' && r.chance(0.25) ? 'primary' : 'optional';
          const childHold = group === 'any' && r.chance(0.2) ? ` :hold ${hold(r)}` : '';
          children.push(`(${name}-${c} :role :${childRole} ${rewards(r)}${childHold})`);
        }
        parts.push(`:${group} (${children.join(' ')})`);
      }
      goals.push(`${parts.join(' ')})`);
      earlier.push({ name, phase: p });
      topLevel.push(name);
    }
    phaseForms.push(goals.join('\n    '));
  }
  const spine = phases === 1 && r.chance(0.5) ? `(spine\n    ${phaseForms[0] ?? ''})` : `(spine\n${phaseForms.map((g, p) => `   (phase-${p + 1}\n    ${g})`).join('\n')})`;
  const limbs: string[] = [];
  if (r.chance(0.6)) {
    const n = 1 + r.int(3);
    const goals: string[] = [];
    for (let i = 0; i < n; i++) {
      const latent = r.chance(0.3);
      goals.push(`(goal p${k++} :role :optional :reveal :${latent ? 'latent' : 'briefed'} ${rewards(r)}${latent ? ` :at (node n${r.int(3)})` : ''}${!latent && r.chance(0.4) ? ` :hold ${hold(r)}` : ''})`);
    }
    const lo = r.int(n + 1);
    const hi = lo + r.int(n - lo + 1);
    limbs.push(`(optional-pool :draw ${lo}..${hi} :phase ${1 + r.int(phases)} ${goals.join(' ')})`);
  }
  if (r.chance(0.6)) {
    limbs.push(
      `(escalation :phase ${1 + r.int(phases)} (on (>= trace ${50 + r.int(50)}) (goal e${k} :role :${r.chance(0.6) ? 'primary' : 'optional'} :reveal :latent ${rewards(r)}${r.chance(0.6) ? ' :fail-on timeout' : ''})))`,
    );
  }
  const source = `(defcontract-schema :random-${seed}\n  :payout-formula random-payout\n  :objectives\n  ${spine}\n  ${limbs.length === 0 ? '' : `(limbs ${limbs.join('\n    ')})`})`;
  return { source, schema: schemaOf(source) };
}

export type Action =
  | { readonly kind: 'verb'; readonly verb: VerbName; readonly goal: string }
  | { readonly kind: 'tick'; readonly vars: Record<string, PredicateValue> }
  /** A verb picked at run time among the likely-legal ones (so runs also get far enough to succeed). */
  | { readonly kind: 'smart'; readonly pick: number };

/** Random verbs (on real goals and an unknown one) and ticks (random variables). */
export function randomActions(seed: number, mission: Mission): { actions: Action[]; settle: SettleKind } {
  const r = prng(seed ^ 0x5bd1e995);
  const names = [...mission.goalNames(), 'no-such-goal'];
  const actions: Action[] = [];
  const n = r.int(40);
  const smart = r.chance(0.5);
  for (let i = 0; i < n; i++) {
    if (smart && r.chance(0.6)) actions.push({ kind: 'smart', pick: r.next() });
    else if (r.chance(0.55)) actions.push({ kind: 'verb', verb: r.pick(VERB_NAMES), goal: r.pick(names) });
    else {
      actions.push({
        kind: 'tick',
        vars: {
          ...defaultVariables(),
          trace: smart ? r.int(60) : r.int(101),
          timer: r.int(300),
          alarms: r.int(6),
          noise: r.int(6),
          lockdown: r.chance(0.15),
          timeout: r.chance(smart ? 0.02 : 0.1),
          node: r.chance(0.5) ? `n${r.int(3)}` : null,
        },
      });
    }
  }
  return { actions, settle: r.pick(['complete', 'complete', 'fail', 'abandon'] as const) };
}

/** Payout for the random missions: scale by 1.5 (so rounding is exercised). */
export const randomPayout = (base: number): number => base * 1.5;

export function apply(m: Mission, a: Action): readonly MissionEvent[] {
  if (a.kind === 'tick') return m.tick(a.vars);
  const { verb, goal } = a.kind === 'smart' ? resolveSmart(m, a.pick) : a;
  const result = m.verb(verb, goal);
  return result.ok ? result.events : [];
}

/** The verb a 'smart' step stands for in the mission's current state. */
export function resolveSmart(m: Mission, pick: number): { verb: VerbName; goal: string } {
  const goals = m.snapshot().goals;
  const byName = new Map(goals.map((g) => [g.name, g]));
  const candidates: { verb: VerbName; goal: string }[] = [];
  for (const g of goals) {
    if (g.state === 'open' && g.hold === null && g.group !== 'any') candidates.push({ verb: 'goal-complete', goal: g.name });
    if (g.state === 'locked' && g.parentGroup === 'branch' && byName.get(g.parent ?? '')?.state === 'open') candidates.push({ verb: 'goal-choose', goal: g.name });
    if (!g.briefed && g.escalation === null && g.state === 'locked') candidates.push({ verb: 'goal-reveal', goal: g.name });
  }
  return candidates[Math.floor(pick * candidates.length)] ?? { verb: 'goal-state', goal: goals[0]?.name ?? '' };
}
