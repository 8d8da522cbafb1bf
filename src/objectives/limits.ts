/**
 * Every bound of the objective engine in one place. Each one is checked where
 * authored input enters (a schema, a goal cell, a chain) and rejected with an
 * error naming it, never silently clipped.
 */

/** Goals per phase: the phase record's 12-byte completion bitmask has 96 bits (seed 003 §8). */
export const MAX_GOALS_PER_PHASE = 96;
/** Bytes in a phase record's completion bitmask. */
export const BITMASK_BYTES = MAX_GOALS_PER_PHASE / 8;

/** The serialized phase chain is exactly this long (seed 003 §8, UDS `phase_chain`). */
export const PHASE_CHAIN_BYTES = 256;
/** Header bytes: magic, version, counts, flags, seed, fingerprint, CRC-32 (docs/phase-chain.md). */
export const PHASE_CHAIN_HEADER_BYTES = 24;
/** Per-phase record: goal count, status, 12-byte bitmask. */
export const PHASE_RECORD_BYTES = 2 + BITMASK_BYTES;
/** As many phase records as fit after the header: (256 - 24) / 14 = 16. */
export const MAX_PHASES = Math.floor((PHASE_CHAIN_BYTES - PHASE_CHAIN_HEADER_BYTES) / PHASE_RECORD_BYTES);

/** A mission seed is stored as a u64 but must be a safe integer, so it survives JSON and JS numbers exactly. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** Longest goal name (a symbol) and goal text: the panel is 128 columns wide. */
export const MAX_GOAL_NAME = 48;
export const MAX_GOAL_TEXT = 96;
/** Rewards on one goal; the panel shows them on one row. */
export const MAX_REWARDS_PER_GOAL = 6;
/** Names in one `:requires`, `:excludes` or `:voids` list. */
export const MAX_LINKS = 16;
/** Children of one `:branch` or `:any` group (and at least this many). */
export const MAX_GROUP_CHILDREN = 8;
export const MIN_GROUP_CHILDREN = 2;
/** Optional pools and goals per pool in one schema's limbs. */
export const MAX_POOLS = 8;
export const MAX_POOL_GOALS = 32;
/** Escalations in one schema. */
export const MAX_ESCALATIONS = 16;
/** Largest reward amount, for any currency: far beyond any economy, small enough that sums stay exact. */
export const MAX_REWARD_AMOUNT = 1_000_000_000;
/** Longest access flag name. */
export const MAX_FLAG_NAME = 48;
/** Variables a mission may declare for its predicates. */
export const MAX_VARIABLES = 64;
