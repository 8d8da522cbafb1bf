import type { MissionEvent } from './events.js';
import type { Settlement } from './settlement.js';
import { type GoalState, isLegalTransition } from './state-machine.js';
import type { MissionSnapshot } from './views.js';

/**
 * The engine's invariants, checked from the outside over a recorded trace of
 * its events (and the settlement), so a soak run or a test can hold any
 * mission to them without trusting the engine's own bookkeeping:
 *
 * - every `goal/changed` is an edge of the §2.2 diagram, and starts from the
 *   state the goal was last seen in;
 * - primary ⇒ briefed: no primary changes state (other than to :void) while
 *   unbriefed, and none starts open or done unbriefed;
 * - only `:on-complete` rewards are banked during play, each as its goal closes;
 * - after `mission/failed` nothing but resolving happens, and the settlement is
 *   a failure; nothing happens after `mission/resolved`;
 * - no escrow is paid unless the mission succeeded (paidAtResolve, deferred and
 *   recurring are zero in every currency).
 *
 * Returns the problems found, each a sentence; an empty list is a pass.
 */
export function checkTrace(events: readonly MissionEvent[], options: { initial?: MissionSnapshot; settlement?: Settlement } = {}): string[] {
  const problems: string[] = [];
  const state = new Map<string, GoalState>();
  for (const g of options.initial?.goals ?? []) {
    state.set(g.name, g.state);
    if (g.role === 'primary' && !g.briefed && (g.state === 'open' || g.state === 'done')) problems.push(`primary ${g.name} starts ${g.state} but is not briefed`);
  }
  let lastSeq = 0;
  let failedAt: number | null = null;
  let resolved: MissionEvent | null = null;
  let justDone: string | null = null;
  for (const e of events) {
    if (e.seq <= lastSeq) problems.push(`event ${e.seq} (${e.kind}) is out of order after ${lastSeq}`);
    lastSeq = e.seq;
    if (resolved !== null) problems.push(`${e.kind} (seq ${e.seq}) after the mission resolved`);
    switch (e.kind) {
      case 'goal/changed': {
        if (!isLegalTransition(e.from, e.to)) problems.push(`${e.goal}: ${e.from} → ${e.to} (${e.cause}) is not an edge of the state machine`);
        const seen = state.get(e.goal);
        if (seen !== undefined && seen !== e.from) problems.push(`${e.goal}: changed from ${e.from} but was last ${seen}`);
        state.set(e.goal, e.to);
        if (e.role === 'primary' && !e.briefed && e.to !== 'void') problems.push(`primary ${e.goal} went ${e.from} → ${e.to} while not briefed`);
        if (failedAt !== null && e.cause !== 'ended-open') problems.push(`${e.goal} changed (${e.cause}) after the mission failed`);
        justDone = e.to === 'done' ? e.goal : null;
        break;
      }
      case 'reward/banked':
        if (e.reward.when !== 'on-complete') problems.push(`${e.goal}: a ${e.reward.when} reward was banked during play`);
        if (state.get(e.goal) !== 'done' || justDone !== e.goal) problems.push(`${e.goal}: reward banked but the goal did not just close`);
        break;
      case 'mission/failed':
        failedAt = e.seq;
        break;
      case 'mission/resolved':
        resolved = e;
        if (failedAt !== null && e.outcome !== 'failure') problems.push(`the mission failed at seq ${failedAt} but resolved as ${e.outcome}`);
        break;
      default:
        break;
    }
    if (e.kind !== 'goal/changed' && e.kind !== 'reward/banked') justDone = null;
  }
  const s = options.settlement;
  if (s !== undefined) {
    if (resolved !== null && resolved.kind === 'mission/resolved' && resolved.outcome !== s.outcome) problems.push(`resolved as ${resolved.outcome} but settled as ${s.outcome}`);
    if (failedAt !== null && s.outcome !== 'failure') problems.push(`the mission failed but settled as ${s.outcome}`);
    if (s.outcome !== 'success') {
      for (const kind of ['¤', 'rep', 'intel'] as const) {
        const b = s.currencies[kind];
        if (b.paidAtResolve + b.deferred + b.recurring !== 0) problems.push(`escrow paid in ${kind} on a ${s.outcome}: ${b.paidAtResolve} at resolve, ${b.deferred} deferred, ${b.recurring} recurring`);
      }
      const a = s.currencies.access;
      if (a.paidAtResolve.length + a.deferred.length + a.recurring.length !== 0) problems.push(`escrowed access granted on a ${s.outcome}`);
    }
  }
  return problems;
}
