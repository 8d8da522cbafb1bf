import * as v from 'valibot';
import { defineInbox } from '../../src/runtime/inbox.js';

export const SlotInbox = defineInbox({
  /** A cart goes into the slot (its contacts bounce, then settle). */
  'slot/insert': v.object({ cart: v.string() }),
  /** The cart is taken out the proper way (contacts bounce again). */
  'slot/remove': v.object({}),
  /** Fault: the cart is pulled mid-operation; the slot reports it gone at once. */
  'slot/yank': v.object({}),
  'slot/watch': v.object({ to: v.string() }),
  /** The debouncer's verdict, paced in ticks from the bounce's length in cycles. */
  'slot/settle': v.object({ generation: v.number() }),
});

/**
 * What every slot watcher (Mission Control) hears when the slot's content
 * settles or is yanked: the one declaration both ends are checked against.
 */
export const SlotEvents = defineInbox({
  'slot/changed': v.object({
    /** The cart now readable in the slot, or null. */
    cart: v.nullable(v.string()),
    previous: v.nullable(v.string()),
    /** Its registration forms, read from the static-data block on a settled insertion. */
    registration: v.nullable(v.string()),
    yanked: v.boolean(),
    /** Cycles from the physical event to the debounced level. */
    settleCycles: v.number(),
    /** Set when the cart could not be read (unknown cart, damaged block). */
    error: v.nullable(v.string()),
  }),
});
export type SlotChanged = v.InferOutput<(typeof SlotEvents)['slot/changed']>;
