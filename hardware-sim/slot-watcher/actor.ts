import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { peer } from '../../src/runtime/peer.js';
import { type SlotChanged, SlotEvents, SlotInbox } from './inbox.js';
import { contactBounce, settleCycle } from './bounce.js';
import { decodeStaticData } from './static-data.js';

type SlotContext = ActorContext<typeof SlotInbox>;

const CONTACT_BYTES = 4;
const MAX_WATCHERS = 16;
/** An empty slot, in the contacts word. */
const EMPTY = -1;

const SlotArgs = v.object({
  /** The cartridges the operator owns: name → ROM image of its static-data block. */
  carts: v.record(v.string(), v.instance(Uint8Array)),
  cyclesPerTick: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1_000_000),
  /**
   * The slot's contacts: which cart is physically in it (`newSlotContacts`). Hardware, not the
   * watcher's memory: a watcher that restarts (a crash, a reboot) finds the cart still there.
   */
  contacts: v.optional(v.nullable(v.custom<SharedArrayBuffer>((x) => x instanceof SharedArrayBuffer && x.byteLength === CONTACT_BYTES, 'slot contacts must be the SharedArrayBuffer newSlotContacts() makes')), null),
  /** Who hears every change, wired in rather than asked for, so a restarted watcher still tells them. */
  watchers: v.optional(v.pipe(v.array(v.string()), v.maxLength(MAX_WATCHERS)), []),
});

/** The slot's contacts, shared with every incarnation of its watcher: one word, the seated cart's index or EMPTY. */
export function newSlotContacts(): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(CONTACT_BYTES);
  new Int32Array(buffer)[0] = EMPTY;
  return buffer;
}

interface SlotState {
  readonly roms: Record<string, Uint8Array>;
  readonly cyclesPerTick: number;
  /** The physical slot (null: a slot without shared contacts, as in tests of the watcher alone). */
  readonly contacts: Int32Array | null;
  inSlot: string | null;
  pending: { cart: string | null; generation: number; cycles: number } | null;
  /** A cart pushed in while the last one was still coming out: it goes in when the slot is clear. */
  next: string | null;
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
  init(args, ctx): SlotState {
    const state: SlotState = { roms: args.carts, cyclesPerTick: args.cyclesPerTick, contacts: args.contacts ? new Int32Array(args.contacts) : null, inSlot: null, pending: null, next: null, generation: 0, watchers: [...args.watchers] };
    // Powered on (or restarted) with a cart already in the slot: its contacts settle, and the watchers hear it.
    const seated = physical(state);
    if (seated !== null) beginBounce(state, seated, ctx);
    return state;
  },
  receive(state, msg, ctx): SlotState {
    switch (msg.kind) {
      case 'slot/watch':
        if (!state.watchers.includes(msg.body.to)) {
          if (state.watchers.length >= MAX_WATCHERS) throw new RangeError(`slot-watcher: more than ${MAX_WATCHERS} watchers`);
          state.watchers.push(msg.body.to);
        }
        // A watcher that (re)joins hears what is seated now: after a restart it may have forgotten.
        if (state.inSlot !== null) ctx.send(peer(SlotEvents, msg.body.to), 'slot/changed', { cart: state.inSlot, previous: null, registration: readCart(state, state.inSlot).registration, yanked: false, settleCycles: 0, error: null } satisfies SlotChanged);
        return state;
      case 'slot/insert':
        // The cart that was in the slot is still on its way out: the next one goes in once it is out.
        if (state.pending !== null && state.pending.cart === null && state.next === null) {
          state.next = msg.body.cart;
          return state;
        }
        if (state.inSlot !== null || state.pending !== null) {
          ctx.mark('slot busy', { cart: msg.body.cart, holding: state.inSlot ?? state.pending?.cart ?? null });
          return state;
        }
        touch(state, msg.body.cart);
        beginBounce(state, msg.body.cart, ctx);
        return state;
      case 'slot/remove':
        touch(state, null);
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
        touch(state, null);
        state.inSlot = null;
        state.pending = null;
        state.next = null;
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

/** The cart the contacts say is in the slot. */
function physical(state: SlotState): string | null {
  if (state.contacts === null) return null;
  const index = Atomics.load(state.contacts, 0);
  return index === EMPTY ? null : (Object.keys(state.roms).sort()[index] ?? null);
}

/** A cart physically goes in (or comes out): the contacts know before the debouncer does. */
function touch(state: SlotState, cart: string | null): void {
  if (state.contacts === null) return;
  const index = cart === null ? EMPTY : Object.keys(state.roms).sort().indexOf(cart);
  Atomics.store(state.contacts, 0, index);
}

function beginBounce(state: SlotState, cart: string | null, ctx: SlotContext): void {
  state.generation++;
  const cycles = settleCycle(contactBounce(ctx.rng, cart !== null));
  state.pending = { cart, generation: state.generation, cycles };
  ctx.send(ctx.self, 'slot/settle', { generation: state.generation }, { after: Math.max(1, Math.ceil(cycles / state.cyclesPerTick)) });
}

function settle(state: SlotState, ctx: SlotContext): void {
  const { cart, cycles } = state.pending as NonNullable<SlotState['pending']>;
  state.pending = null;
  const previous = state.inSlot;
  if (cart === null) {
    state.inSlot = null;
    notify(state, ctx, { cart: null, previous, registration: null, yanked: false, settleCycles: cycles, error: null });
    const next = state.next;
    state.next = null;
    if (next !== null) {
      touch(state, next);
      beginBounce(state, next, ctx);
    }
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
  for (const to of state.watchers) ctx.send(peer(SlotEvents, to), 'slot/changed', change);
}
