import { keywordData, toData } from '../../src/lisp/data.js';
import { Keyword, LispMap, type Value, list } from '../../src/lisp/values.js';
import { type CheckInPayment, checkIn } from '../../src/mission-control/check-ins.js';
import { contractLabel } from '../../src/mission-control/format.js';
import type { CipherEvent } from '../../src/mission-control/events.js';
import { type Resolution, abandonMission, completeMission } from '../../src/mission-control/missions.js';
import type { VerbName } from '../../src/objectives/index.js';
import { settlementData, settlementWithLinesData } from '../../src/objectives/lisp-view.js';
import { absorb } from './absorb.js';
import { figures } from './facts.js';
import { bindingsData } from './bindings.js';
import { armHolds, needsFlush, requestFlush } from './hold-ops.js';
import { refuse, reply, say, speak, tell } from './outbox.js';
import { commit } from './persistence.js';
import { showPanel } from './screens.js';
import { type McState, PEERS, context, type McContext } from './state.js';
import { abortCall } from './capability-ops.js';

/** A goal verb from the operator: applied by the objective engine; the reply is the goal's state and fresh bindings. */
export function verbOp(state: McState, from: string, reqId: string, verb: VerbName, goal: string, ctx: McContext): void {
  const m = state.mission;
  if (!m) return refuse(ctx, from, reqId, 'no-mission', 'no mission is running: accept a contract first');
  const result = m.graph.verb(verb, goal);
  if (!result.ok) return refuse(ctx, from, reqId, result.error.code, result.error.message);
  const version = m.graph.watchSpec().version;
  absorb(state, result.events, ctx);
  if (m.graph.watchSpec().version !== version) armHolds(state, ctx);
  commit(state, ctx);
  reply(ctx, from, reqId, keywordData(result.state), bindingsData(state));
}

/** `(check-in)`: visit the settled contracts that owe something; pay what falls due this session. */
export function checkInOp(state: McState, from: string, reqId: string, ctx: McContext): void {
  if (state.mission) return refuse(ctx, from, reqId, 'mission-running', 'check in between missions: finish or abandon the running one first');
  const { uds, paid } = checkIn(state.uds);
  if (paid.length > 0) {
    state.uds = uds;
    state.dirty = true;
    tellCheckIn(state, paid, ctx);
    commit(state, ctx);
  }
  reply(ctx, from, reqId, toData(list(...paid.map(paymentToLisp))));
}

function tellCheckIn(state: McState, paid: readonly CheckInPayment[], ctx: McContext): void {
  tell(ctx, { type: 'check-in', session: state.uds.session, paid, balance: state.uds.creditBalance, reputationTotal: state.uds.reputation, figures: figures(state.uds) });
  for (const p of paid) say(ctx, 'reward', { amount: p.credits, currency: '¤' });
}

function paymentToLisp(p: CheckInPayment): Value {
  return LispMap.fromPairs([
    [new Keyword('contract'), contractLabel(p.contractId)],
    [new Keyword('schema'), new Keyword(p.schema)],
    [new Keyword('kind'), new Keyword(p.kind)],
    [new Keyword('¤'), p.credits],
    [new Keyword('rep'), p.reputation],
    [new Keyword('intel'), p.intel],
    [new Keyword('payment'), p.payment],
    [new Keyword('final'), p.final],
  ]);
}

/**
 * `(complete-mission current-mission)` or `(abandon-mission)`: first let the hold ticker finish judging the
 * run's ticks (the settle barrier), then settle, pay, record, refresh the board, commit.
 */
export function resolveOp(state: McState, from: string, reqId: string, how: 'complete' | 'abandon', ctx: McContext): void {
  const m = state.mission;
  if (!m) return refuse(ctx, from, reqId, 'no-mission', 'no mission is running');
  abortCall(state, `mission ${how === 'complete' ? 'completed' : 'abandoned'}`, ctx);
  state.settling = { reqId, operator: from, how, tick: ctx.tick };
  if (needsFlush(state)) requestFlush(state, ctx);
  else settleNow(state, ctx);
}

/** The barrier is down (the ticker answered, or its deadline passed): settle as asked. */
export function settleNow(state: McState, ctx: McContext): void {
  const m = state.mission;
  const s = state.settling;
  if (!m || !s) return;
  const events: CipherEvent[] = [];
  const res: Resolution = s.how === 'complete' ? completeMission(state.uds, m, context(state, ctx), state.report, events) : abandonMission(state.uds, m, context(state, ctx), state.report, events);
  const target = m.content.target;
  state.lastSettlement = settlementWithLinesData(res.settlement, m.graph.snapshot().goals);
  finish(state, res, ctx);
  if (res.forced.length > 0) tellCheckIn(state, res.forced, ctx);
  speak(ctx, events, { target, credits: res.credits });
  commit(state, ctx);
  reply(ctx, s.operator, s.reqId, settlementData(res.settlement));
}

function finish(state: McState, res: Resolution, ctx: McContext): void {
  const m = state.mission;
  for (const e of res.events) if (e.kind === 'goal/changed') tell(ctx, { type: 'goal', goal: e.goal, from: e.from, to: e.to, cause: e.cause, role: e.role, briefed: e.briefed, judged: null });
  state.uds = res.uds;
  // Test-only fault (--skim-credit N): the deck's Nth settlement quietly loses one credit, so the soak's ledger check has something to catch.
  if (state.skimAt !== null && state.uds.runCount === state.skimAt) {
    state.uds = { ...state.uds, creditBalance: state.uds.creditBalance - 1 };
  }
  state.dirty = true;
  state.counters[res.outcome === 'success' ? 'succeeded' : res.outcome === 'failure' ? 'failed' : 'abandoned']++;
  showPanel(state, ctx);
  if (state.missionId) ctx.send(PEERS.holdTicker, 'holds/disarm', { mission: state.missionId });
  ctx.send(PEERS.clock, 'clock/unsubscribe', { to: PEERS.holdTicker });
  tell(ctx, {
    type: 'settled',
    contract: m?.entry.schema ?? '?',
    outcome: res.outcome,
    credits: res.credits,
    reputation: res.reputation,
    balance: state.uds.creditBalance,
    reputationTotal: state.uds.reputation,
    settlement: res.settlement,
    figures: figures(state.uds),
  });
  state.mission = null;
  state.missionId = null;
  state.call = null;
  state.vars = null;
  state.settling = null;
}
