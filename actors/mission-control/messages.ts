import * as v from 'valibot';
import { ClockEvents } from '../../hardware-sim/clock/inbox.js';
import { FlashReplies } from '../../hardware-sim/flash/inbox.js';
import { SlotEvents } from '../../hardware-sim/slot-watcher/inbox.js';
import { type BodyOf, defineInbox } from '../../src/runtime/inbox.js';
import { pick } from '../../src/runtime/peer.js';
import { ChildFailedBody, SYS_CHILD_FAILED } from '../../src/runtime/system-messages.js';
import { type LispData, isLispData } from '../../src/lisp/data.js';
import { VERB_NAMES } from '../../src/objectives/verbs.js';
import type { CheckInPayment } from '../../src/mission-control/check-ins.js';
import { CallWatcherEvents, CartEvents } from '../cartridge/messages.js';
import { HoldsReplies } from '../hold-ticker/inbox.js';
import type { ContractFact, Figures, GoalFact } from './facts.js';

/**
 * Mission Control's inbox. Operators (the Mission Runner actor, or a REPL
 * from outside) send `op/*` requests with a `reqId` and hear `op/reply` with
 * the same id; Lisp values travel as Lisp data (src/lisp/data.ts: plain
 * arrays, strings and numbers), so a reply needs no class to survive the
 * thread boundary and nobody prints or reads text to pass a value on.
 */
const ReqId = v.pipe(v.string(), v.maxLength(64));
const Name = v.pipe(v.string(), v.maxLength(64));

export const McInbox = defineInbox({
  'op/board': v.object({ reqId: ReqId }),
  /** `all`: every currency too (intel, access); opt-in, so the replies an existing script gets are unchanged. */
  'op/status': v.object({ reqId: ReqId, all: v.optional(v.boolean()) }),
  /** The board's keys (seed 004 §4.2): [CDR] next, [CAR] briefing, [EVAL] accept, [NIL] back. */
  'op/key': v.object({ reqId: ReqId, key: v.picklist(['car', 'cdr', 'eval', 'nil']) }),
  /** `(brief N)`: contract N's briefing as a value (nothing drawn). */
  'op/brief': v.object({ reqId: ReqId, index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(15)) }),
  /** `(settlement)`: the last settlement in full, with a line per reward. */
  'op/settlement': v.object({ reqId: ReqId }),
  'op/accept': v.object({ reqId: ReqId, index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(15)) }),
  'op/verb': v.object({ reqId: ReqId, verb: v.picklist(VERB_NAMES), goal: Name }),
  'op/capability': v.object({ reqId: ReqId, cart: Name, seed: v.optional(v.pipe(v.number(), v.integer())) }),
  'op/complete': v.object({ reqId: ReqId }),
  'op/abandon': v.object({ reqId: ReqId, reason: v.pipe(v.string(), v.maxLength(200)) }),
  'op/insert-cart': v.object({ reqId: ReqId, cart: Name }),
  'op/power-off': v.object({ reqId: ReqId, ms: v.pipe(v.number(), v.minValue(0), v.maxValue(366 * 24 * 3600 * 1000)) }),
  'op/bindings': v.object({ reqId: ReqId }),
  /** `(var 'trace)`: one of the running mission's variables, as the deck holds it. */
  'op/var': v.object({ reqId: ReqId, name: Name }),
  /** A later visit to the contracts already settled: pays what falls due (docs/economy.md, check-ins). */
  'op/check-in': v.object({ reqId: ReqId }),
  /** An operator that restarted (and lost its place) asks where the deck stands: answered with `deck/ready`. */
  'op/attach': v.object({ reqId: ReqId }),
  // From the cart (Mission Control is one of its watchers), the hold ticker, and the hardware: each
  // sender declares what it sends, and this inbox takes those declarations as they are.
  ...CallWatcherEvents,
  ...HoldsReplies,
  ...SlotEvents,
  ...FlashReplies,
  ...ClockEvents,
  /** Mission Control's own alarm: the ticker did not answer a flush in time; settle without certifying holds. */
  'holds/flush-deadline': v.object({ mission: v.string() }),
  /** Mission Control's own alarms: commit again after a failed commit; read again when a boot's read went unanswered. */
  'flash/retry': v.object({}),
  'flash/read-deadline': v.object({}),
  /** Mission Control's own alarm: a capability call that has not answered by now is aborted. */
  'call/deadline': v.object({ callId: v.string() }),
  [SYS_CHILD_FAILED]: ChildFailedBody,
});

/** The `op/*` requests an operator makes and Mission Control answers with `op/reply` (the capability call has its own answer). */
export type OpRequestKind = Exclude<Extract<keyof typeof McInbox, `op/${string}`>, 'op/capability'>;
/** A request's body without its `reqId` (the link numbers requests itself). */
export type OpRequestBody<K extends OpRequestKind> = Omit<BodyOf<typeof McInbox, K>, 'reqId'>;

/** A Lisp value as Lisp data, checked by one bounded walk that builds nothing. */
const Datum = v.custom<LispData>(isLispData, 'not Lisp data (src/lisp/data.ts), or past its bounds');
/**
 * The Runner's bindings (seed 004 §5.1) as Lisp data: `current-mission`, `mission-params`, `phase-chain`.
 * Null where no mission runs.
 */
const Bindings = v.nullable(v.object({ mission: Datum, params: Datum, chain: Datum }));
export type MissionBindings = NonNullable<v.InferOutput<typeof Bindings>>;

const OpReplyBody = v.object({
  reqId: ReqId,
  ok: v.boolean(),
  /** The answer as Lisp data (nil when refused). A verb's is the goal's state, a keyword. */
  value: Datum,
  /** Fresh bindings, with the replies that change or ask for them (`op/accept`, a verb, `op/bindings`); else null. */
  bindings: Bindings,
  /** `code` is a keyword name. */
  error: v.nullable(v.object({ code: Name, message: v.pipe(v.string(), v.maxLength(16 * 1024)) })),
});
/** Every answer to an `op/*` request but `op/capability`'s result. */
export type OpReply = v.InferOutput<typeof OpReplyBody>;

/**
 * What Mission Control sends an operator: an operator's inbox spreads these.
 * Mission Control is the one answerer of every request: an `op/capability`
 * is answered with `op/reply` when refused and with `capability/result`
 * (the cart's, or an abort) otherwise, never by the cart itself.
 */
export const OperatorReplies = defineInbox({
  'op/reply': OpReplyBody,
  ...pick(CartEvents, ['capability/result']),
  /**
   * Mission Control is up: after its boot (every power-on, or its own restart), or in answer to
   * `op/attach`. `session` tells a new boot from a repeat; `runs` is how many runs the deck has resolved.
   */
  'deck/ready': v.object({ restoredMission: v.boolean(), session: v.number(), runs: v.number() }),
  /** The running mission changed; `runs` is the deck's resolved runs when it was sent (dates it). */
  'mission/changed': v.object({ bindings: Bindings, runs: v.number() }),
});

/** What Mission Control tells the outside (`$deck`) as a campaign runs: the readable log, and what invariant checks read. */
export type DeckEvent =
  | {
      readonly type: 'ready';
      readonly credits: number;
      readonly reputation: number;
      /** The contracts on the board as the deck comes up, by label, in display order. */
      readonly board: readonly string[];
      readonly restored: boolean;
      /** Deck wall-clock ms at boot, and the contracts whose TTL ran out while the deck was off. */
      readonly at: number;
      readonly expired: readonly string[];
      /**
       * The contract of a mission the deck was switched off in the middle of, restored from its phase
       * chain (base64): its goals as restored.
       */
      readonly mission: { readonly contract: string; readonly schema: string; readonly id: number; readonly goals: readonly GoalFact[]; readonly chain: string } | null;
      /** The books as booted, the board in full, and when each cart was last seated. */
      readonly figures: Figures;
      readonly contracts: readonly ContractFact[];
      readonly cartsSeen: readonly { readonly cart: string; readonly at: number }[];
      /** What the flash gave back: the commit it recovered, and whether it had to drop damaged newer ones. */
      readonly flash: { readonly seq: number | null; readonly damaged: boolean; readonly dropped: readonly number[] };
    }
  /** The board changed (decay, a refresh, an acceptance): every contract on it, at deck time `at`. */
  | { readonly type: 'contracts'; readonly at: number; readonly contracts: readonly ContractFact[] }
  | { readonly type: 'board'; readonly lines: readonly string[] }
  | {
      readonly type: 'accepted';
      readonly contract: string;
      readonly id: number;
      readonly schema: string;
      readonly threat: number;
      readonly phases: number;
      readonly target: string;
      readonly category: string;
      /** Deck wall-clock ms, and the instance as accepted: every goal with its facets, state and rewards. */
      readonly at: number;
      readonly goals: readonly GoalFact[];
    }
  | { readonly type: 'call'; readonly cart: string; readonly callId: string; readonly swap: boolean }
  | { readonly type: 'swap'; readonly from: string | null; readonly to: string }
  | { readonly type: 'call-result'; readonly cart: string; readonly outcome: string; readonly trace: number; readonly turns: number }
  | {
      readonly type: 'goal';
      readonly goal: string;
      readonly from: string;
      readonly to: string;
      readonly cause: string;
      /** The goal's role and whether the operator has been briefed on it at the moment it changed (primary ⇒ briefed is checked on this). */
      readonly role: 'primary' | 'optional';
      readonly briefed: boolean;
      /** The tick the hold ticker judged the verdict this change came from; null for a verb, a cascade, a settlement. */
      readonly judged: number | null;
    }
  /** A latent goal was revealed (by a verb, its `:at` trigger or its escalation): it is briefed from now on (seed 003 §2.1). */
  | { readonly type: 'revealed'; readonly goal: string; readonly by: string; readonly judged: number | null }
  | { readonly type: 'escalation'; readonly id: number; readonly goal: string; readonly judged: number | null }
  /** Phases numbered from 1. */
  | { readonly type: 'phase'; readonly from: number; readonly to: number }
  | { readonly type: 'holds-rejected'; readonly error: string }
  | {
      readonly type: 'settled';
      readonly contract: string;
      readonly outcome: string;
      readonly credits: number;
      readonly reputation: number;
      readonly balance: number;
      readonly reputationTotal: number;
      readonly settlement: unknown;
      /** The books after the settlement. */
      readonly figures: Figures;
    }
  | { readonly type: 'cart'; readonly cart: string | null; readonly yanked: boolean; readonly error: string | null; readonly at: number }
  | { readonly type: 'power'; readonly on: boolean; readonly offMs: number }
  | { readonly type: 'committed'; readonly seq: number; readonly bytes: number }
  /** A check-in paid these obligations (or, `forced`, a full ledger settled its oldest at a settlement). */
  | {
      readonly type: 'check-in';
      readonly session: number;
      readonly paid: readonly CheckInPayment[];
      readonly balance: number;
      readonly reputationTotal: number;
      readonly figures: Figures;
    }
  /** Power was lost while the flash was committing; the deck remounts it and commits again. */
  | { readonly type: 'flash-power-lost'; readonly during: string }
  /** The flash could not place a commit; the deck keeps the state in memory and tries again later. */
  | { readonly type: 'flash-failed'; readonly tag: string | null; readonly error: string };

/**
 * What the outside (`$deck`, the campaign host) hears from Mission Control. The
 * outside is not an actor: nothing checks these bodies at run time, so the type
 * is the whole contract.
 */
export const DeckOutside = defineInbox({
  'deck/event': v.custom<DeckEvent>(() => true),
});
