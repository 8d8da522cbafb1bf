import * as v from 'valibot';
import { defineInbox } from '../../src/runtime/inbox.js';
import { pick } from '../../src/runtime/peer.js';
import { CartEvents } from '../cartridge/messages.js';
import { OperatorReplies } from '../mission-control/messages.js';

/**
 * The Mission Runner's inbox: what Mission Control answers an operator with,
 * the cart's prompts and telemetry (it is the operator of every call), and its
 * own pacing and faults.
 */
export const RunnerInbox = defineInbox({
  ...OperatorReplies,
  ...pick(CartEvents, ['cart/prompt', 'cart/telemetry']),
  /** Play the next mission; `epoch` goes up whenever the deck restarts, so a stale one is ignored. */
  'runner/operate': v.object({ epoch: v.number() }),
  /** The runner's own alarm: a script's `(wait-ticks N)` is over. */
  'runner/wake': v.object({ id: v.string() }),
  /** Fault injection (soak --faults): the script's `atCall`-th deck call from now fails as if the script had a bug there. */
  'runner/fault': v.object({ message: v.pipe(v.string(), v.maxLength(200)), atCall: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(64)), 1) }),
});

/** What the runner tells the log (`$log`): the script's output and its errors, by mission. */
export const RunnerLog = defineInbox({
  'runner/log': v.object({ text: v.string(), mission: v.number() }),
  'runner/error': v.object({ mission: v.number(), error: v.string() }),
});

/** What the runner tells the outside (`$deck`): the campaign is over, and why. */
export const RunnerOutside = defineInbox({
  'campaign/done': v.object({ missions: v.number(), errors: v.number(), reason: v.string() }),
});
