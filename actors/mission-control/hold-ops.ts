import type { MissionEvent, Verdicts } from '../../src/objectives/index.js';
import { stringData } from '../../src/lisp/data.js';
import { absorbTelemetry } from '../../src/objectives/telemetry-variables.js';
import type { HoldsJudged, WireVariable } from '../hold-ticker/inbox.js';
import { absorb } from './absorb.js';
import { bindingsData } from './bindings.js';
import { commit } from './persistence.js';
import { reply } from './outbox.js';
import { type McContext, type McState, PEERS, operator } from './state.js';

/**
 * Mission Control's side of the hold ticker (seed 003 §4: "the engine
 * evaluates :hold predicates each tick"): arming its watch, applying its
 * verdicts, the settle barrier that lets it finish judging before a mission
 * resolves, and what to do when it restarts having lost what it watched.
 */

/** A settle waits this long for the ticker's last verdicts; then it goes ahead without certifying any hold. */
export const FLUSH_DEADLINE_TICKS = 300;

/** The variables record a mission starts from: every variable at rest, `threat` the contract's. */
export function startingVariables(names: readonly string[], threat: number): Record<string, WireVariable> {
  return Object.fromEntries(names.map((n) => [n, n === 'threat' ? threat : restingValue(n)]));
}

function restingValue(name: string): WireVariable {
  if (name === 'node' || name === 'file' || name === 'alarm') return null;
  if (name === 'timeout' || name === 'lockdown') return false;
  return 0;
}

/** Tell the hold ticker what to watch (again, whenever the engine's watch set changes), and have it ticked. */
export function armHolds(state: McState, ctx: McContext, subscribe = false): void {
  if (!state.mission || !state.missionId || !state.vars) return;
  const spec = state.mission.graph.watchSpec();
  // A copy: the record is sent now, and Mission Control goes on moving its own (an inline receiver would see the moves).
  ctx.send(PEERS.holdTicker, 'holds/watch', { mission: state.missionId, replyTo: ctx.self, spec, variables: { ...state.vars }, startTick: state.acceptTick });
  if (subscribe) ctx.send(PEERS.clock, 'clock/subscribe', { to: PEERS.holdTicker, every: 1 });
}

/** Telemetry moves Mission Control's own copy of the variables too: what a restarted ticker is re-armed with. */
export function trackTelemetry(state: McState, t: Readonly<Record<string, unknown>>): void {
  if (state.vars) absorbTelemetry(state.vars, t);
}

/** The hold ticker's verdicts: forfeits, failures, escalations, reveals, applied by the engine. */
export function verdictsOp(state: McState, body: { mission: string; tick: number; verdicts: unknown }, ctx: McContext): void {
  const m = state.mission;
  if (!m || body.mission !== state.missionId || body.verdicts === null) return;
  // Settling: the run's ticks end the tick before the operator resolved it; later verdicts are not the run's.
  if (state.settling && body.tick >= state.settling.tick) return;
  apply(state, m.graph.applyVerdicts(body.verdicts as Verdicts), body.tick, ctx);
}

/** The ticker came back from a crash without its watch: holds nobody watched meanwhile are forfeited, the rest re-armed. */
export function tickerRestarted(state: McState, ctx: McContext): void {
  const m = state.mission;
  if (!m) return;
  apply(state, m.graph.forfeitUnwatchedHolds(), ctx.tick, ctx);
  armHolds(state, ctx, true);
}

/**
 * Whether a resolve must wait for the ticker: whenever a mission runs. Even with nothing left to watch
 * now, the ticker may not have judged the run's earlier ticks yet (it fell behind), when it still had.
 */
export function needsFlush(state: McState): boolean {
  return state.mission !== null;
}

/** Ask the ticker to finish judging every tick before `through`, with a deadline on its answer. */
export function requestFlush(state: McState, ctx: McContext): void {
  if (!state.missionId) return;
  ctx.send(PEERS.holdTicker, 'holds/flush', { mission: state.missionId, through: ctx.tick - 1 });
  ctx.send(ctx.self, 'holds/flush-deadline', { mission: state.missionId }, { after: FLUSH_DEADLINE_TICKS });
}

/**
 * The ticker's answer to a flush (or its deadline, `judged` null): every verdict up to the run's end has
 * been applied. Ticks it could not vouch for (a gap, a restart, no answer) mean no hold is certified.
 */
export function flushAnswered(state: McState, judged: HoldsJudged | null, ctx: McContext): void {
  const m = state.mission;
  if (!m) return;
  if (judged === null || !judged.complete) apply(state, m.graph.forfeitUnwatchedHolds(), ctx.tick, ctx);
}

function apply(state: McState, events: readonly MissionEvent[], judged: number, ctx: McContext): void {
  const m = state.mission;
  if (!m || events.length === 0) return;
  const version = m.graph.watchSpec().version;
  absorb(state, events, ctx, judged);
  if (m.graph.watchSpec().version !== version) armHolds(state, ctx);
  commit(state, ctx);
  // `runs` dates the change: one that arrives after the run it belongs to was resolved (a delay in
  // flight) is stale, and the runner must not bind a mission that is over.
  ctx.send(operator(state.operator), 'mission/changed', { bindings: bindingsData(state), runs: state.uds.runCount });
}

/**
 * `(var 'trace)`: one variable of the running mission as Mission Control holds it (telemetry applied);
 * the clock's two are the deck's own, `tick` now and `timer` the ticks since acceptance. Nil when no
 * mission runs or no variable has the name.
 */
export function varOp(state: McState, from: string, reqId: string, name: string, ctx: McContext): void {
  if (!state.mission || !state.vars) return reply(ctx, from, reqId, null);
  const value = name === 'tick' ? ctx.tick : name === 'timer' ? ctx.tick - state.acceptTick : Object.hasOwn(state.vars, name) ? (state.vars[name] ?? null) : null;
  reply(ctx, from, reqId, typeof value === 'string' ? stringData(value) : value);
}
