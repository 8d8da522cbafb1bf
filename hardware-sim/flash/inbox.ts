import * as v from 'valibot';
import { defineInbox } from '../../src/runtime/inbox.js';
import { MAX_CORRUPT_BITS, MAX_FILL_TICKS, MAX_WEAR_ENDURANCES } from './faults.js';
import { DEFAULT_GEOMETRY } from './geometry.js';

const Seed = v.pipe(v.number(), v.integer());

/**
 * Deck state travels as base64 in envelopes: bodies stay plain JSON data, so
 * traces stay compact and hashing stays fast. Fault messages come from the
 * fault injector outside the actors: plain data, randomness from their `seed`.
 */
export const FlashInbox = defineInbox({
  /** Commit a new deck state atomically; answered with `flash/ack` when the chip is done (or `flash/power-lost`, or `flash/failed` when it cannot be placed). */
  /**
   * `order`: the writer's (life, n), rising with every commit it makes: a commit that arrives after a
   * newer one (delivered late) is refused with `flash/failed`, so an old state never lands over a new one.
   */
  'flash/write': v.object({ state: v.string(), tag: v.optional(v.string()), order: v.optional(v.object({ life: v.number(), n: v.number() })) }),
  /** Read the committed state: answered with `flash/state`, which carries `reqId` back (so a late answer is known as such). */
  'flash/read': v.object({ reqId: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
  /** Fault injection: lose power during the `afterSteps`-th program/erase from now. */
  'flash/arm-power-cut': v.object({ afterSteps: v.pipe(v.number(), v.integer(), v.minValue(0)), seed: v.optional(v.number()) }),
  /** Power returns: remount (recover the newest intact state) and answer with `flash/state`. */
  'flash/power-on': v.object({ reqId: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
  /** Fault injection: a seeded block that does not hold the current record goes bad (its erases leave stuck bits). */
  'flash/bad-block': v.object({ seed: Seed }),
  /** Fault injection: a seeded block ages `erases` erases at once, so it wears out early. */
  'flash/wear': v.object({ seed: Seed, erases: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_WEAR_ENDURANCES * DEFAULT_GEOMETRY.endurance)) }),
  /** Fault injection, the flash is full: `blocks` free blocks are taken by something else for `ticks` ticks. */
  'flash/fill': v.object({
    blocks: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(DEFAULT_GEOMETRY.blockCount)),
    ticks: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_FILL_TICKS)),
  }),
  /** The end of a fill: its blocks are given back (the flash sends this to itself). */
  'flash/fill-release': v.object({ fill: v.pipe(v.string(), v.maxLength(32)) }),
  /** Fault injection, bit rot while the deck is off: flip `bits` seeded bits in the newest record or anywhere on the chip, then remount. */
  'flash/corrupt': v.object({
    bits: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_CORRUPT_BITS)),
    seed: Seed,
    target: v.picklist(['newest', 'anywhere']),
  }),
});

/**
 * What the flash answers its requester with: a client's inbox accepts these
 * (Mission Control spreads them), so both ends are checked against one declaration.
 */
export const FlashReplies = defineInbox({
  /** The committed state (base64, or null on a blank chip), answering `flash/read` or `flash/power-on`; carries the request's `reqId` back. */
  'flash/state': v.looseObject({ state: v.nullable(v.string()), seq: v.nullable(v.number()), reqId: v.optional(v.nullable(v.string())) }),
  'flash/ack': v.object({ seq: v.number(), tag: v.nullable(v.string()), cycles: v.number() }),
  'flash/power-lost': v.object({ tag: v.nullable(v.string()), during: v.string() }),
  /** The flash could not place the commit (full, worn out): the chip still holds the state before. */
  'flash/failed': v.object({ tag: v.nullable(v.string()), error: v.string() }),
});
