import { CART_BITS, PHASE_CHAIN_BYTES } from './limits.js';

/**
 * The Universal Deck State: everything the deck remembers across power
 * cycles (seed 004 deck-state.md, issue 5 §1). Values are plain data and never
 * mutated: every operation returns a new state, so a state can be encoded,
 * compared and replayed.
 */
export interface Uds {
  /** ¤ banked, an integer ≥ 0. */
  readonly creditBalance: number;
  /** Standing, a signed integer. */
  readonly reputation: number;
  /** One bit per cartridge ever registered (the registry's persistent backing). */
  readonly cartridgeHistory: number;
  /** When each cartridge was last in the slot, by its bit mask; sorted by mask. */
  readonly cartLastSeen: readonly CartSeen[];
  /** The entropy pool, advanced on each mission completion and power cycle. */
  readonly cipherSeed: number;
  /** Intel points per affinity domain; sorted by domain. */
  readonly knowledgeIndex: readonly KnowledgeEntry[];
  /** Unlocked access flags (follow-on contracts, eligibility); sorted, unique. */
  readonly accessFlags: readonly string[];
  /** The contracts on the board, in display order. */
  readonly board: readonly BoardEntry[];
  /** Board generations so far: seeds each top-up so two refreshes never repeat. */
  readonly boardSerial: number;
  /** Opportunity keys already shown: an opportunity never regenerates on the same seed. Oldest first. */
  readonly spentOpportunities: readonly number[];
  /** The accepted contract being run, if any. */
  readonly active: ActiveMission | null;
  /** The running mission's serialized phase chain (opaque to the deck). */
  readonly phaseChain: Uint8Array;
  /** Completed or abandoned runs, oldest first, bounded. */
  readonly provenance: readonly ProvenanceRecord[];
  /** Runs resolved so far (numbers provenance records). */
  readonly runCount: number;
  /**
   * Deck wall-clock ms when this state was committed (0: never). The deck's
   * clock runs on from here at the next power-on, so a campaign that spans
   * several runs keeps one timeline and TTLs expire while the deck is off.
   */
  readonly savedAt: number;
  /** Boots so far: a session runs from one boot to the next. Check-ins pay at most once per contract per session. */
  readonly session: number;
  /** What settled contracts still owe: `:deferred` and `:recurring` rewards, paid at later check-ins (oldest first). */
  readonly obligations: readonly Obligation[];
}

export const OBLIGATION_KINDS = ['deferred', 'recurring'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/**
 * One settled contract's `:deferred` or `:recurring` rewards (seed 003 §3.2):
 * the amounts of one payment. A deferred obligation pays once, in full, at the
 * first check-in of a later session; a recurring one pays at each check-in of a
 * later session, RECURRING_CHECKINS times, then lapses.
 */
export interface Obligation {
  readonly contractId: number;
  readonly schema: string;
  readonly kind: ObligationKind;
  readonly credits: number;
  readonly reputation: number;
  readonly intel: number;
  /** The knowledge_index domain intel lands in. */
  readonly domain: string;
  readonly access: readonly string[];
  /** The session the contract settled in: it pays from the next one on. */
  readonly earnedSession: number;
  /** The session of its last payment (0: none yet). */
  readonly lastPaidSession: number;
  readonly payments: number;
}

export interface CartSeen {
  /** The cartridge's `:bit`, a single-bit mask such as 0x01. */
  readonly mask: number;
  /** Deck wall-clock ms. */
  readonly at: number;
}

export interface KnowledgeEntry {
  readonly domain: string;
  readonly points: number;
}

export const CONTRACT_CATEGORIES = ['standard', 'urgent', 'opportunity', 'episodic'] as const;
export type ContractCategory = (typeof CONTRACT_CATEGORIES)[number];

/**
 * A contract as the board stores it: the decisions taken when it was
 * generated. Its content (target, topology, objectives) is regenerated from
 * `schema` and `seed` alone, so it never changes while the contract waits.
 */
export interface BoardEntry {
  /** u32, shown to the operator as C-XXXX. */
  readonly id: number;
  readonly schema: string;
  /** u32 seed of the contract's content generators. */
  readonly seed: number;
  readonly threat: number;
  readonly phases: number;
  readonly category: ContractCategory;
  /** Base ¤ shown on the board, fixed when generated. */
  readonly payout: number;
  /** credit_balance when it was generated: fixes its ¤ rate for the board, the briefing and the run (docs/economy.md). */
  readonly rateBalance: number;
  /** Deck wall-clock ms when it was put on the board. */
  readonly createdAt: number;
  /** Deck wall-clock ms when it expires; null for Episodic (until accepted). */
  readonly expiresAt: number | null;
  /** The opportunity key it spends, 0 when it is not an Opportunity. */
  readonly opportunityKey: number;
  /** Whether `:contract-near-expiry` was already emitted for it. */
  readonly warned: boolean;
}

export interface ActiveMission {
  readonly entry: BoardEntry;
  readonly acceptedAt: number;
}

export const RUN_OUTCOMES = ['success', 'failure', 'abandoned'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/** Capability-result bonuses worth remembering for the skill signal. */
export const BONUS_BITS = { speed: 1, stealth: 2 } as const;

/** One resolved run: the cartridge provenance chain's MISSION event (seed 004 §5.4). */
export interface ProvenanceRecord {
  readonly run: number;
  readonly at: number;
  readonly schema: string;
  readonly contractId: number;
  /** Cartridge bits that contributed (System baselines have none). */
  readonly carts: number;
  readonly threat: number;
  readonly outcome: RunOutcome;
  /** ¤ paid by the run, ≥ 0. */
  readonly credits: number;
  /** Reputation change, signed. */
  readonly reputation: number;
  /** Final trace level, 0–100. */
  readonly trace: number;
  /** BONUS_BITS earned. */
  readonly bonuses: number;
}

/** A deck fresh from the factory: nothing registered, nothing banked. */
export function emptyUds(cipherSeed: number): Uds {
  return {
    creditBalance: 0,
    reputation: 0,
    cartridgeHistory: 0,
    cartLastSeen: [],
    cipherSeed: cipherSeed >>> 0,
    knowledgeIndex: [],
    accessFlags: [],
    board: [],
    boardSerial: 0,
    spentOpportunities: [],
    active: null,
    phaseChain: new Uint8Array(PHASE_CHAIN_BYTES),
    provenance: [],
    runCount: 0,
    savedAt: 0,
    session: 0,
    obligations: [],
  };
}

/** Whether a number is a single-bit cartridge mask (0x01, 0x02, … 0x80000000). */
export function isCartMask(mask: number): boolean {
  return Number.isInteger(mask) && mask > 0 && mask <= 2 ** (CART_BITS - 1) && (mask & (mask - 1)) === 0;
}
