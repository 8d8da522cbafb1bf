import * as v from 'valibot';
import { ClockEvents } from '../../hardware-sim/clock/inbox.js';
import { defineInbox } from '../../src/runtime/inbox.js';
import { pick } from '../../src/runtime/peer.js';
import { CallWatcherEvents } from '../cartridge/messages.js';

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
/** A mission variable as it crosses to the ticker: what telemetry and the clock can set. */
const VarValue = v.union([v.number(), v.string(), v.boolean(), v.null()]);
export type WireVariable = v.InferOutput<typeof VarValue>;

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
  /**
   * As one of every call's watchers: telemetry moves the variables (trace, node entered, alarms…);
   * the result has nothing to judge (an aborted call's says trace 0, which is no reading of the trace).
   */
  ...CallWatcherEvents,
  /** Judge every check at each tick (subscribed by Mission Control for the running mission). */
  ...pick(ClockEvents, ['tick']),
});

/**
 * What the ticker sends whoever armed the watch (Mission Control): its inbox
 * spreads these, so both ends are checked against one declaration.
 */
export const HoldsReplies = defineInbox({
  /** Apply with `Mission.applyVerdicts`; `tick` is the tick the verdicts were judged at (null verdicts: a verbose watch's quiet tick). */
  'holds/verdicts': v.object({
    mission: v.string(),
    version: v.number(),
    tick: v.number(),
    verdicts: v.nullable(
      v.object({
        violated: v.array(Name),
        failed: v.array(Name),
        fired: v.array(v.number()),
        revealed: v.array(Name),
        errors: v.array(v.object({ goal: Name, message: v.string() })),
      }),
    ),
  }),
  /** The watch spec would not compile: nothing is watched. */
  'holds/rejected': v.object({ mission: v.string(), error: v.string() }),
  /** The ticker restarted (a crash) and watches nothing: re-arm it. */
  'holds/hello': v.object({ incarnation: v.number() }),
  /**
   * The answer to `holds/flush`: judged through `through`; `complete` is false when a tick went
   * unjudged (a gap in the clock's ticks): holds cannot be certified then.
   */
  'holds/judged': v.object({ mission: v.string(), through: v.number(), complete: v.boolean() }),
});
export type HoldVerdicts = v.InferOutput<(typeof HoldsReplies)['holds/verdicts']>;
export type HoldsJudged = v.InferOutput<(typeof HoldsReplies)['holds/judged']>;
