import missionControl from '../actors/mission-control/actor.js';
import type { McState } from '../actors/mission-control/state.js';
import { loadCartLibrary } from '../src/campaign/cart-files.js';
import type { ActorContext } from '../src/runtime/actor.js';
import type { MessageOf } from '../src/runtime/inbox.js';
import { actorRng } from '../src/runtime/rng.js';
import { type Latency, measureLatency, round } from './measure.js';

type McMessage = MessageOf<typeof missionControl.inbox>;
type McCtx = ActorContext<typeof missionControl.inbox>;

const OPERATOR = 'mission-runner';
const NOON = Date.UTC(2026, 5, 20, 12, 0, 0);
const TICK_MS = 1000 / 30;

/**
 * Mission Control's own work per operator request, without the kernel: the
 * real actor (its init, its receive) over a context that only counts what it
 * sends. What the kernel adds per send (checks, the trace) is the kernel
 * suite's to measure; this is what Mission Control itself costs.
 */
class CountingContext {
  readonly self = 'mission-control' as McCtx['self'];
  readonly incarnation = 0;
  readonly tickMs = TICK_MS;
  readonly rng = actorRng(7, 'mission-control', 0);
  tick = 1;
  sends = 0;
  now(): number {
    return NOON + Math.round(this.tick * TICK_MS);
  }
  refused = 0;
  send(_to: string, kind: string, body: { ok?: boolean }): void {
    this.sends++;
    if (kind === 'op/reply' && body.ok === false) this.refused++;
  }
  spawn(actor: string): string {
    return actor;
  }
  replace(id: string): string {
    return id;
  }
  stop(): void {}
  mark(): void {}
}

/** A booted Mission Control (blank flash, a cart seated) and a way to hand it envelopes. */
function bootedDeck(): { state: McState; deliver: (kind: string, body: unknown) => void; ctx: CountingContext } {
  const library = loadCartLibrary();
  const ctx = new CountingContext();
  const c = ctx as unknown as McCtx;
  const state = missionControl.init({ seed: 11, cartFiles: [...library.files], owned: [...library.carts], operator: OPERATOR, seated: null, skimAt: null }, c);
  let seq = 0;
  const deliver = (kind: string, body: unknown): void => {
    ctx.tick++;
    const msg = { kind, from: OPERATOR, to: 'mission-control', tick: ctx.tick, seq: ++seq, cause: null, body } as McMessage;
    const out = missionControl.receive(state, msg, c);
    if (out instanceof Promise) throw new Error('mission-control answered asynchronously');
  };
  deliver('flash/state', { reqId: state.readReq, state: null, seq: null });
  deliver('slot/changed', { cart: library.carts[0] ?? null, previous: null, yanked: false, error: null });
  if (state.phase !== 'ready') throw new Error(`bench deck did not boot (${state.phase})`);
  return { state, deliver, ctx };
}

/**
 * One deck, played request by request: `accept` takes the board's first
 * contract (after a look at the board, as an operator takes one), `complete` resolves it (the request and the hold ticker's
 * `holds/judged` that lets it settle), `verb` closes one open leaf goal that
 * no hold guards (a fresh mission when none is left), `board` is `(board)`. Each is
 * timed alone; what sets it up runs in tinybench's beforeEach, untimed.
 * Baseline, in the same run: a structuredClone of the deck's UDS.
 */
export async function missionControlSuite(timeMs = 1500): Promise<Record<string, number>> {
  const { state, deliver, ctx } = bootedDeck();
  let req = 0;
  const op = (kind: string, body: Record<string, unknown> = {}): void => deliver(kind, { reqId: `b${++req}`, ...body });
  const accept = (): void => op('op/accept', { index: 0 });
  const complete = (): void => {
    op('op/complete');
    if (state.settling !== null) deliver('holds/judged', { mission: state.missionId, through: ctx.tick - 1, complete: true });
    if (state.mission !== null) throw new Error('bench mission did not settle');
  };
  const closeable = (): string | null => {
    const goals = state.mission?.graph.snapshot().goals ?? [];
    return goals.find((g) => g.state === 'open' && g.hold === null && g.children.length === 0)?.name ?? null;
  };
  const readyForVerb = async (): Promise<void> => {
    while (state.mission === null || closeable() === null) {
      if (state.mission !== null) complete();
      accept();
    }
    await Promise.resolve();
  };
  const time = (name: string, fn: () => void, before: () => Promise<void>): Promise<Latency> => measureLatency(name, fn, timeMs, before);
  // An operator reads the board and then takes a contract from it (the autopilot's every mission): so does the bench.
  const acceptUs = await time('accept', accept, async () => {
    if (state.mission !== null) complete();
    op('op/board');
    await Promise.resolve();
  });
  const completeUs = await time('complete', complete, async () => {
    if (state.mission === null) accept();
    await Promise.resolve();
  });
  const verbUs = await time('verb', () => op('op/verb', { verb: 'goal-complete', goal: closeable() }), readyForVerb);
  const idle = async (): Promise<void> => {
    await Promise.resolve();
  };
  const boardUs = await time('board', () => op('op/board'), idle);
  // The raw baseline: copying the deck state once (what any handler that touched all of it would pay).
  let copied = 0;
  const cloneUs = await time('structuredClone(UDS)', () => (copied += structuredClone(state.uds).board.length + 1), idle);
  if (copied === 0) throw new Error('the baseline did no work');
  if (ctx.sends === 0) throw new Error('mission-control sent nothing');
  // Every request above is one Mission Control grants: a refusal is a bench that measures the wrong thing.
  if (ctx.refused > 0) throw new Error(`mission-control refused ${ctx.refused} bench requests`);
  return {
    acceptUs: round(acceptUs.p50Us),
    completeUs: round(completeUs.p50Us),
    verbUs: round(verbUs.p50Us),
    boardUs: round(boardUs.p50Us),
    acceptP99Us: round(acceptUs.p99Us),
    completeP99Us: round(completeUs.p99Us),
    verbP99Us: round(verbUs.p99Us),
    boardP99Us: round(boardUs.p99Us),
    udsCloneUs: round(cloneUs.p50Us),
  };
}
