import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../src/runtime/inbox.js';
import type { PredicateValue } from '../../src/lisp/compile-predicate.js';
import { HoldWatcher, type Verdicts, type WatchList, type WatchSpec } from '../../src/objectives/holds.js';
import { absorbTelemetry } from './variables.js';

const MAX_CHECKS = 256;
const Source = v.pipe(v.string(), v.maxLength(2_000));
const Name = v.pipe(v.string(), v.maxLength(64));

/** The objective engine's watch spec, checked as it crosses into this thread. */
const WatchSpecSchema = v.object({
  version: v.number(),
  variables: v.pipe(v.array(Name), v.maxLength(64)),
  holds: v.pipe(v.array(v.object({ goal: Name, source: Source })), v.maxLength(MAX_CHECKS)),
  failOns: v.pipe(v.array(v.object({ goal: Name, source: Source })), v.maxLength(MAX_CHECKS)),
  escalations: v.pipe(v.array(v.object({ id: v.number(), goal: Name, source: Source })), v.maxLength(MAX_CHECKS)),
  reveals: v.pipe(v.array(v.object({ goal: Name, variable: Name, name: Name })), v.maxLength(MAX_CHECKS)),
});
const VarValue = v.union([v.number(), v.string(), v.boolean(), v.null()]);

export const HoldTickerInbox = defineInbox({
  /**
   * Watch this mission's live checks (sent at acceptance and whenever the spec's version changes).
   * `startTick`: the tick the mission was accepted (`timer` counts from it). `variables` start the
   * record on a first watch (or after this ticker restarted); a new version of a watched mission keeps its own.
   */
  'holds/watch': v.object({
    mission: v.string(),
    replyTo: v.string(),
    spec: WatchSpecSchema,
    variables: v.record(v.string(), VarValue),
    startTick: v.pipe(v.number(), v.integer(), v.minValue(0)),
    verbose: v.optional(v.boolean()),
  }),
  'holds/disarm': v.object({ mission: v.string() }),
  /**
   * The mission is resolving: answer `holds/judged` once every tick up to `through` has been judged
   * (the settle barrier: no verdict of the run may arrive after its settlement).
   */
  'holds/flush': v.object({ mission: v.string(), through: v.number() }),
  /** The latest telemetry moves the variables (trace, node entered, alarms…). */
  'cart/telemetry': v.looseObject({ event: v.string(), trace: v.number() }),
  /**
   * The call ended (the ticker is one of every call's watchers). Nothing to judge: the variables move
   * on telemetry only (an aborted call's result says trace 0, which is no reading of the trace).
   */
  'capability/result': v.object({ callId: v.string(), cart: v.string(), result: v.looseObject({}) }),
  tick: v.object({ tick: v.number(), at: v.number() }),
});
export type HoldTickerMessage = MessageOf<typeof HoldTickerInbox>;

/** What Mission Control hears: apply with `Mission.applyVerdicts`. `tick` is the tick the verdicts were judged at. */
export interface HoldVerdicts {
  readonly mission: string;
  readonly version: number;
  readonly tick: number;
  readonly verdicts: Verdicts | null;
}

/** The answer to `holds/flush`: judged through `through`, and whether every tick since the watch began was judged. */
export interface HoldsJudged {
  readonly mission: string;
  readonly through: number;
  /** False when a tick went unjudged (a gap in the clock's ticks): holds cannot be certified then. */
  readonly complete: boolean;
}

/** What Mission Control hears when this ticker starts again after a crash: whatever it watched is gone. */
export interface HoldsHello {
  readonly incarnation: number;
}

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

/** Mission Control's id, for the hello of a restarted ticker (it is who arms every watch). */
const MISSION_CONTROL = 'mission-control';

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
    if (ctx.incarnation > 0) ctx.send(MISSION_CONTROL, 'holds/hello', { incarnation: ctx.incarnation } satisfies HoldsHello);
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
        const body: HoldsJudged = { mission: msg.body.mission, through: w?.judged ?? -1, complete: w !== null && !w.gap && w.judged >= msg.body.through };
        ctx.send(msg.from, 'holds/judged', body);
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

function watch(state: HoldTickerState, body: Extract<HoldTickerMessage, { kind: 'holds/watch' }>['body'], due: number, ctx: ActorContext): void {
  const same = state.watching?.mission === body.mission ? state.watching : null;
  let list: WatchList;
  try {
    list = HoldWatcher.fromSpec(body.spec as WatchSpec);
  } catch (err) {
    state.watching = null;
    ctx.send(body.replyTo, 'holds/rejected', { mission: body.mission, error: (err as Error).message });
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

function judge(state: HoldTickerState, w: Watching, due: number, ctx: ActorContext): void {
  if (due <= w.judged) return;
  if (due > w.judged + 1) w.gap = true;
  w.judged = due;
  judgeAt(state, w, due, ctx);
}

function judgeAt(state: HoldTickerState, w: Watching, tick: number, ctx: ActorContext): void {
  state.ticks++;
  w.vars.tick = tick;
  w.vars.timer = tick - w.startTick;
  const verdicts = w.list.check(w.vars);
  if (verdicts === null && !w.verbose) return;
  if (verdicts !== null) state.verdicts++;
  const body: HoldVerdicts = { mission: w.mission, version: w.version, tick, verdicts };
  ctx.send(w.replyTo, 'holds/verdicts', body, { after: 0 });
}
