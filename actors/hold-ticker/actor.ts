import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import type { MessageOf } from '../../src/runtime/inbox.js';
import { peer, pick } from '../../src/runtime/peer.js';
import { ClockInbox } from '../../hardware-sim/clock/inbox.js';
import type { PredicateValue } from '../../src/lisp/compile-predicate.js';
import { HoldWatcher, type WatchList, type WatchSpec } from '../../src/objectives/holds.js';
import { HoldTickerInbox, HoldsReplies } from './inbox.js';
import { absorbTelemetry } from '../../src/objectives/telemetry-variables.js';

type HoldTickerMessage = MessageOf<typeof HoldTickerInbox>;
type TickerContext = ActorContext<typeof HoldTickerInbox>;


interface Watching {
  readonly mission: string;
  readonly replyTo: string;
  readonly version: number;
  readonly list: WatchList;
  readonly vars: Record<string, PredicateValue>;
  readonly verbose: boolean;
  readonly startTick: number;
  /** Every tick up to this one is judged (or provably could not change a verdict), and whether one was skipped unjudged. */
  judged: number;
  gap: boolean;
  /** The first tick after `judged` at which a verdict can change with no telemetry: a clock threshold (Infinity: none). */
  next: number;
}

interface HoldTickerState {
  watching: Watching | null;
  ticks: number;
  verdicts: number;
  /** What the clock was last told (`clock/snooze`'s next) and at which tick; null: nothing since it was subscribed. */
  told: { next: number | null; at: number } | null;
}

/** Mission Control, for the hello of a restarted ticker (it is who arms every watch). */
const MISSION_CONTROL = peer(HoldsReplies, 'mission-control');
const CLOCK = peer(pick(ClockInbox, ['clock/snooze']), 'clock');
/**
 * A tick the clock sends reaches the ticker the tick after (lockstep delivers at tick + 1), and a
 * snooze reaches the clock a tick after it was sent: ticks sent before it landed may still arrive.
 */
const IN_FLIGHT_TICKS = 2;
/** A clock subscribed anew ticks every tick. */
const AWAKE = { next: 0, at: -Infinity } as const;
/** At most this many ticks are judged in one catch-up (a longer stretch is a gap: no hold is certified). */
const MAX_CATCH_UP = 1_000_000;

/**
 * Watches the running mission so the cart never polls: compiles the live
 * checks once per spec version, keeps the variables record from telemetry
 * and the clock, and judges the checks on every tick on which a verdict can
 * change, sending Mission Control the verdicts (violated holds, failed
 * fail-ons, fired escalations, reveals) whenever there are any.
 *
 * Seed 003 §4 has the engine evaluate `:hold` predicates each tick; a tick on
 * which no variable moved and no clock threshold was crossed gives the same
 * answers as the tick before, so the ticker judges the tick each telemetry
 * takes effect on and each threshold tick (computed ahead: `WatchList.nextChange`),
 * and snoozes the clock in between (docs/holds.md). A tick is judged as of the
 * tick its envelope was due, so a ticker that fell behind (stalled) judges
 * each late tick as it was.
 */
export default defineActor({
  name: 'hold-ticker',
  inbox: HoldTickerInbox,
  init(_args, ctx): HoldTickerState {
    // A restarted ticker lost the watch it held: Mission Control must hear of it (and re-arm, and stop
    // vouching for holds nobody watched meanwhile).
    if (ctx.incarnation > 0) ctx.send(MISSION_CONTROL, 'holds/hello', { incarnation: ctx.incarnation });
    return { watching: null, ticks: 0, verdicts: 0, told: null };
  },
  receive(state, msg, ctx): HoldTickerState {
    switch (msg.kind) {
      case 'holds/watch':
        // Another mission's first watch comes with a subscription made anew: the clock ticks every tick again.
        if (state.watching?.mission !== msg.body.mission) state.told = null;
        watch(state, msg.body, msg.tick, ctx);
        snooze(state, msg.tick, false, ctx);
        return state;
      case 'holds/disarm':
        if (state.watching?.mission === msg.body.mission) state.watching = null;
        return state;
      case 'holds/flush': {
        const w = state.watching?.mission === msg.body.mission ? state.watching : null;
        if (w) advance(state, w, msg.body.through, ctx);
        ctx.send(peer(HoldsReplies, msg.from), 'holds/judged', { mission: msg.body.mission, through: w?.judged ?? -1, complete: w !== null && !w.gap && w.judged >= msg.body.through });
        return state;
      }
      case 'cart/telemetry': {
        const w = state.watching;
        if (!w) return state;
        // The ticks before it are judged on the record as it was; it moves the record from its own tick on.
        advance(state, w, msg.tick - 1, ctx);
        absorbTelemetry(w.vars, msg.body);
        judgeAt(state, w, msg.tick, ctx);
        snooze(state, msg.tick, false, ctx);
        return state;
      }
      case 'capability/result':
        return state;
      case 'tick':
        if (state.watching) advance(state, state.watching, msg.tick, ctx);
        snooze(state, msg.tick, true, ctx);
        return state;
    }
  },
  view: (s) => ({ mission: s.watching?.mission ?? null, version: s.watching?.version ?? null, ticks: s.ticks, verdicts: s.verdicts, vars: s.watching?.vars ?? {} }),
});

function watch(state: HoldTickerState, body: Extract<HoldTickerMessage, { kind: 'holds/watch' }>['body'], due: number, ctx: TickerContext): void {
  const same = state.watching?.mission === body.mission ? state.watching : null;
  let list: WatchList;
  try {
    list = HoldWatcher.fromSpec(body.spec as WatchSpec);
  } catch (err) {
    state.watching = null;
    ctx.send(peer(HoldsReplies, body.replyTo), 'holds/rejected', { mission: body.mission, error: (err as Error).message });
    return;
  }
  // The ticks before this one belong to the version before.
  if (same) advance(state, same, due - 1, ctx);
  // A new version of the same mission keeps what telemetry has told us so far, and how far it has judged.
  state.watching = {
    mission: body.mission,
    replyTo: body.replyTo,
    version: body.spec.version,
    list,
    vars: same ? same.vars : { ...body.variables },
    verbose: body.verbose ?? false,
    startTick: body.startTick,
    judged: same ? same.judged : due,
    gap: same ? same.gap : false,
    next: due,
  };
  // Mission Control armed this version the tick before it arrived: a check counts from the tick after
  // it was armed, so this tick is judged (again, if the version before judged it already).
  judgeAt(state, state.watching, due, ctx);
}

/** Judge every tick up to `through` on which a verdict can change, the record unchanged: the threshold ticks. */
function advance(state: HoldTickerState, w: Watching, through: number, ctx: TickerContext): void {
  if (through <= w.judged) return;
  if (through - w.judged > MAX_CATCH_UP) {
    w.gap = true;
    w.judged = through;
    w.next = w.list.nextChange(through, w.startTick);
    return;
  }
  while (w.next <= through && state.watching === w) judgeAt(state, w, w.next, ctx);
  w.judged = Math.max(w.judged, through);
}

function judgeAt(state: HoldTickerState, w: Watching, tick: number, ctx: TickerContext): void {
  state.ticks++;
  w.judged = Math.max(w.judged, tick);
  w.vars.tick = tick;
  w.vars.timer = tick - w.startTick;
  const verdicts = w.list.check(w.vars);
  // A verbose watch (the designer's sandbox) hears every tick, quiet ones too.
  w.next = w.verbose ? tick + 1 : w.list.nextChange(tick, w.startTick);
  if (verdicts === null && !w.verbose) return;
  if (verdicts !== null) state.verdicts++;
  ctx.send(peer(HoldsReplies, w.replyTo), 'holds/verdicts', { mission: w.mission, version: w.version, tick, verdicts }, { after: 0 });
}

/**
 * Tell the clock which ticks the ticker must hear, when that changed: from clock tick `next` on (its
 * tick arrives a tick later), 0 when every tick (what a clock subscribed anew does anyway), null for
 * none. `ticked`: the clock just sent a tick it would not have sent had it known, so (past the ones
 * still in flight when it was told) it forgot: the ticker was subscribed anew.
 */
function snooze(state: HoldTickerState, tick: number, ticked: boolean, ctx: TickerContext): void {
  const w = state.watching;
  // Watching nothing, nobody needs the ticker's ticks: Mission Control unsubscribes it as it disarms.
  if (w === null) return;
  const want = w.next === Infinity ? null : w.next <= tick + 1 ? 0 : w.next - 1;
  const told = state.told ?? AWAKE;
  const forgot = ticked && tick > told.at + IN_FLIGHT_TICKS && (told.next === null || tick <= told.next);
  if (told.next === want && !forgot) return;
  state.told = { next: want, at: tick };
  ctx.send(CLOCK, 'clock/snooze', { next: want });
}
