import { decodeUds, encodeUds } from '../../src/deck/uds-codec.js';
import { emptyUds } from '../../src/deck/uds.js';
import type { CipherEvent } from '../../src/mission-control/events.js';
import { bootDeck } from '../../src/mission-control/decay.js';
import { contractLabel } from '../../src/mission-control/format.js';
import { restoreMission } from '../../src/mission-control/missions.js';
import { viewBoard } from '../../src/mission-control/board-view.js';
import { keywordData } from '../../src/lisp/data.js';
import { reply, speak, tell } from './outbox.js';
import { type GoalFact, cartsSeen, contractFacts, figures, goalFacts } from './facts.js';
import { armHolds, startingVariables } from './hold-ops.js';
import { showBoard, showPanel } from './screens.js';
import { type McContext, type McState, PEERS, context, operator } from './state.js';

/**
 * The deck state lives on flash. Boot reads it (or starts a fresh deck on a
 * blank chip), reaps what expired while the deck was off, advances the
 * entropy pool and fills the board; every change after that is committed.
 */
export function boot(state: McState, read: BootRead, ctx: McContext): void {
  const stored = read.state;
  let uds = stored === null ? emptyUds(state.seed >>> 0) : decodeUds(Buffer.from(stored, 'base64'));
  const events: CipherEvent[] = [];
  uds = bootDeck(uds, context({ ...state, uds }, ctx), events);
  state.uds = uds;
  state.mission = uds.active ? restoreMission(uds, context(state, ctx)) : null;
  state.missionId = state.mission ? `m${uds.active?.entry.id}` : null;
  state.phase = 'ready';
  state.dirty = true;
  const expired = events.flatMap((e) => (e.event === 'contract-expired' ? [contractLabel(e.contract)] : []));
  // Told before the boot's own commit, so what the outside hears is the state that commit holds.
  tell(ctx, {
    type: 'ready',
    credits: uds.creditBalance,
    reputation: uds.reputation,
    board: uds.board.map((e) => contractLabel(e.id)),
    restored: stored !== null,
    at: ctx.now(),
    expired,
    mission: restored(state),
    figures: figures(uds),
    contracts: contractFacts(uds.board),
    cartsSeen: cartsSeen(uds, state.catalog.modules),
    flash: { seq: read.seq, damaged: read.damaged === true, dropped: (read.report?.dropped ?? []).map((d) => d.seq) },
  });
  state.toldBoard = boardKey(uds);
  commit(state, ctx);
  if (state.mission && uds.active) {
    // A mission restored mid-run is watched again from now: its escalations, fail-ons and reveals
    // (its holds came back forfeited: nobody watched them while the deck was down).
    state.acceptTick = Math.max(0, ctx.tick - Math.round((ctx.now() - uds.active.acceptedAt) / ctx.tickMs));
    state.vars = startingVariables(state.mission.graph.schema.variables, uds.active.entry.threat);
    armHolds(state, ctx, true);
  }
  speak(ctx, events);
  // The deck comes up on the screen it went down on: the running mission's panel, else the board.
  if (state.mission) showPanel(state, ctx);
  else showBoard(state, viewBoard(uds, context(state, ctx)), ctx);
  if (state.powerReq) {
    reply(ctx, state.powerReq.operator, state.powerReq.reqId, keywordData(state.mission ? 'mission-restored' : 'ready'));
    state.powerReq = null;
  } else tellOperatorReady(state, state.operator, ctx);
}

/** The operator hears the deck is up: after every boot, and when a restarted operator asks (`op/attach`). */
export function tellOperatorReady(state: McState, to: string, ctx: McContext): void {
  ctx.send(operator(to), 'deck/ready', { restoredMission: state.mission !== null, session: state.uds.session, runs: state.uds.runCount });
}

function restored(state: McState): { contract: string; schema: string; id: number; goals: GoalFact[]; chain: string } | null {
  const m = state.mission;
  return m ? { contract: contractLabel(m.entry.id), schema: m.entry.schema, id: m.entry.id, goals: goalFacts(m), chain: Buffer.from(state.uds.phaseChain).toString('base64') } : null;
}

/** What a boot read off the flash (`flash/state`). */
export interface BootRead {
  readonly state: string | null;
  readonly seq: number | null;
  readonly damaged?: boolean;
  readonly report?: { readonly dropped?: readonly { readonly seq: number }[] };
}

/** The board as last told to the outside, so a commit tells it again only when it changed. */
function boardKey(uds: { board: readonly { id: number; threat: number; warned: boolean }[] }): string {
  return uds.board.map((e) => `${e.id}:${e.threat}`).join(',');
}

/** A commit the flash has not acknowledged this long after it was sent is taken for lost, and made again. */
export const COMMIT_DEADLINE_TICKS = 600;
/** After the flash refused a commit (full, worn), it is tried again this much later. */
export const COMMIT_RETRY_TICKS = 300;
/** A boot's read of the flash is asked again when unanswered this long. */
export const READ_DEADLINE_TICKS = 300;

/** Write the deck state to flash if it changed since the last commit. */
export function commit(state: McState, ctx: McContext): void {
  if (!state.dirty || state.phase !== 'ready') return;
  state.uds = { ...state.uds, savedAt: ctx.now() };
  const bytes = encodeUds(state.uds);
  state.dirty = false;
  state.counters.commits++;
  const key = boardKey(state.uds);
  if (key !== state.toldBoard) {
    state.toldBoard = key;
    tell(ctx, { type: 'contracts', at: ctx.now(), contracts: contractFacts(state.uds.board) });
  }
  // The tag names this Mission Control's life too: a restarted one starts counting again.
  const tag = `uds-${ctx.incarnation}.${state.counters.commits}`;
  state.lastWrite = { tag, tick: ctx.tick };
  ctx.send(PEERS.flash, 'flash/write', { state: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'), tag, order: { life: ctx.incarnation, n: state.counters.commits } });
}

/**
 * Ask the flash for the committed state (a boot), and ask again if it does not answer. Returns the read's
 * id: only its answer boots the deck (an answer to an earlier read, or to a remount, delayed in flight
 * past a restart, is an older state).
 */
export function readFlash(ctx: McContext): string {
  const reqId = `read-${ctx.incarnation}.${ctx.tick}`;
  ctx.send(PEERS.flash, 'flash/read', { reqId });
  ctx.send(ctx.self, 'flash/read-deadline', {}, { after: READ_DEADLINE_TICKS });
  return reqId;
}

/** The flash could not place a commit: nothing on it changed; keep the state and commit again later. */
export function commitFailed(state: McState, body: { tag: string | null; error: string }, ctx: McContext): void {
  if (state.lastWrite?.tag === body.tag) state.lastWrite = null;
  state.dirty = true;
  tell(ctx, { type: 'flash-failed', tag: body.tag, error: body.error });
  ctx.send(ctx.self, 'flash/retry', {}, { after: COMMIT_RETRY_TICKS });
}

/** The newest commit went unanswered (the flash's controller lost it in a crash): make it again. */
export function recommitIfLost(state: McState, ctx: McContext): void {
  if (state.lastWrite === null || ctx.tick - state.lastWrite.tick < COMMIT_DEADLINE_TICKS) return;
  state.lastWrite = null;
  state.dirty = true;
  commit(state, ctx);
}

/** Switch the deck off: commit, then let the clock jump; power-on reboots from flash. */
/**
 * Switch the deck off, but only once the flash has the state: the last commit must be acknowledged
 * first (a full or failing flash is retried until it is), so a power-off never loses what was saved.
 */
export function powerOff(state: McState, ms: number, requester: { reqId: string; operator: string }, ctx: McContext): void {
  commit(state, ctx);
  state.offWhenSaved = { ms, requester };
  offIfSaved(state, ctx);
}

/** The pending power-off goes ahead when nothing is left to save. */
export function offIfSaved(state: McState, ctx: McContext): void {
  const pending = state.offWhenSaved;
  if (pending === null || state.lastWrite !== null || state.dirty) return;
  state.offWhenSaved = null;
  state.powerReq = pending.requester;
  state.phase = 'off';
  state.counters.powerCycles++;
  ctx.send(PEERS.clock, 'clock/power-off', { ms: pending.ms });
  tell(ctx, { type: 'power', on: false, offMs: pending.ms });
}

export function powerOn(state: McState, offMs: number, ctx: McContext): void {
  state.phase = 'booting';
  tell(ctx, { type: 'power', on: true, offMs });
  state.readReq = readFlash(ctx);
}
