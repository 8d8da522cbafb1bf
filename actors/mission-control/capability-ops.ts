import type { ModuleDef } from '../../src/mission-control/modules.js';
import type { Address } from '../../src/runtime/peer.js';
import { peer } from '../../src/runtime/peer.js';
import type { ChildFailed } from '../../src/runtime/system-messages.js';
import { type CapabilityResult, type CapabilityResultBody, CartridgeInbox } from '../cartridge/messages.js';
import { swapPhysically } from './board-ops.js';
import { trackTelemetry } from './hold-ops.js';
import { showPanel } from './screens.js';
import { refuse, say, tell } from './outbox.js';
import { type McContext, type McState, PEERS, type PendingCall, context, operator } from './state.js';

/** System baselines are virtual carts: they run in their own actor and never need the slot. */
export const BASELINE_ACTOR = peer(CartridgeInbox, 'baseline');
/**
 * A capability call that has not answered in 5 minutes of deck time is
 * aborted (a game ends within 60 moves; this bounds a silent or stuck cart).
 */
export const CALL_DEADLINE_TICKS = 9_000;

/**
 * The one answer to which actor plays a cart's capability calls: a System
 * baseline plays in the baseline actor, a cartridge in the slot's.
 */
export function servingActor(modules: readonly ModuleDef[], cart: string): Address<typeof CartridgeInbox> {
  const module = modules.find((m) => m.name === cart);
  if (module === undefined) throw new RangeError(`no module '${cart}' exists`);
  return module.system ? BASELINE_ACTOR : PEERS.cart;
}

/** The call in flight (swapping in its cart, or running), or null. */
export function callInFlight(state: McState): PendingCall | null {
  return state.call !== null && state.call.phase !== 'done' ? state.call : null;
}

/**
 * `(load-capability :cart :seed n)`: refused if the registry does not know
 * the cart; a Hot Swap first if it is registered but not in the slot; then
 * the call goes to the cart, which talks to the operator until it is done.
 * Mission Control answers the request, once: a refusal now, or the result.
 */
export function capabilityOp(state: McState, from: string, reqId: string, cart: string, seed: number | undefined, ctx: McContext): void {
  if (!state.mission) return refuse(ctx, from, reqId, 'no-mission', 'no mission is running: accept a contract first');
  const busy = callInFlight(state);
  if (busy) return refuse(ctx, from, reqId, 'cart-busy', `a capability call is already running on ${busy.cart}`);
  const registry = context(state, ctx).registry;
  const module = registry.module(cart);
  if (!module) return refuse(ctx, from, reqId, 'capability-not-registered', `no module '${cart}' exists`);
  if (registry.tier(cart) === 'unregistered') return refuse(ctx, from, reqId, 'capability-not-registered', `${cart} has never been in this deck's slot`);
  const swap = !module.system && state.inserted !== cart;
  const call: PendingCall = { reqId, operator: from, cart, seed: seed ?? state.mission.entry.seed, actor: servingActor(state.catalog.modules, cart), phase: swap ? 'awaiting-swap' : 'running' };
  state.call = call;
  // The slot may never settle on the cart (it jammed, it was pulled again): the call has its deadline from now.
  ctx.send(ctx.self, 'call/deadline', { callId: reqId }, { after: CALL_DEADLINE_TICKS });
  tell(ctx, { type: 'call', cart, callId: reqId, swap });
  if (module.system) ctx.replace(BASELINE_ACTOR, 'cartridge', { args: { cart } });
  if (!swap) return sendCall(state, call, ctx);
  say(ctx, 'hot-swap', { from: state.inserted ?? state.lastSeated ?? 'empty slot', to: cart });
  swapPhysically(state, cart, ctx);
}

/** The slot settled on the cart a waiting call needs: the call goes out to the new cart. */
export function resumeAfterSwap(state: McState, ctx: McContext): void {
  const call = state.call;
  if (call?.phase === 'awaiting-swap' && state.inserted === call.cart) {
    call.phase = 'running';
    sendCall(state, call, ctx);
  }
}

function sendCall(state: McState, call: PendingCall, ctx: McContext): void {
  const m = state.mission;
  if (!m) throw new Error(`mission-control: call ${call.reqId} went out with no mission running`);
  showPanel(state, ctx);
  ctx.send(call.actor, 'capability/call', {
    callId: call.reqId,
    params: { seed: call.seed, threat: m.entry.threat, mission: { schema: m.entry.schema, target: m.content.target } },
    operator: call.operator,
    // The result comes to Mission Control (it answers the operator); the ticker watches the telemetry.
    watchers: [ctx.self, PEERS.holdTicker],
  });
}

/** The cart finished: the run report takes its trace and bonuses, and the operator hears the result. */
export function resultOp(state: McState, body: CapabilityResultBody, ctx: McContext): void {
  const call = callInFlight(state);
  if (call?.reqId !== body.callId || call.phase !== 'running') return;
  state.report = { trace: body.result.trace, bonuses: body.result.bonuses };
  answerCall(state, call, body.result, ctx);
}

/** Telemetry Mission Control watches for: CIPHER remarks on trace crossing 50 and 75, and on hunters. */
export function telemetryOp(state: McState, t: { event: string; trace: number }, ctx: McContext): void {
  state.report = { ...state.report, trace: t.trace };
  trackTelemetry(state, t);
  for (const level of [50, 75]) {
    if (t.trace >= level && !state.spikes.includes(level)) {
      state.spikes.push(level);
      say(ctx, 'trace-spike', { trace: t.trace });
    }
  }
  if (t.event === 'hunter-spawn') say(ctx, 'hunter-spawn', {});
}

/**
 * End the call in flight with an abort: the cart is told to drop it (when it
 * has it and can still hear), and the operator gets `:abort`; nothing banked is
 * lost (it is already in UDS). `cartGone`: the cart crashed or was pulled.
 */
export function abortCall(state: McState, reason: string, ctx: McContext, cartGone = false): void {
  const call = callInFlight(state);
  if (!call) return;
  if (call.phase === 'running' && !cartGone) ctx.send(call.actor, 'cart/abort', { callId: call.reqId, reason });
  state.counters.aborts++;
  answerCall(state, call, { outcome: 'abort', trace: state.report.trace, extracted: [], turns: 0, bonuses: [], missing: [reason] }, ctx);
}

/** The one answer to an `op/capability` that went out: the call is done, whatever the cart says later. */
function answerCall(state: McState, call: PendingCall, result: CapabilityResult, ctx: McContext): void {
  call.phase = 'done';
  ctx.send(operator(call.operator), 'capability/result', { callId: call.reqId, cart: call.cart, result });
  tell(ctx, { type: 'call-result', cart: call.cart, outcome: result.outcome, trace: result.trace, turns: result.turns });
}

/** The call's deadline passed: abort it. */
export function deadlineOp(state: McState, callId: string, ctx: McContext): void {
  const call = callInFlight(state);
  if (call?.reqId !== callId) return;
  if (call.phase === 'awaiting-swap') return abortCall(state, `the slot did not settle on ${call.cart} within ${CALL_DEADLINE_TICKS} ticks`, ctx);
  abortCall(state, `no result within ${CALL_DEADLINE_TICKS} ticks`, ctx);
}

/** The actor playing the call crashed: the call is over. */
export function childFailed(state: McState, failure: ChildFailed, ctx: McContext): void {
  const call = callInFlight(state);
  if (call && failure.child === call.actor) abortCall(state, `cart crashed: ${failure.error}`, ctx, true);
}
