import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../src/runtime/inbox.js';
import { contactBounce, settleCycle } from './bounce.js';
import { decodeStaticData } from './static-data.js';

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
export type SlotMessage = MessageOf<typeof SlotInbox>;

/** What watchers (Mission Control) hear when the slot's content settles or is yanked. */
export interface SlotChanged {
  /** The cart now readable in the slot, or null. */
  readonly cart: string | null;
  readonly previous: string | null;
  /** Its registration forms, read from the static-data block on a settled insertion. */
  readonly registration: string | null;
  readonly yanked: boolean;
  /** Cycles from the physical event to the debounced level. */
  readonly settleCycles: number;
  /** Set when the cart could not be read (unknown cart, damaged block). */
  readonly error: string | null;
}

const SlotArgs = v.object({
  /** The cartridges the operator owns: name → ROM image of its static-data block. */
  carts: v.record(v.string(), v.instance(Uint8Array)),
  cyclesPerTick: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1_000_000),
});

interface SlotState {
  readonly roms: Record<string, Uint8Array>;
  readonly cyclesPerTick: number;
  inSlot: string | null;
  pending: { cart: string | null; generation: number; cycles: number } | null;
  generation: number;
  watchers: string[];
}

/**
 * The cartridge slot: a physical contact with seeded bounce, debounced over a
 * number of cycles; on a settled insertion it reads and checks the cart's
 * static-data block and tells its watchers `slot/changed`.
 */
export default defineActor({
  name: 'slot-watcher',
  inbox: SlotInbox,
  args: SlotArgs,
  init: (args): SlotState => ({ roms: args.carts, cyclesPerTick: args.cyclesPerTick, inSlot: null, pending: null, generation: 0, watchers: [] }),
  receive(state, msg, ctx): SlotState {
    switch (msg.kind) {
      case 'slot/watch':
        if (!state.watchers.includes(msg.body.to)) state.watchers.push(msg.body.to);
        return state;
      case 'slot/insert':
        if (state.inSlot !== null || state.pending !== null) {
          ctx.mark('slot busy', { cart: msg.body.cart, holding: state.inSlot ?? state.pending?.cart ?? null });
          return state;
        }
        beginBounce(state, msg.body.cart, ctx);
        return state;
      case 'slot/remove':
        if (state.pending !== null && state.inSlot === null) {
          // Pulled back out before it settled: as if it never went in.
          state.pending = null;
          state.generation++;
          return state;
        }
        if (state.inSlot !== null) beginBounce(state, null, ctx);
        return state;
      case 'slot/yank': {
        const previous = state.inSlot ?? state.pending?.cart ?? null;
        state.inSlot = null;
        state.pending = null;
        state.generation++;
        if (previous !== null) notify(state, ctx, { cart: null, previous, registration: null, yanked: true, settleCycles: 0, error: null });
        return state;
      }
      case 'slot/settle':
        if (state.pending && state.pending.generation === msg.body.generation) settle(state, ctx);
        return state;
    }
  },
  view: (s) => ({ inSlot: s.inSlot, pending: s.pending?.cart ?? null, watchers: s.watchers }),
});

function beginBounce(state: SlotState, cart: string | null, ctx: ActorContext): void {
  state.generation++;
  const cycles = settleCycle(contactBounce(ctx.rng, cart !== null));
  state.pending = { cart, generation: state.generation, cycles };
  ctx.send(ctx.self, 'slot/settle', { generation: state.generation }, { after: Math.max(1, Math.ceil(cycles / state.cyclesPerTick)) });
}

function settle(state: SlotState, ctx: ActorContext): void {
  const { cart, cycles } = state.pending as NonNullable<SlotState['pending']>;
  state.pending = null;
  const previous = state.inSlot;
  if (cart === null) {
    state.inSlot = null;
    notify(state, ctx, { cart: null, previous, registration: null, yanked: false, settleCycles: cycles, error: null });
    return;
  }
  const read = readCart(state, cart);
  state.inSlot = read.error === null ? cart : null;
  notify(state, ctx, { cart: state.inSlot, previous, registration: read.registration, yanked: false, settleCycles: cycles, error: read.error });
}

function readCart(state: SlotState, cart: string): { registration: string | null; error: string | null } {
  const rom = Object.hasOwn(state.roms, cart) ? state.roms[cart] : undefined;
  if (!rom) return { registration: null, error: `no cartridge '${cart}' in the library (have: ${Object.keys(state.roms).sort().join(', ')})` };
  try {
    const data = decodeStaticData(rom);
    if (data.cart !== cart) return { registration: null, error: `the cart labelled '${cart}' identifies itself as '${data.cart}'` };
    return { registration: data.registration, error: null };
  } catch (err) {
    return { registration: null, error: `${cart}: ${(err as Error).message}` };
  }
}

function notify(state: SlotState, ctx: ActorContext, change: SlotChanged): void {
  for (const to of state.watchers) ctx.send(to, 'slot/changed', change);
}
