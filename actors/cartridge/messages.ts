import * as v from 'valibot';
import { defineInbox } from '../../src/runtime/inbox.js';
import { pick } from '../../src/runtime/peer.js';

/** The game's shapes that travel in these messages, for the actors on the other end (they may not import the games). */
export type { CapabilityResult, Move } from './games/game.js';

/** Bounds on what crosses the slot: a prompt's options, a status's fields, a result's lists. */
const MAX_OPTIONS = 32;
const MAX_FIELDS = 32;
const MAX_LIST = 64;
const Name = v.pipe(v.string(), v.maxLength(64));

const MoveSchema = v.object({ verb: Name, target: v.optional(Name) });

/** What a capability call carries; the same shape Mission Control builds from a contract. */
export const CapabilityCallBody = v.object({
  callId: v.string(),
  params: v.object({
    /** The game's seed: the same call with the same seed plays the same game. */
    seed: v.pipe(v.number(), v.integer()),
    threat: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)),
    mission: v.record(v.string(), v.unknown()),
  }),
  /** Who answers prompts, and hears the telemetry (the Mission Runner). */
  operator: v.string(),
  /**
   * Who hears telemetry and the result: the caller (Mission Control, which gives the operator its one
   * answer) and the hold ticker.
   */
  watchers: v.pipe(v.array(v.string()), v.maxLength(16)),
});
export type CapabilityCall = v.InferOutput<typeof CapabilityCallBody>;

/** The cartridge's inbox. */
export const CartridgeInbox = defineInbox({
  'capability/call': CapabilityCallBody,
  'cart/move': v.object({ callId: v.string(), move: MoveSchema }),
  'cart/abort': v.object({ callId: v.string(), reason: v.string() }),
  /** The cart's own pacing: the last move's ticks have passed, and the game's result is due (a next prompt is sent ahead instead). */
  'cart/continue': v.object({ callId: v.string(), turn: v.number() }),
});

const Scalar = v.union([v.number(), v.string(), v.boolean()]);

/**
 * What the cart sends during a call: prompts to the operator, telemetry and
 * the result to the operator and every watcher. A listener's inbox spreads
 * (or picks) these, so the cart and its listeners are checked against one
 * declaration.
 */
export const CartEvents = defineInbox({
  /** The cart asks for a move; `error` is set when the previous move was refused. */
  'cart/prompt': v.object({
    callId: v.string(),
    cart: Name,
    prompt: v.object({
      turn: v.number(),
      options: v.pipe(v.array(MoveSchema), v.maxLength(MAX_OPTIONS)),
      /** What a careful operator would do now: the autopilot's default. */
      suggested: MoveSchema,
      /** Numbers and names a script can read to decide (trace, position, depth…). */
      status: v.pipe(v.record(v.string(), Scalar), v.check((s) => Object.keys(s).length <= MAX_FIELDS, `at most ${MAX_FIELDS} status fields`)),
    }),
    error: v.nullable(v.string()),
  }),
  /** Something the cart reports while it runs; `trace` is always there, so holds can watch it. */
  'cart/telemetry': v.pipe(
    v.objectWithRest({ event: Name, trace: v.number(), callId: v.string(), cart: Name }, Scalar),
    v.check((t) => Object.keys(t).length <= MAX_FIELDS, `at most ${MAX_FIELDS} telemetry fields`),
  ),
  /** The call ended: the seed-004 §5.3 result struct. */
  'capability/result': v.object({
    callId: v.string(),
    cart: Name,
    result: v.object({
      outcome: v.picklist(['success', 'failure', 'partial', 'abort']),
      trace: v.number(),
      extracted: v.pipe(v.array(v.string()), v.maxLength(MAX_LIST)),
      turns: v.number(),
      bonuses: v.pipe(v.array(v.string()), v.maxLength(MAX_LIST)),
      /** On `partial` (and `failure`): what was not achieved, for the "what's missing" snapshot. */
      missing: v.pipe(v.array(v.string()), v.maxLength(MAX_LIST)),
    }),
  }),
});

/** What a watcher (not the operator) hears of a call. */
export const CallWatcherEvents = pick(CartEvents, ['cart/telemetry', 'capability/result']);

export type CartPrompt = v.InferOutput<(typeof CartEvents)['cart/prompt']>;
export type CapabilityResultBody = v.InferOutput<(typeof CartEvents)['capability/result']>;
