import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import type { MessageOf } from '../../src/runtime/inbox.js';
import { peer } from '../../src/runtime/peer.js';
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
  /** The last tick judged, and whether every tick since the watch began was. */
  judged: number;
  gap: boolean;
}

interface HoldTickerState {
  watching: Watching | null;
  ticks: number;
  verdicts: number;
}

/** Mission Control, for the hello of a restarted ticker (it is who arms every watch). */
const MISSION_CONTROL = peer(HoldsReplies, 'mission-control');

/**
 * Watches the running mission so the cart never polls: compiles the live
 * checks once per spec version, keeps the variables record from telemetry
 * and the clock, and judges every check each tick, sending Mission Control
 * the verdicts (violated holds, failed fail-ons, fired escalations, reveals)
 * whenever there are any. A tick is judged at the tick its envelope was due,
 * so a ticker that fell behind (stalled) judges each late tick as it was.
 */
export default defineActor({
  name: 'hold-ticker',
  inbox: HoldTickerInbox,
  init(_args, ctx): HoldTickerState {
    // A restarted ticker lost the watch it held: Mission Control must hear of it (and re-arm, and stop
    // vouching for holds nobody watched meanwhile).
    if (ctx.incarnation > 0) ctx.send(MISSION_CONTROL, 'holds/hello', { incarnation: ctx.incarnation });
    return { watching: null, ticks: 0, verdicts: 0 };
  },
  receive(state, msg, ctx): HoldTickerState {
    switch (msg.kind) {
      case 'holds/watch':
        watch(state, msg.body, msg.tick, ctx);
        return state;
      case 'holds/disarm':
        if (state.watching?.mission === msg.body.mission) state.watching = null;
        return state;
      case 'holds/flush': {
        const w = state.watching?.mission === msg.body.mission ? state.watching : null;
        ctx.send(peer(HoldsReplies, msg.from), 'holds/judged', { mission: msg.body.mission, through: w?.judged ?? -1, complete: w !== null && !w.gap && w.judged >= msg.body.through });
        return state;
      }
      case 'cart/telemetry':
        if (state.watching) absorbTelemetry(state.watching.vars, msg.body);
        return state;
      case 'capability/result':
        return state;
      case 'tick':
        if (state.watching) judge(state, state.watching, msg.tick, ctx);
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
  };
  // Mission Control armed this version the tick before it arrived. A first watch is judged at once (the
  // clock's ticks start the tick after); a new version, when this tick was judged already (the clock's
  // tick comes first), is judged on it too: a check counts from the tick after it was armed.
  if (!same || same.judged === due) judgeAt(state, state.watching, due, ctx);
}

function judge(state: HoldTickerState, w: Watching, due: number, ctx: TickerContext): void {
  if (due <= w.judged) return;
  if (due > w.judged + 1) w.gap = true;
  w.judged = due;
  judgeAt(state, w, due, ctx);
}

function judgeAt(state: HoldTickerState, w: Watching, tick: number, ctx: TickerContext): void {
  state.ticks++;
  w.vars.tick = tick;
  w.vars.timer = tick - w.startTick;
  const verdicts = w.list.check(w.vars);
  if (verdicts === null && !w.verbose) return;
  if (verdicts !== null) state.verdicts++;
  ctx.send(peer(HoldsReplies, w.replyTo), 'holds/verdicts', { mission: w.mission, version: w.version, tick, verdicts }, { after: 0 });
}
