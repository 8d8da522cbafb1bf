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
  /** Watch this mission's live checks (sent at acceptance and whenever the spec's version changes). */
  'holds/watch': v.object({ mission: v.string(), replyTo: v.string(), spec: WatchSpecSchema, variables: v.record(v.string(), VarValue), verbose: v.optional(v.boolean()) }),
  'holds/disarm': v.object({ mission: v.string() }),
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

/** What Mission Control hears: apply with `Mission.applyVerdicts`. */
export interface HoldVerdicts {
  readonly mission: string;
  readonly version: number;
  readonly tick: number;
  readonly verdicts: Verdicts | null;
}

interface Watching {
  readonly mission: string;
  readonly replyTo: string;
  readonly version: number;
  readonly list: WatchList;
  readonly vars: Record<string, PredicateValue>;
  readonly verbose: boolean;
  readonly startTick: number;
}

interface HoldTickerState {
  watching: Watching | null;
  ticks: number;
  verdicts: number;
}

/**
 * Watches the running mission so the cart never polls: compiles the live
 * checks once per spec version, keeps the variables record from telemetry
 * and the clock, and judges every check each tick, sending Mission Control
 * the verdicts (violated holds, failed fail-ons, fired escalations, reveals)
 * whenever there are any.
 */
export default defineActor({
  name: 'hold-ticker',
  inbox: HoldTickerInbox,
  init: (): HoldTickerState => ({ watching: null, ticks: 0, verdicts: 0 }),
  receive(state, msg, ctx): HoldTickerState {
    switch (msg.kind) {
      case 'holds/watch':
        watch(state, msg.body, ctx);
        return state;
      case 'holds/disarm':
        if (state.watching?.mission === msg.body.mission) state.watching = null;
        return state;
      case 'cart/telemetry':
        if (state.watching) absorbTelemetry(state.watching.vars, msg.body);
        return state;
      case 'capability/result':
        return state;
      case 'tick':
        if (state.watching) judge(state, state.watching, ctx);
        return state;
    }
  },
  view: (s) => ({ mission: s.watching?.mission ?? null, version: s.watching?.version ?? null, ticks: s.ticks, verdicts: s.verdicts, vars: s.watching?.vars ?? {} }),
});

function watch(state: HoldTickerState, body: Extract<HoldTickerMessage, { kind: 'holds/watch' }>['body'], ctx: ActorContext): void {
  const keep = state.watching?.mission === body.mission ? state.watching.vars : null;
  try {
    const list = HoldWatcher.fromSpec(body.spec as WatchSpec);
    // A new version of the same mission keeps what telemetry has told us so far.
    state.watching = { mission: body.mission, replyTo: body.replyTo, version: body.spec.version, list, vars: keep ?? { ...body.variables }, verbose: body.verbose ?? false, startTick: keep ? (state.watching?.startTick ?? ctx.tick) : ctx.tick };
  } catch (err) {
    state.watching = null;
    ctx.send(body.replyTo, 'holds/rejected', { mission: body.mission, error: (err as Error).message });
  }
}

function judge(state: HoldTickerState, w: Watching, ctx: ActorContext): void {
  state.ticks++;
  w.vars.tick = ctx.tick;
  w.vars.timer = ctx.tick - w.startTick;
  const verdicts = w.list.check(w.vars);
  if (verdicts === null && !w.verbose) return;
  if (verdicts !== null) state.verdicts++;
  const body: HoldVerdicts = { mission: w.mission, version: w.version, tick: ctx.tick, verdicts };
  ctx.send(w.replyTo, 'holds/verdicts', body, { after: 0 });
}
