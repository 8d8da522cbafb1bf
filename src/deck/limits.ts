/**
 * Every field of the Universal Deck State is bounded, so an encoded state has
 * a known worst-case size (it must fit one atomic flash commit) and a corrupt
 * or hostile image cannot make the decoder allocate without limit.
 */

/** Contracts on the board at once (seed 004 §4.1: 3–5). */
export const BOARD_MIN = 3;
export const BOARD_MAX = 5;
/** Completed runs kept in the provenance log; older ones fall off the front. */
export const MAX_PROVENANCE = 64;
/** Distinct access flags (`(access :ledger-followon)` rewards). */
export const MAX_ACCESS_FLAGS = 64;
/** Distinct knowledge-index domains (intel is kept per affinity domain). */
export const MAX_KNOWLEDGE_DOMAINS = 32;
/** Spent opportunity keys remembered, oldest first (a ring: past this the oldest is forgotten). */
export const MAX_SPENT_OPPORTUNITIES = 256;
/** Longest name (schema, access flag, domain) in UTF-8 bytes. */
export const MAX_NAME_BYTES = 64;
/** Cartridge bits: cartridge_history is a u32 bitfield. */
export const CART_BITS = 32;
/** The serialized multi-phase state (seed 003 §8, phase-chain-format.md). */
export const PHASE_CHAIN_BYTES = 256;
/** Ceilings on counters, so every number has a fixed-width encoding. */
export const MAX_CREDITS = 2 ** 48 - 1;
export const MAX_REPUTATION = 2 ** 31 - 1;
export const MIN_REPUTATION = -(2 ** 31);
export const MAX_INTEL = 2 ** 32 - 1;
/** Deck wall-clock timestamps are ms since the Unix epoch; this is year ~10889. */
export const MAX_TIMESTAMP_MS = 2 ** 48 - 1;
/** Threat levels: the highest cap any module declares is 6; leave room, never unbounded. */
export const MAX_THREAT = 15;
/** Phases a contract may have (the phase chain is 256 bytes of 12-byte records plus a header). */
export const MAX_PHASES = 8;
/** Contracts owing `:deferred` or `:recurring` rewards at once (a fuller ledger settles its oldest at once). */
export const MAX_OBLIGATIONS = 32;
/** Access flags one obligation grants when it pays. */
export const MAX_OBLIGATION_FLAGS = 8;
/** Check-ins a `:recurring` reward pays at before it lapses (the implant is found, the tap goes quiet). */
export const RECURRING_CHECKINS = 4;
