import * as v from 'valibot';
import { loadCartContent } from '../../src/mission-control/cart-content.js';
import { buildCatalog } from '../../src/mission-control/catalog.js';
import { emptyUds } from '../../src/deck/uds.js';
import type { VerbName } from '../../src/objectives/index.js';
import { defineActor } from '../../src/runtime/actor.js';
import type { MessageOf } from '../../src/runtime/inbox.js';
import { SYS_CHILD_FAILED } from '../../src/runtime/system-messages.js';
import { acceptOp, boardOp, decayOp, insertAgain, insertCartOp, slotChanged, statusOp } from './board-ops.js';
import { keywordData } from '../../src/lisp/data.js';
import { bindingsData } from './bindings.js';
import { flushAnswered, tickerRestarted, varOp, verdictsOp } from './hold-ops.js';
import { abortCall, callInFlight, capabilityOp, childFailed, deadlineOp, resultOp, resumeAfterSwap, telemetryOp } from './capability-ops.js';
import { McInbox } from './messages.js';
import { checkInOp, resolveOp, settleNow, verbOp } from './mission-ops.js';
import { refuse, reply, tell } from './outbox.js';
import { briefOp, keyOp } from './navigation-ops.js';
import { OPEN_BOARD } from '../../src/mission-control/navigation.js';
import { recordCartSeen } from '../../src/deck/cart-seen.js';
import { type BootRead, boot, commit, commitFailed, offIfSaved, powerOff, powerOn, readFlash, recommitIfLost, tellOperatorReady } from './persistence.js';
import { type McContext, type McState, PEERS } from './state.js';

/** Board decay is looked at every 30 s of deck time while the deck is on. */
export const DECAY_TICKS = 900;
const MAX_EARLY = 64;


type MissionControlMessage = MessageOf<typeof McInbox>;

const McArgs = v.object({
  seed: v.pipe(v.number(), v.integer()),
  cartFiles: v.pipe(v.array(v.object({ path: v.string(), text: v.string() })), v.maxLength(64)),
  owned: v.array(v.string()),
  operator: v.string(),
  /** A cart already in the slot at power-on (the first board is generated with it seated). */
  seated: v.optional(v.nullable(v.string()), null),
  /** Test only: settlement N loses one credit (what `nosh soak --skim-credit` uses to prove the invariants bite). */
  skimAt: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))), null),
});

/**
 * Mission Control: owns the deck state (on flash), the capability registry,
 * the board, and the running mission's objective graph. Operators talk to it
 * with `op/*` requests; the cart, the hold ticker, the slot watcher, the
 * flash and the clock report to it; CIPHER and `$deck` hear what happened.
 */
export default defineActor({
  name: 'mission-control',
  inbox: McInbox,
  args: McArgs,
  init(args, ctx): McState {
    const catalog = buildCatalog(loadCartContent(args.cartFiles));
    ctx.send(PEERS.slot, 'slot/watch', { to: ctx.self });
    if (args.seated) ctx.send(PEERS.slot, 'slot/insert', { cart: args.seated });
    ctx.send(PEERS.clock, 'clock/subscribe', { to: ctx.self, every: DECAY_TICKS });
    const readReq = readFlash(ctx);
    return {
      readReq,
      catalog,
      seed: args.seed,
      skimAt: args.skimAt,
      operator: args.operator,
      owned: args.owned,
      phase: 'booting',
      uds: emptyUds(args.seed >>> 0),
      inserted: null,
      lastSeated: null,
      inserting: null,
      mission: null,
      missionId: null,
      call: null,
      callSerial: 0,
      report: { trace: 0, bonuses: [] },
      spikes: [],
      dirty: false,
      powerReq: null,
      lastSettlement: null,
      cursor: OPEN_BOARD,
      seated: args.seated,
      heldBoot: null,
      early: [],
      screen: null,
      panel: null,
      acceptTick: 0,
      vars: null,
      settling: null,
      lastWrite: null,
      toldBoard: '',
      bindings: null,
      deck: null,
      offWhenSaved: null,
      counters: { missions: 0, succeeded: 0, failed: 0, abandoned: 0, hotSwaps: 0, aborts: 0, commits: 0, powerCycles: 0 },
    };
  },
  receive(state, msg, ctx): McState {
    // Requests wait while the deck boots, and while a mission settles (the settle barrier).
    if (msg.kind.startsWith('op/') && (state.phase !== 'ready' || state.settling !== null)) {
      if (state.early.length >= MAX_EARLY) throw new RangeError(`mission-control: more than ${MAX_EARLY} requests waiting (${state.phase}, settling: ${state.settling !== null})`);
      state.early.push({ from: msg.from, kind: msg.kind, body: msg.body });
      return state;
    }
    handle(state, msg, ctx);
    return state;
  },
  view: (s) => ({
    phase: s.phase,
    credits: s.uds.creditBalance,
    reputation: s.uds.reputation,
    intel: s.uds.knowledgeIndex.reduce((n, k) => n + k.points, 0),
    inserted: s.inserted,
    mission: s.mission?.entry.schema ?? null,
    board: s.uds.board.length,
    ...s.counters,
  }),
});

function handle(state: McState, msg: MissionControlMessage, ctx: McContext): void {
  switch (msg.kind) {
    case 'op/board':
      return boardOp(state, msg.from, msg.body.reqId, ctx);
    case 'op/status':
      return statusOp(state, msg.from, msg.body.reqId, msg.body.all === true, ctx);
    case 'op/key':
      return keyOp(state, msg.from, msg.body.reqId, msg.body.key, ctx);
    case 'op/brief':
      return briefOp(state, msg.from, msg.body.reqId, msg.body.index, ctx);
    case 'op/settlement':
      return reply(ctx, msg.from, msg.body.reqId, state.lastSettlement);
    case 'op/accept':
      return acceptOp(state, msg.from, msg.body.reqId, msg.body.index, ctx);
    case 'op/bindings':
      return reply(ctx, msg.from, msg.body.reqId, null, bindingsData(state));
    case 'op/var':
      return varOp(state, msg.from, msg.body.reqId, msg.body.name, ctx);
    case 'op/check-in':
      return checkInOp(state, msg.from, msg.body.reqId, ctx);
    case 'op/attach':
      return attachOp(state, msg.from, ctx);
    case 'op/verb':
      return verbOp(state, msg.from, msg.body.reqId, msg.body.verb as VerbName, msg.body.goal, ctx);
    case 'op/capability':
      return capabilityOp(state, msg.from, msg.body.reqId, msg.body.cart, msg.body.seed, ctx);
    case 'op/complete':
      return resolveOp(state, msg.from, msg.body.reqId, 'complete', ctx);
    case 'op/abandon':
      return resolveOp(state, msg.from, msg.body.reqId, 'abandon', ctx);
    case 'op/insert-cart':
      return insertCartOp(state, msg.from, msg.body.reqId, msg.body.cart, ctx);
    case 'op/power-off':
      if (state.mission) return refuse(ctx, msg.from, msg.body.reqId, 'mission-running', 'finish or abandon the mission before switching the deck off');
      if (state.offWhenSaved) return refuse(ctx, msg.from, msg.body.reqId, 'powering-off', 'the deck is already switching off');
      return powerOff(state, msg.body.ms, { reqId: msg.body.reqId, operator: msg.from }, ctx);
    case 'cart/telemetry':
      return telemetryOp(state, msg.body, ctx);
    case 'capability/result':
      return resultOp(state, msg.body, ctx);
    case 'holds/verdicts':
      return verdictsOp(state, msg.body, ctx);
    case 'holds/rejected':
      tell(ctx, { type: 'holds-rejected', error: msg.body.error });
      return;
    case 'holds/hello':
      return tickerRestarted(state, ctx);
    case 'holds/judged':
      if (state.settling === null || msg.body.mission !== state.missionId) return;
      flushAnswered(state, msg.body, ctx);
      return settled(state, ctx);
    case 'holds/flush-deadline':
      if (state.settling === null || msg.body.mission !== state.missionId) return;
      flushAnswered(state, null, ctx);
      return settled(state, ctx);
    case 'slot/changed':
      return onSlot(state, msg.body, ctx);
    case 'flash/state':
      if (state.phase === 'ready') return commit(state, ctx);
      // Booting: only the answer to this boot's read (a late one to an earlier read is an older state).
      if (msg.body.reqId != null && msg.body.reqId !== state.readReq) return;
      return onBoot(state, msg.body as BootRead, ctx);
    case 'flash/ack':
      if (state.lastWrite?.tag === msg.body.tag) state.lastWrite = null;
      tell(ctx, { type: 'committed', seq: msg.body.seq, bytes: 0 });
      return offIfSaved(state, ctx);
    case 'flash/failed':
      return commitFailed(state, msg.body, ctx);
    case 'flash/retry':
      return commit(state, ctx);
    case 'flash/read-deadline':
      // Booting and the flash never answered (its controller restarted and lost the read): ask again.
      if (state.phase === 'booting' && state.heldBoot === null) state.readReq = readFlash(ctx);
      return;
    case 'flash/power-lost':
      // The chip lost power mid-commit (a brownout): what is on flash is the state before. The supply
      // comes back, the chip is remounted, and the state still in memory is committed again.
      state.dirty = true;
      tell(ctx, { type: 'flash-power-lost', during: msg.body.during });
      ctx.send(PEERS.flash, 'flash/power-on', { reqId: `remount-${ctx.incarnation}.${ctx.tick}` });
      return;
    case 'clock/power':
      if (msg.body.on && state.phase === 'off') powerOn(state, msg.body.offMs ?? 0, ctx);
      return;
    case 'tick':
      if (state.phase !== 'ready') return;
      recommitIfLost(state, ctx);
      decayOp(state, ctx);
      return;
    case 'call/deadline':
      return deadlineOp(state, msg.body.callId, ctx);
    case SYS_CHILD_FAILED:
      return childFailed(state, msg.body, ctx);
  }
}

/** A restarted operator is back: a call its last life made is abandoned (nobody is there to play it), then it hears where the deck stands. */
function attachOp(state: McState, from: string, ctx: McContext): void {
  if (callInFlight(state)?.operator === from) abortCall(state, 'the operator restarted mid-call', ctx);
  tellOperatorReady(state, from, ctx);
}

function onBoot(state: McState, read: BootRead, ctx: McContext): void {
  if (state.phase !== 'booting') return;
  if (state.seated !== null && state.inserted !== state.seated) {
    state.heldBoot = read;
    return;
  }
  const seated = state.seated;
  state.seated = null;
  boot(state, read, ctx);
  // The cart seated at power-on was seen before the books were read: record it in the books as booted,
  // or it would never be registered (and never become Recent, then Historical, once pulled).
  const module = seated === null ? undefined : state.catalog.modules.find((m) => m.name === seated && !m.system);
  if (module !== undefined && state.inserted === seated) {
    state.uds = recordCartSeen(state.uds, module.bit, ctx.now());
    state.dirty = true;
  }
  drainWaiting(state, ctx);
}

/** The mission settled (the barrier is down): answer the resolve, then what waited behind it. */
function settled(state: McState, ctx: McContext): void {
  settleNow(state, ctx);
  drainWaiting(state, ctx);
}

/** Handle the requests that waited (for the boot, or a settlement), in arrival order, until one makes them wait again. */
function drainWaiting(state: McState, ctx: McContext): void {
  while (state.early.length > 0 && state.phase === 'ready' && state.settling === null) {
    const e = state.early.shift() as { from: string; kind: string; body: unknown };
    handle(state, { kind: e.kind, from: e.from, to: ctx.self, tick: ctx.tick, seq: 0, cause: null, body: e.body } as MissionControlMessage, ctx);
  }
}

function onSlot(state: McState, change: { cart: string | null; previous: string | null; yanked: boolean; error: string | null }, ctx: McContext): void {
  const call = callInFlight(state);
  if (change.yanked && call !== null && call.cart === change.previous && call.actor === PEERS.cart) {
    abortCall(state, `${change.previous} was pulled from the slot mid-call`, ctx, true);
    ctx.stop(PEERS.cart);
  }
  const seated = slotChanged(state, change, ctx);
  const inserting = state.inserting;
  if (inserting && (change.cart === inserting.cart || change.error !== null)) {
    state.inserting = null;
    if (inserting.reqId && inserting.operator) {
      if (change.error) refuse(ctx, inserting.operator, inserting.reqId, 'cart-unreadable', change.error);
      else reply(ctx, inserting.operator, inserting.reqId, keywordData(inserting.cart));
    }
  } else if (inserting && change.cart !== null && !change.yanked) insertAgain(state, ctx);
  if (seated) resumeAfterSwap(state, ctx);
  if (state.heldBoot && (state.inserted === state.seated || change.error !== null)) {
    const held = state.heldBoot;
    state.heldBoot = null;
    // Seated: the boot records the cart in the books it reads; unreadable: there is no seated cart.
    if (change.error !== null) state.seated = null;
    return onBoot(state, held, ctx);
  }
  commit(state, ctx);
}
