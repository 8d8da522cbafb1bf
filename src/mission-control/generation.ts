import { BOARD_MAX, BOARD_MIN, MAX_SPENT_OPPORTUNITIES } from '../deck/limits.js';
import type { BoardEntry, ContractCategory, Uds } from '../deck/uds.js';
import { type Rng, rngFromSeed } from '../runtime/rng.js';
import { type Composition, composeAll } from './composition.js';
import { reputationTier } from './economy.js';
import type { CipherEvent } from './events.js';
import { mix32, unit } from './hash.js';
import { quotePayout, termsFor } from './objectives.js';
import type { DeckContext } from './inputs.js';
import { skillSignal } from './skill.js';
import { last } from '../assert.js';

/** Standard contracts live 2–8 h unless their schema says otherwise (seed 004 §3.3). */
export const STANDARD_TTL_S: readonly [number, number] = [2 * 3600, 8 * 3600];
/** Urgent contracts live 15–45 min. */
export const URGENT_TTL_S: readonly [number, number] = [15 * 60, 45 * 60];
/** Decision: 15% of non-Episodic contracts are Urgent. */
export const URGENT_CHANCE = 0.15;
/**
 * Decision: an opportunity window opens for a schema when a hash of (schema,
 * cipher_seed, reputation tier, cartridge_history) falls under
 * OPPORTUNITY_RATE × its weight — tripled when the schema composes two or
 * more modules (an unusual capability combination). It is a condition
 * collision: the same deck state on the same seed opens the same window, and
 * nothing else does.
 */
export const OPPORTUNITY_RATE = 0.01;
export const MULTI_MODULE_OPPORTUNITY_BOOST = 3;

/**
 * `refresh` (after a run, at boot) fills the board to its size for this
 * generation (3–5, seeded); `top-up` (while the deck runs) only refills a
 * board that decay left under 3, so contracts visibly go between runs.
 */
export type FillMode = 'refresh' | 'top-up';

/**
 * Fill the board after the caller dropped what had to go. At most one Opportunity per fill, placed
 * first. Same UDS + context ⇒ same board: every choice comes from one stream
 * seeded by (cipher_seed, board serial), and ids and content seeds are hashes.
 */
export function fillBoard(uds: Uds, ctx: DeckContext, mode: FillMode, events: CipherEvent[] = []): Uds {
  if (mode === 'top-up' && uds.board.length >= BOARD_MIN) return uds;
  const rng = rngFromSeed(`nosh:board:${uds.cipherSeed}:${uds.boardSerial}`);
  const target = BOARD_MIN + rng.int(BOARD_MAX - BOARD_MIN + 1);
  if (uds.board.length >= target) return uds;
  const pool = composeAll(ctx.catalog.schemas, ctx.registry);
  if (pool.length === 0) return { ...uds, boardSerial: (uds.boardSerial + 1) >>> 0 };

  const board: BoardEntry[] = [...uds.board];
  let spent = uds.spentOpportunities;
  const skill = skillSignal(uds.provenance);
  const repTier = reputationTier(uds.reputation);
  const make = (c: Composition, category: ContractCategory, opportunityKey: number): BoardEntry => {
    const threat = category === 'opportunity' ? c.threatRange[1] : pickThreat(rng, c.threatRange, skill, repTier);
    const id = freshId(board, uds, board.length);
    return boardEntry(c, uds, ctx.now, { id, threat, category, ttlSeconds: ttlSeconds(rng, category, c.entry.schema.ttlRange), opportunityKey });
  };

  const opportunity = findOpportunity(pool, uds, repTier);
  if (opportunity !== null) {
    const entry = make(opportunity.composition, 'opportunity', opportunity.key);
    board.unshift(entry);
    spent = [...spent, opportunity.key].slice(-MAX_SPENT_OPPORTUNITIES);
    events.push({ event: 'opportunity-detected', contract: entry.id, affect: 'anomalous' });
  }

  const total = pool.reduce((s, c) => s + c.weight, 0);
  while (board.length < target) {
    const c = pickWeighted(rng, pool, total);
    const category: ContractCategory = c.entry.schema.episodic ? 'episodic' : rng.chance(URGENT_CHANCE) ? 'urgent' : 'standard';
    board.push(make(c, category, 0));
  }
  return { ...uds, board, spentOpportunities: spent, boardSerial: (uds.boardSerial + 1) >>> 0 };
}

function pickWeighted(rng: Rng, pool: readonly Composition[], total: number): Composition {
  let x = rng.next() * total;
  for (const c of pool) {
    x -= c.weight;
    if (x < 0) return c;
  }
  return last(pool);
}

/**
 * Decision: where in its clipped range a contract's threat lands. u = r^k with
 * k = max(0.35, 1.6 − skill − 0.1 × reputation tier): a new deck mostly sees
 * the low end (the top of a six-level range about 1 time in 9), a skilled,
 * reputable one mostly the high end.
 */
export function pickThreat(rng: Rng, range: readonly [number, number], skill: number, repTier: number): number {
  const [lo, hi] = range;
  const k = Math.max(0.35, 1.6 - skill - 0.1 * repTier);
  const u = rng.next() ** k;
  return lo + Math.min(hi - lo, Math.floor(u * (hi - lo + 1)));
}

function ttlSeconds(rng: Rng, category: ContractCategory, schemaRange: readonly [number, number] | null): number | null {
  switch (category) {
    case 'episodic':
      return null;
    case 'urgent':
      return rng.range(URGENT_TTL_S[0], URGENT_TTL_S[1]);
    default: {
      const [lo, hi] = standardTtlRange(schemaRange);
      return rng.range(lo, hi);
    }
  }
}

/**
 * Decision (seed 004 §3.3): a schema's `:ttl-range` narrows the Standard window (2–8 h), it never
 * leaves it: a contract on the board is Standard by its category, whatever its schema says, so a
 * range reaching below 2 h (or past 8 h) is cut at the window's edge, and one wholly outside it
 * becomes that edge. Opportunities, which the seed gives no window of their own, live as long.
 */
export function standardTtlRange(schemaRange: readonly [number, number] | null): readonly [number, number] {
  if (schemaRange === null) return STANDARD_TTL_S;
  const [floor, ceiling] = STANDARD_TTL_S;
  const lo = Math.min(ceiling, Math.max(floor, schemaRange[0]));
  const hi = Math.min(ceiling, Math.max(floor, schemaRange[1]));
  return [lo, Math.max(lo, hi)];
}

/** A u32 id, non-zero, whose C-XXXX label no other contract on the board (or running) has. */
function freshId(board: readonly BoardEntry[], uds: Uds, slot: number): number {
  const taken = new Set(board.map((e) => e.id & 0xffff));
  if (uds.active !== null) taken.add(uds.active.entry.id & 0xffff);
  for (let attempt = 0; ; attempt++) {
    const id = mix32('nosh:contract-id', uds.cipherSeed, uds.boardSerial, slot, attempt);
    if (id !== 0 && !taken.has(id & 0xffff)) return id;
  }
}

/** The opportunity key a schema has under this deck state; never 0 (0 means "not an opportunity"). */
export function opportunityKey(schema: string, uds: Uds, repTier: number): number {
  return keyOf(schema, opportunityParts(uds, repTier));
}

/** What an opportunity key mixes in besides the schema, spelled as mix32 spells numbers (once per fill, not per schema). */
function opportunityParts(uds: Uds, repTier: number): readonly [string, string, string] {
  return [String(uds.cipherSeed >>> 0), String(repTier >>> 0), String(uds.cartridgeHistory >>> 0)];
}

function keyOf(schema: string, [seed, tier, history]: readonly [string, string, string]): number {
  return mix32('nosh:opportunity', schema, seed, tier, history) || 1;
}

/** The first schema whose roll comes up and whose key is not spent (nor on the board). */
function findOpportunity(pool: readonly Composition[], uds: Uds, repTier: number): { composition: Composition; key: number } | null {
  const parts = opportunityParts(uds, repTier);
  for (const c of pool) {
    const key = keyOf(c.entry.schema.name, parts);
    const boost = c.contributors.length >= 2 ? MULTI_MODULE_OPPORTUNITY_BOOST : 1;
    // The roll first: it rarely comes up (1% a schema), and only then is the spent list (up to 256 keys) looked through.
    if (unit(mix32('nosh:opportunity-roll', key)) >= OPPORTUNITY_RATE * c.weight * boost) continue;
    if (uds.spentOpportunities.includes(key) || uds.board.some((e) => e.opportunityKey === key)) continue;
    return { composition: c, key };
  }
  return null;
}

/**
 * A board entry for a composition: what varies between a generated contract
 * and an abandoned one's alternative is chosen by the caller; the rest (its
 * content seed, its ¤ quote at today's rate, its expiry) is derived the same way.
 */
export function boardEntry(
  c: Composition,
  uds: Uds,
  now: number,
  pick: { readonly id: number; readonly threat: number; readonly category: ContractCategory; readonly ttlSeconds: number | null; readonly opportunityKey: number },
): BoardEntry {
  const entry = {
    id: pick.id,
    schema: c.entry.schema.name,
    seed: mix32('nosh:contract-seed', pick.id, uds.cipherSeed, uds.boardSerial),
    threat: pick.threat,
    phases: c.entry.schema.phaseCount,
    category: pick.category,
    payout: 0,
    rateBalance: uds.creditBalance,
    createdAt: now,
    expiresAt: pick.ttlSeconds === null ? null : now + pick.ttlSeconds * 1000,
    opportunityKey: pick.opportunityKey,
    warned: false,
  };
  return { ...entry, payout: Math.min(0xffff_ffff, quotePayout(c.entry.primaryCredits, termsFor(entry, c.entry.schema.payoutFormula))) };
}
