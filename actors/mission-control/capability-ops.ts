import { cartLastSeenAt } from '../../src/deck/cart-seen.js';
import type { ActorContext } from '../../src/runtime/actor.js';
import type { ChildFailed } from '../../src/runtime/system-messages.js';
import type { CapabilityResult } from '../cartridges/game.js';
import { swapPhysically } from './board-ops.js';
import { trackTelemetry } from './hold-ops.js';
import { showPanel } from './screens.js';
import { refuse, say, tell } from './outbox.js';
import { type McState, PEERS, type PendingCall } from './state.js';

/** System baselines are virtual carts: they run in their own actor and never need the slot. */
export const BASELINE_ACTOR = 'baseline';
/**
 * A capability call that has not answered in 5 minutes of deck time is
 * aborted (a game ends within 60 moves; this bounds a silent or stuck cart).
 */
export const CALL_DEADLINE_TICKS = 9_000;

/**
 * `(load-capability :cart :seed n)`: refused if the cart was never
 * registered; a Hot Swap first if it is registered but not in the slot; then
 * the call goes to the cart, which talks to the operator until it is done.
 */
export function capabilityOp(state: McState, from: string, reqId: string, cart: string, seed: number | undefined, ctx: ActorContext): void {
  if (!state.mission) return refuse(ctx, from, reqId, 'no-mission', 'no mission is running: accept a contract first');
  if (state.call) return refuse(ctx, from, reqId, 'cart-busy', `a capability call is already running on ${state.call.cart}`);
  const module = state.catalog.modules.find((m) => m.name === cart);
  if (!module) return refuse(ctx, from, reqId, 'capability-not-registered', `no module '${cart}' exists`);
  const registered = module.system || state.inserted === cart || cartLastSeenAt(state.uds, module.bit) !== null;
  if (!registered) return refuse(ctx, from, reqId, 'capability-not-registered', `${cart} has never been in this deck's slot`);
  const call: PendingCall = { reqId, operator: from, cart, seed: seed ?? state.mission.entry.seed, awaitingSwap: false };
  state.call = call;
  if (module.system) {
    ctx.replace(BASELINE_ACTOR, 'cartridge', { args: { cart } });
    sendCall(state, call, BASELINE_ACTOR, ctx);
    return;
  }
  if (state.inserted === cart) {
    sendCall(state, call, PEERS.cart, ctx);
    return;
  }
  call.awaitingSwap = true;
  state.counters.hotSwaps++;
  // The slot may never settle on the cart (it jammed, it was pulled again): the call has its deadline from now.
  ctx.send(ctx.self, 'call/deadline', { callId: reqId }, { after: CALL_DEADLINE_TICKS });
  say(ctx, 'hot-swap', { from: state.inserted ?? state.lastSeated ?? 'empty slot', to: cart });
  tell(ctx, { type: 'call', cart, callId: reqId, swap: true });
  swapPhysically(state, cart, ctx);
}

/** The slot settled on the cart a waiting call needs: the call goes out to the new cart. */
export function resumeAfterSwap(state: McState, ctx: ActorContext): void {
  const call = state.call;
  if (call?.awaitingSwap && state.inserted === call.cart) {
    call.awaitingSwap = false;
    sendCall(state, call, PEERS.cart, ctx);
  }
}

function sendCall(state: McState, call: PendingCall, actor: string, ctx: ActorContext): void {
  const m = state.mission;
  if (!m) return;
  if (!call.awaitingSwap) tell(ctx, { type: 'call', cart: call.cart, callId: call.reqId, swap: false });
  showPanel(state, ctx);
  ctx.send(ctx.self, 'call/deadline', { callId: call.reqId }, { after: CALL_DEADLINE_TICKS });
  ctx.send(actor, 'capability/call', {
    callId: call.reqId,
    params: { seed: call.seed, threat: m.entry.threat, mission: { schema: m.entry.schema, target: m.content.target } },
    operator: call.operator,
    watchers: [ctx.self, PEERS.holdTicker],
  });
}

/** The cart finished: the run report takes its trace and bonuses (the operator has its own copy of the result). */
export function resultOp(state: McState, body: { callId: string; cart: string; result: { outcome: string; trace: number; bonuses: string[]; turns?: unknown } }, ctx: ActorContext): void {
  if (state.call?.reqId !== body.callId) return;
  state.report = { trace: body.result.trace, bonuses: body.result.bonuses };
  tell(ctx, { type: 'call-result', cart: body.cart, outcome: body.result.outcome, trace: body.result.trace, turns: typeof body.result.turns === 'number' ? body.result.turns : 0 });
  state.call = null;
}

/** Telemetry Mission Control watches for: CIPHER remarks on trace crossing 50 and 75, and on hunters. */
export function telemetryOp(state: McState, t: { event: string; trace: number }, ctx: ActorContext): void {
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

/** The cart crashed or was pulled mid-call: the operator gets `:abort`; nothing banked is lost (it is already in UDS). */
export function abortCall(state: McState, reason: string, ctx: ActorContext): void {
  const call = state.call;
  if (!call) return;
  state.call = null;
  state.counters.aborts++;
  const result: CapabilityResult = { outcome: 'abort', trace: state.report.trace, extracted: [], turns: 0, bonuses: [], missing: [reason] };
  ctx.send(call.operator, 'capability/result', { callId: call.reqId, cart: call.cart, result });
  tell(ctx, { type: 'call-result', cart: call.cart, outcome: 'abort', trace: state.report.trace, turns: 0 });
}

/** The call's deadline passed: abort it, and tell the cart to drop it. */
export function deadlineOp(state: McState, callId: string, ctx: ActorContext): void {
  if (state.call?.reqId !== callId) return;
  if (state.call.awaitingSwap) return abortCall(state, `the slot did not settle on ${state.call.cart} within ${CALL_DEADLINE_TICKS} ticks`, ctx);
  const actor = state.catalog.modules.find((m) => m.name === state.call?.cart)?.system ? BASELINE_ACTOR : PEERS.cart;
  ctx.send(actor, 'cart/abort', { callId, reason: 'deadline' });
  abortCall(state, `no result within ${CALL_DEADLINE_TICKS} ticks`, ctx);
}

export function childFailed(state: McState, failure: ChildFailed, ctx: ActorContext): void {
  const actor = state.call && (state.catalog.modules.find((m) => m.name === state.call?.cart)?.system ? BASELINE_ACTOR : PEERS.cart);
  if (state.call && failure.child === actor) abortCall(state, `cart crashed: ${failure.error}`, ctx);
}
