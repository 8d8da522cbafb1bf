import type { LispData } from '../../src/lisp/data.js';
import type { BoardCursor } from '../../src/mission-control/navigation.js';
import type { Uds } from '../../src/deck/uds.js';
import type { Catalog } from '../../src/mission-control/catalog.js';
import { deckContext } from '../../src/mission-control/deck-setup.js';
import type { DeckContext } from '../../src/mission-control/inputs.js';
import type { MissionStruct, RunReport } from '../../src/mission-control/missions.js';
import { ClockInbox } from '../../hardware-sim/clock/inbox.js';
import { DisplayInbox } from '../../hardware-sim/display/inbox.js';
import { FlashInbox } from '../../hardware-sim/flash/inbox.js';
import { SlotInbox } from '../../hardware-sim/slot-watcher/inbox.js';
import type { ActorContext } from '../../src/runtime/actor.js';
import { type Address, peer } from '../../src/runtime/peer.js';
import { CartridgeInbox } from '../cartridge/messages.js';
import { CipherInbox } from '../cipher/inbox.js';
import { HoldTickerInbox, type WireVariable } from '../hold-ticker/inbox.js';
import { DeckOutside, type McInbox, type MissionBindings, OperatorReplies } from './messages.js';
import type { BootRead } from './persistence.js';

/** The peers Mission Control talks to, each by the inbox it accepts. */
export const PEERS = {
  cart: peer(CartridgeInbox, 'cart'),
  holdTicker: peer(HoldTickerInbox, 'hold-ticker'),
  cipher: peer(CipherInbox, 'cipher'),
  clock: peer(ClockInbox, 'clock'),
  flash: peer(FlashInbox, 'flash'),
  slot: peer(SlotInbox, 'slot-watcher'),
  display: peer(DisplayInbox, 'display'),
  outside: peer(DeckOutside, '$deck'),
} as const;

/** An operator (the Mission Runner, or a REPL from outside): who sent an `op/*` request. */
export const operator = (id: string): Address<typeof OperatorReplies> => peer(OperatorReplies, id);

/** What every Mission Control handler is given: its context, with its own inbox as `self`. */
export type McContext = ActorContext<typeof McInbox>;

/** A capability call in flight: who asked, for which cart, and the call id the cart knows it by. */
export interface PendingCall {
  readonly reqId: string;
  readonly operator: string;
  readonly cart: string;
  readonly seed: number;
  /** Who plays it (`servingActor`): the slot's cart actor, or the baseline actor. */
  readonly actor: Address<typeof CartridgeInbox>;
  /**
   * `awaiting-swap`: the slot has not settled on the cart yet; `running`: the call is out to the cart;
   * `done`: Mission Control has given the operator its one answer, and whatever the cart says later is stale.
   */
  phase: 'awaiting-swap' | 'running' | 'done';
}

export interface Counters {
  missions: number;
  succeeded: number;
  failed: number;
  abandoned: number;
  hotSwaps: number;
  aborts: number;
  commits: number;
  powerCycles: number;
}

export interface McState {
  readonly catalog: Catalog;
  readonly seed: number;
  readonly skimAt: number | null;
  readonly operator: string;
  readonly owned: readonly string[];
  phase: 'booting' | 'ready' | 'off';
  uds: Uds;
  /** The cart settled in the slot, per the slot watcher. */
  inserted: string | null;
  /** The last cart that was seated (what a Hot Swap replaces, even after the slot emptied). */
  lastSeated: string | null;
  /** A cart insertion asked for and not yet settled (op/insert-cart or a Hot Swap). */
  inserting: { cart: string; reqId: string | null; operator: string | null; retries: number } | null;
  mission: MissionStruct | null;
  missionId: string | null;
  call: PendingCall | null;
  callSerial: number;
  report: RunReport;
  /** Trace levels CIPHER has already remarked on this mission. */
  spikes: number[];
  /** The last UDS bytes sent to flash (base64) and whether they differ from now. */
  dirty: boolean;
  /** A cart in the slot when the deck is switched on: boot waits for it to settle, so the first board knows it. */
  seated: string | null;
  /** The boot's flash read: only its answer boots the deck. */
  readReq: string;
  /** The flash state read at power-on, held while the seated cart settles. */
  heldBoot: BootRead | null;
  /** The operator waiting for a power cycle to end. */
  powerReq: { reqId: string; operator: string } | null;
  /** The last settlement with its per-goal lines, for `(settlement)`; not saved (a restart forgets it). */
  lastSettlement: LispData | null;
  /** Where the operator is on the board ([CDR] [CAR] [EVAL] [NIL]); `(board)` opens it afresh. */
  cursor: BoardCursor;
  /** Requests that arrived before the deck booted; answered once it has. */
  early: Array<{ from: string; kind: string; body: unknown }>;
  counters: Counters;
  /** What Mission Control last drew (screen name and rows), so an unchanged screen is not sent again. */
  screen: { readonly name: string; readonly rows: readonly string[] } | null;
  /** The panel as last rendered, and the mission and version it shows (a panel changes only with its mission). */
  panel: { readonly mission: MissionStruct; readonly version: number; readonly rows: readonly string[] } | null;
  /** The tick the running mission was accepted (its `timer` counts from it). */
  acceptTick: number;
  /** Mission Control's own copy of the mission variables (from the same telemetry the hold ticker gets). */
  vars: Record<string, WireVariable> | null;
  /** A power-off asked for, waiting for the flash to acknowledge the last commit. */
  offWhenSaved: { ms: number; requester: { reqId: string; operator: string } } | null;
  /** The board as last told to the outside (ids and threats), so it is told again only when it changes. */
  toldBoard: string;
  /** The newest commit sent and not yet acknowledged (null: the flash holds the deck's latest state). */
  lastWrite: { tag: string; tick: number } | null;
  /** The deck context as last built, and what it was built from (`context`). */
  deck: { readonly inserted: string | null; readonly history: number; readonly seen: Uds['cartLastSeen']; readonly context: DeckContext } | null;
  /** The bindings as last built, and the mission and version they were built at (bindings.ts). */
  bindings: { readonly mission: MissionStruct; readonly version: number; readonly data: MissionBindings } | null;
  /** A resolve waiting for the hold ticker to finish judging the run (the settle barrier); `tick`: when it was asked. */
  settling: { reqId: string; operator: string; how: 'complete' | 'abandon'; tick: number } | null;
}

/**
 * The deck context (the registry view) at this moment. The registry reads only the cart history, the
 * carts' last-seen times and the slot, besides the clock, whose moving changes it only when a Recent
 * cart turns Historical: so one registry serves every request until one of those moves (and what is
 * composed against it is composed once, composition.ts).
 */
export function context(state: McState, ctx: McContext): DeckContext {
  const now = ctx.now();
  const u = state.uds;
  const c = state.deck;
  if (c !== null && c.inserted === state.inserted && c.history === u.cartridgeHistory && c.seen === u.cartLastSeen && c.context.registry.holdsAt(now)) {
    if (c.context.now === now) return c.context;
    const context: DeckContext = { catalog: state.catalog, registry: c.context.registry, now };
    state.deck = { ...c, context };
    return context;
  }
  const context = deckContext(state.catalog, u, state.inserted, now);
  state.deck = { inserted: state.inserted, history: u.cartridgeHistory, seen: u.cartLastSeen, context };
  return context;
}
