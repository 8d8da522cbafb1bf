import * as v from 'valibot';
import { defineInbox } from '../../src/runtime/inbox.js';

/** A power-off can skip at most a year of deck time in one step. */
const MAX_OFF_MS = 366 * 24 * 3600 * 1000;
export const MAX_SUBSCRIBERS = 64;

export const ClockInbox = defineInbox({
  /** Send `tick` to `to` every `every` ticks while the deck is powered. */
  'clock/subscribe': v.object({ to: v.string(), every: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  'clock/unsubscribe': v.object({ to: v.string() }),
  /**
   * From a subscriber: send me no tick before clock tick `next` (null: none until I say again or am
   * subscribed anew). The hold ticker sleeps so between the ticks its checks can change on (docs/holds.md).
   */
  'clock/snooze': v.object({ next: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  /** Switch the deck off for `ms` of deck time: no ticks go out until it is back on, and time jumps in one step. */
  'clock/power-off': v.object({ ms: v.pipe(v.number(), v.minValue(0), v.maxValue(MAX_OFF_MS)) }),
  /** The clock's own wake-up; only the newest one scheduled counts (`beat`), older ones are stale. */
  'clock/beat': v.object({ generation: v.number(), beat: v.optional(v.number(), 0) }),
  'clock/power-on': v.object({ generation: v.number(), offMs: v.number() }),
});

/**
 * What the clock sends its subscribers: every subscriber's inbox must accept
 * these kinds (it spreads or picks them), so both ends share one declaration.
 */
export const ClockEvents = defineInbox({
  tick: v.object({ tick: v.number(), at: v.number() }),
  /** The deck went off (`on: false`) or came back after `offMs` of deck time. */
  'clock/power': v.object({ on: v.boolean(), at: v.number(), offMs: v.optional(v.number()) }),
});
