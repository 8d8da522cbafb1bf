import { recordCartSeen } from '../../src/deck/cart-seen.js';
import { keywordData, toData } from '../../src/lisp/data.js';
import { Keyword, LispMap, type Value, list } from '../../src/lisp/values.js';
import { type BoardContract, viewBoard } from '../../src/mission-control/board-view.js';
import type { CipherEvent } from '../../src/mission-control/events.js';
import { tickBoard } from '../../src/mission-control/decay.js';
import { MissionControlError, acceptContract } from '../../src/mission-control/missions.js';
import { bindingsData } from './bindings.js';
import { goalFacts } from './facts.js';
import { contractLabel } from '../../src/mission-control/format.js';
import { armHolds, startingVariables } from './hold-ops.js';
import { commit } from './persistence.js';
import { boardLines, showBoard, showBriefing } from './screens.js';
import { OPEN_BOARD } from '../../src/mission-control/navigation.js';
import { refuse, reply, speak, tell } from './outbox.js';
import { type McState, PEERS, context, type McContext } from './state.js';
import { callInFlight } from './capability-ops.js';

const kw = (name: string): Keyword => new Keyword(name);

/** `(board)`: the contracts as the operator sees them, one map each. */
export function boardOp(state: McState, from: string, reqId: string, ctx: McContext): void {
  const contracts = viewBoard(state.uds, context(state, ctx));
  // Asking for the board opens it afresh, the cursor on the first contract.
  state.cursor = OPEN_BOARD;
  const lines = boardLines(state, contracts, ctx);
  tell(ctx, { type: 'board', lines });
  showBoard(state, contracts, ctx, lines);
  reply(ctx, from, reqId, toData(list(...contracts.map(contractToLisp))));
}

export function contractToLisp(c: BoardContract, index: number): Value {
  return LispMap.fromPairs([
    [kw('index'), index],
    [kw('id'), c.id],
    [kw('class'), kw(c.class.toLowerCase().replace(/ /g, '-'))],
    [kw('target'), c.target],
    [kw('threat'), c.threat],
    [kw('payout'), c.payout],
    [kw('phases'), c.phases],
    [kw('swap-required'), c.swapRequired],
    [kw('carts'), list(...[...new Set(c.capabilities.map((k) => k.module))].map((m) => kw(m)))],
    [kw('brief'), c.brief],
  ]);
}

/** `(status)`: the deck's numbers and what is in the slot. */
export function statusOp(state: McState, from: string, reqId: string, all: boolean, ctx: McContext): void {
  const u = state.uds;
  const value = LispMap.fromPairs([
    [kw('credits'), u.creditBalance],
    [kw('reputation'), u.reputation],
    [kw('inserted'), state.inserted === null ? null : kw(state.inserted)],
    [kw('owned'), list(...state.owned.map((c) => kw(c)))],
    [kw('mission'), state.mission ? state.mission.entry.schema : null],
    [kw('board'), u.board.length],
    [kw('now'), ctx.now()],
    // Runs resolved over the deck's life and its boot session: what an operator counts missions and check-ins by.
    [kw('runs'), u.runCount],
    [kw('session'), u.session],
    [kw('owed'), u.obligations.length],
    // Every currency, always: intel is paid like ¤ and reputation (seed 000). The access flags only when asked.
    [kw('intel'), u.knowledgeIndex.reduce((n, k) => n + k.points, 0)],
    ...(all ? ([[kw('access'), list(...u.accessFlags.map((f) => kw(f)))]] as Array<[Value, Value]>) : []),
  ]);
  reply(ctx, from, reqId, toData(value));
}

/** [EVAL] on contract `index`: build the mission, arm its holds, start it. */
export function acceptOp(state: McState, from: string, reqId: string, index: number, ctx: McContext): void {
  if (state.mission) return refuse(ctx, from, reqId, 'mission-running', `a mission is running (${state.mission.entry.schema}); complete or abandon it first`);
  const events: CipherEvent[] = [];
  let accepted;
  try {
    accepted = acceptContract(state.uds, index, context(state, ctx), events);
  } catch (err) {
    if (err instanceof MissionControlError) return refuse(ctx, from, reqId, err.code, err.message);
    throw err;
  }
  state.uds = accepted.uds;
  state.mission = accepted.struct;
  state.missionId = `m${accepted.struct.entry.id}`;
  state.report = { trace: 0, bonuses: [] };
  state.spikes = [];
  state.counters.missions++;
  state.dirty = true;
  const s = accepted.struct;
  state.acceptTick = ctx.tick;
  state.vars = startingVariables(s.graph.schema.variables, s.entry.threat);
  tell(ctx, { type: 'accepted', contract: contractLabel(s.entry.id), id: s.entry.id, schema: s.entry.schema, threat: s.entry.threat, phases: s.phases.length, target: s.content.target, category: s.entry.category, at: ctx.now(), goals: goalFacts(s) });
  showBriefing(state, ctx);
  armHolds(state, ctx, true);
  speak(ctx, events, { target: s.content.target, phases: s.phases.length });
  commit(state, ctx);
  reply(ctx, from, reqId, null, bindingsData(state));
}

/** The operator puts a cart in the slot (a physical act: the slot watcher reports when it settles). */
export function insertCartOp(state: McState, from: string, reqId: string, cart: string, ctx: McContext): void {
  if (!state.owned.includes(cart)) return refuse(ctx, from, reqId, 'no-such-cart', `no cartridge '${cart}' (owned: ${state.owned.join(', ')})`);
  const busy = callInFlight(state);
  if (busy) return refuse(ctx, from, reqId, 'cart-busy', `a capability call is running on ${busy.cart}`);
  // The last insert asked for is the one that goes in; whoever asked for an earlier one still gets an answer.
  const earlier = state.inserting;
  state.inserting = null;
  if (earlier?.reqId && earlier.operator) refuse(ctx, earlier.operator, earlier.reqId, 'superseded', `a later insert-cart (${cart}) took the slot before ${earlier.cart} settled`);
  if (state.inserted === cart) return reply(ctx, from, reqId, keywordData(cart));
  state.inserting = { cart, reqId, operator: from, retries: 0 };
  swapPhysically(state, cart, ctx);
}

/**
 * A cart other than the one being inserted settled (an insert already on its way, say a Hot Swap
 * of a call that was abandoned): the slot refused ours as busy, so pull that one and push ours
 * again, up to MAX_INSERT_RETRIES times; past that the operator is told the slot would not take it.
 */
export function insertAgain(state: McState, ctx: McContext): void {
  const inserting = state.inserting;
  if (inserting === null) return;
  if (inserting.retries >= MAX_INSERT_RETRIES) {
    state.inserting = null;
    if (inserting.reqId && inserting.operator) refuse(ctx, inserting.operator, inserting.reqId, 'slot-busy', `the slot kept taking other carts (${state.inserted ?? 'none'} is in it): ${inserting.cart} did not go in`);
    return;
  }
  inserting.retries++;
  swapPhysically(state, inserting.cart, ctx);
}

/** How often an operator's insert is pushed again after another cart took the slot first. */
export const MAX_INSERT_RETRIES = 3;

/** Pull what is in the slot (if anything) and push `cart` in; the slot watcher takes it from there. */
export function swapPhysically(state: McState, cart: string, ctx: McContext): void {
  if (state.inserted !== null) ctx.send(PEERS.slot, 'slot/remove', {});
  ctx.send(PEERS.slot, 'slot/insert', { cart }, { after: state.inserted !== null ? 3 : 1 });
}

/** The slot watcher's verdict: a cart settled in (registering it), left, or was yanked. */
export function slotChanged(state: McState, change: { cart: string | null; previous: string | null; yanked: boolean; error: string | null }, ctx: McContext): boolean {
  // The slot watcher restarted and reports the cart already seated: nothing changed, and the cart's game goes on.
  if (change.cart !== null && change.cart === state.inserted && !change.yanked) return false;
  tell(ctx, { type: 'cart', cart: change.cart, yanked: change.yanked, error: change.error, at: ctx.now() });
  if (change.cart === null) {
    state.inserted = null;
    return false;
  }
  const module = state.catalog.modules.find((m) => m.name === change.cart);
  const from = state.lastSeated;
  state.inserted = change.cart;
  state.lastSeated = change.cart;
  if (module && !module.system) {
    state.uds = recordCartSeen(state.uds, module.bit, ctx.now());
    state.dirty = true;
  }
  // Hot Swap = actor restart: the cart actor becomes this cart on a fresh worker. It counts as a Hot Swap
  // when it replaces another cart, whoever asked (a capability call, or the operator's own insert-cart).
  ctx.replace(PEERS.cart, 'cartridge', { args: { cart: change.cart } });
  if (from !== change.cart) tell(ctx, { type: 'swap', from, to: change.cart });
  if (from !== null && from !== change.cart) state.counters.hotSwaps++;
  return true;
}

/** Every few seconds of deck time: contracts decay, expire, and CIPHER says so. */
export function decayOp(state: McState, ctx: McContext): void {
  const events: CipherEvent[] = [];
  const before = state.uds;
  state.uds = tickBoard(state.uds, context(state, ctx), events);
  if (state.uds !== before) state.dirty = true;
  speak(ctx, events);
  commit(state, ctx);
}
