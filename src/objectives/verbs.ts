import type { FailureReason, MissionEvent, Outcome } from './events.js';
import type { GoalNode } from './goal-node.js';
import { type GoalState, isTerminal } from './state-machine.js';

/**
 * The goal verbs of seed 003 §7 and how each is judged before it may touch a
 * mission. Every check here is pure: it reads goals and the mission's status
 * and returns a VerbError or null, so a refused verb has changed nothing by
 * construction. Mission applies the verbs that pass.
 */
export type VerbName = 'goal-complete' | 'goal-reveal' | 'goal-choose' | 'goal-fail' | 'goal-state';
export const VERB_NAMES: readonly VerbName[] = ['goal-complete', 'goal-reveal', 'goal-choose', 'goal-fail', 'goal-state'];

export type VerbErrorCode =
  | 'unknown-goal'
  /** The mission has failed (waiting to be settled) or is resolved. */
  | 'mission-over'
  /** The goal is :locked: prerequisites, phase, reveal or choice still pending. */
  | 'locked'
  /** The goal is already done, failed, forfeit or void. */
  | 'closed'
  /** goal-reveal on a goal authored :briefed. */
  | 'not-latent'
  | 'already-revealed'
  /** goal-reveal on a goal that only its escalation spawns. */
  | 'escalation-goal'
  /** goal-choose on a goal that is neither a branch child nor in an exclusion set. */
  | 'not-a-choice'
  /** goal-choose before the branch's parent is open. */
  | 'choice-locked'
  | 'already-chosen'
  /** goal-complete on a branch parent before one of its children is chosen. */
  | 'branch-unchosen'
  /** goal-complete/goal-fail on a :hold goal: the engine closes holds (§4, §7). */
  | 'held-goal'
  /** goal-complete/goal-fail on an OR-group parent: it closes when a child does. */
  | 'closes-by-children';

/** What an illegal verb returns: plain data, and the mission unchanged. */
export interface VerbError {
  readonly code: VerbErrorCode;
  readonly verb: VerbName;
  readonly goal: string;
  readonly state: GoalState | null;
  readonly message: string;
}

export type VerbResult =
  | { readonly ok: true; readonly goal: string; readonly state: GoalState; readonly events: readonly MissionEvent[] }
  | { readonly ok: false; readonly error: VerbError };

/** What the checks need to know of the mission. */
export interface VerbContext {
  readonly status: 'running' | 'failed' | 'resolved';
  readonly outcome: Outcome | null;
  readonly failure: { readonly goal: string; readonly reason: FailureReason } | null;
  /** 0-based active phase. */
  readonly active: number;
  readonly goalNames: () => readonly string[];
}

export function verbError(verb: VerbName, goal: string, state: GoalState | null, code: VerbErrorCode, message: string): VerbError {
  return { code, verb, goal, state, message: `${verb} ${goal}: ${message}` };
}

export function unknownGoal(ctx: VerbContext, verb: VerbName, name: string): VerbError {
  return verbError(verb, name, null, 'unknown-goal', `no goal named ${name} in this mission (goals: ${ctx.goalNames().join(', ')})`);
}

function over(ctx: VerbContext, verb: VerbName, g: GoalNode): VerbError {
  const why = ctx.status === 'resolved' ? `the mission is resolved (${ctx.outcome ?? ''})` : `the mission has failed (${ctx.failure?.reason ?? ''}: ${ctx.failure?.goal ?? ''}); settle it`;
  return verbError(verb, g.name, g.state, 'mission-over', why);
}

/** Why a locked goal cannot open yet, or null if nothing holds it (for a branch child, maybe only the choice). */
export function lockReason(g: GoalNode, active: number, ignoreChoice: boolean): string | null {
  if (g.phase > active) return `phase ${g.phase + 1} is not reached (phase ${active + 1} is active)`;
  if (!g.briefed) return g.escalation >= 0 ? 'its escalation has not fired' : 'it is latent and not yet revealed';
  const waiting = g.requires.filter((r) => r.state !== 'done');
  if (waiting.length > 0) return `it requires ${waiting.map((r) => `${r.name} (:${r.state})`).join(', ')}`;
  if (g.parent !== null && g.parent.state !== 'open' && g.parent.state !== 'done') return `its parent ${g.parent.name} is :${g.parent.state}`;
  if (g.isBranchChild && !g.chosen && !ignoreChoice) return `it is a branch of ${g.parent?.name ?? '?'}: choose it first (goal-choose)`;
  return null;
}

/** `goal-complete` and `goal-fail` close an open goal; neither may close a hold or an OR-group. */
export function checkClose(ctx: VerbContext, verb: 'goal-complete' | 'goal-fail', name: string, g: GoalNode | undefined): VerbError | null {
  if (g === undefined) return unknownGoal(ctx, verb, name);
  if (ctx.status !== 'running') return over(ctx, verb, g);
  if (g.state === 'locked') return verbError(verb, name, g.state, 'locked', `${name} is :locked: ${lockReason(g, ctx.active, false) ?? 'not yet open'}`);
  if (g.state !== 'open') return verbError(verb, name, g.state, 'closed', `${name} is already :${g.state}`);
  if (g.isHold) return verbError(verb, name, g.state, 'held-goal', `${name} is a :hold goal: the engine forfeits it when ${g.spec.hold?.source ?? 'its hold'} stops holding, and closes it at resolve`);
  if (g.group === 'any') return verbError(verb, name, g.state, 'closes-by-children', `${name} closes when one of ${g.children.map((c) => c.name).join(', ')} does`);
  if (verb === 'goal-complete' && g.group === 'branch' && !g.children.some((c) => c.chosen)) {
    return verbError(verb, name, g.state, 'branch-unchosen', `${name} forks: choose one of ${g.children.map((c) => c.name).join(', ')} first (goal-choose)`);
  }
  return null;
}

export function checkReveal(ctx: VerbContext, name: string, g: GoalNode | undefined, escalationCondition: string | null): VerbError | null {
  const verb = 'goal-reveal';
  if (g === undefined) return unknownGoal(ctx, verb, name);
  if (ctx.status !== 'running') return over(ctx, verb, g);
  if (g.spec.reveal === 'briefed') return verbError(verb, name, g.state, 'not-latent', `${name} is briefed, not latent: there is nothing to reveal`);
  if (g.briefed) return verbError(verb, name, g.state, 'already-revealed', `${name} was already revealed`);
  if (g.escalation >= 0) return verbError(verb, name, g.state, 'escalation-goal', `${name} is spawned by its escalation when ${escalationCondition ?? 'its condition'} holds, not revealed by hand`);
  if (isTerminal(g.state)) return verbError(verb, name, g.state, 'closed', `${name} is already :${g.state}`);
  return null;
}

export function checkChoose(ctx: VerbContext, name: string, g: GoalNode | undefined): VerbError | null {
  const verb = 'goal-choose';
  if (g === undefined) return unknownGoal(ctx, verb, name);
  if (ctx.status !== 'running') return over(ctx, verb, g);
  if (!g.isChoice) return verbError(verb, name, g.state, 'not-a-choice', `${name} is not a branch choice and excludes nothing`);
  if (isTerminal(g.state)) {
    const by = g.exclusive.find((x) => x.chosen || x.committed);
    return verbError(verb, name, g.state, 'closed', `${name} is :${g.state}${g.state === 'void' && by !== undefined ? ` (${by.name} was chosen)` : ''}`);
  }
  if (g.chosen || g.committed) return verbError(verb, name, g.state, 'already-chosen', `${name} is already chosen`);
  if (g.isBranchChild) {
    const parent = g.parent as GoalNode;
    if (parent.state !== 'open' && parent.state !== 'done') {
      return verbError(verb, name, g.state, 'choice-locked', `the branch of ${parent.name} opens when ${parent.name} does; ${parent.name} is :${parent.state}`);
    }
    const why = lockReason(g, ctx.active, true);
    if (why !== null) return verbError(verb, name, g.state, 'locked', `${name} is :locked: ${why}`);
  } else if (g.state !== 'open') {
    return verbError(verb, name, g.state, 'locked', `${name} is :locked: ${lockReason(g, ctx.active, false) ?? 'not open'}`);
  }
  return null;
}
