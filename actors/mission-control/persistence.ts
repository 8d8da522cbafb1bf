import { decodeUds, encodeUds } from '../../src/deck/uds-codec.js';
import { emptyUds } from '../../src/deck/uds.js';
import type { CipherEvent } from '../../src/mission-control/events.js';
import { bootDeck } from '../../src/mission-control/decay.js';
import { contractLabel } from '../../src/mission-control/format.js';
import { restoreMission } from '../../src/mission-control/missions.js';
import type { ActorContext } from '../../src/runtime/actor.js';
import { viewBoard } from '../../src/mission-control/board-view.js';
import { reply, speak, tell } from './outbox.js';
import { armHolds, startingVariables } from './hold-ops.js';
import { showBoard, showPanel } from './screens.js';
import { type McState, PEERS, context } from './state.js';

/**
 * The deck state lives on flash. Boot reads it (or starts a fresh deck on a
 * blank chip), reaps what expired while the deck was off, advances the
 * entropy pool and fills the board; every change after that is committed.
 */
export function boot(state: McState, stored: string | null, ctx: ActorContext): void {
  let uds = stored === null ? emptyUds(state.seed >>> 0) : decodeUds(Buffer.from(stored, 'base64'));
  const events: CipherEvent[] = [];
  uds = bootDeck(uds, context({ ...state, uds }, ctx), events);
  state.uds = uds;
  state.mission = uds.active ? restoreMission(uds, context(state, ctx)) : null;
  state.missionId = state.mission ? `m${uds.active?.entry.id}` : null;
  state.phase = 'ready';
  state.dirty = true;
  commit(state, ctx);
  if (state.mission && uds.active) {
    // A mission restored mid-run is watched again from now: its escalations, fail-ons and reveals
    // (its holds came back forfeited: nobody watched them while the deck was down).
    state.acceptTick = Math.max(0, ctx.tick - Math.round((ctx.now() - uds.active.acceptedAt) / ctx.tickMs));
    state.vars = startingVariables(state.mission.mission.schema.variables, uds.active.entry.threat);
    armHolds(state, ctx, true);
  }
  speak(ctx, events);
  // The deck comes up on the screen it went down on: the running mission's panel, else the board.
  if (state.mission) showPanel(state, ctx);
  else showBoard(state, viewBoard(uds, context(state, ctx)), ctx);
  const expired = events.flatMap((e) => (e.event === 'contract-expired' ? [contractLabel(e.contract)] : []));
  tell(ctx, { type: 'ready', credits: uds.creditBalance, reputation: uds.reputation, board: uds.board.map((e) => contractLabel(e.id)), restored: stored !== null, at: ctx.now(), expired, mission: restored(state) });
  if (state.powerReq) {
    reply(ctx, state.powerReq.operator, state.powerReq.reqId, state.mission ? ':mission-restored' : ':ready');
    state.powerReq = null;
  } else tellOperatorReady(state, state.operator, ctx);
}

/** The operator hears the deck is up: after every boot, and when a restarted operator asks (`op/attach`). */
export function tellOperatorReady(state: McState, to: string, ctx: ActorContext): void {
  ctx.send(to, 'deck/ready', { restoredMission: state.mission !== null, session: state.uds.session, runs: state.uds.runCount });
}

function restored(state: McState): { contract: string; schema: string } | null {
  return state.mission ? { contract: contractLabel(state.mission.entry.id), schema: state.mission.entry.schema } : null;
}

/** A commit the flash has not acknowledged this long after it was sent is taken for lost, and made again. */
export const COMMIT_DEADLINE_TICKS = 600;
/** After the flash refused a commit (full, worn), it is tried again this much later. */
export const COMMIT_RETRY_TICKS = 300;
/** A boot's read of the flash is asked again when unanswered this long. */
export const READ_DEADLINE_TICKS = 300;

/** Write the deck state to flash if it changed since the last commit. */
export function commit(state: McState, ctx: ActorContext): void {
  if (!state.dirty || state.phase !== 'ready') return;
  state.uds = { ...state.uds, savedAt: ctx.now() };
  const bytes = encodeUds(state.uds);
  state.dirty = false;
  state.counters.commits++;
  // The tag names this Mission Control's life too: a restarted one starts counting again.
  const tag = `uds-${ctx.incarnation}.${state.counters.commits}`;
  state.lastWrite = { tag, tick: ctx.tick };
  ctx.send(PEERS.flash, 'flash/write', { state: Buffer.from(bytes).toString('base64'), tag });
}

/** Ask the flash for the committed state (a boot), and ask again if it does not answer. */
export function readFlash(ctx: ActorContext): void {
  ctx.send(PEERS.flash, 'flash/read', {});
  ctx.send(ctx.self, 'flash/read-deadline', {}, { after: READ_DEADLINE_TICKS });
}

/** The flash could not place a commit: nothing on it changed; keep the state and commit again later. */
export function commitFailed(state: McState, body: { tag: string | null; error: string }, ctx: ActorContext): void {
  if (state.lastWrite?.tag === body.tag) state.lastWrite = null;
  state.dirty = true;
  tell(ctx, { type: 'flash-failed', tag: body.tag, error: body.error });
  ctx.send(ctx.self, 'flash/retry', {}, { after: COMMIT_RETRY_TICKS });
}

/** The newest commit went unanswered (the flash's controller lost it in a crash): make it again. */
export function recommitIfLost(state: McState, ctx: ActorContext): void {
  if (state.lastWrite === null || ctx.tick - state.lastWrite.tick < COMMIT_DEADLINE_TICKS) return;
  state.lastWrite = null;
  state.dirty = true;
  commit(state, ctx);
}

/** Switch the deck off: commit, then let the clock jump; power-on reboots from flash. */
export function powerOff(state: McState, ms: number, requester: { reqId: string; operator: string }, ctx: ActorContext): void {
  commit(state, ctx);
  state.powerReq = requester;
  state.phase = 'off';
  state.counters.powerCycles++;
  ctx.send(PEERS.clock, 'clock/power-off', { ms });
  tell(ctx, { type: 'power', on: false, offMs: ms });
}

export function powerOn(state: McState, offMs: number, ctx: ActorContext): void {
  state.phase = 'booting';
  tell(ctx, { type: 'power', on: true, offMs });
  readFlash(ctx);
}
