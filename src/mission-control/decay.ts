import { BOARD_MAX } from '../deck/limits.js';
import type { BoardEntry, Uds } from '../deck/uds.js';
import { compose, isComposition } from './composition.js';
import type { CipherEvent } from './events.js';
import { fillBoard } from './generation.js';
import { mix32 } from './hash.js';
import type { DeckContext } from './inputs.js';

/**
 * Decision: a contract is near expiry in the last 15% of its TTL;
 * `:contract-near-expiry` is emitted once per contract (the `warned` bit in
 * UDS), so CIPHER says "window. closing." once, not every tick.
 */
export const NEAR_EXPIRY_FRACTION = 0.15;

/**
 * Decay (seed 004 §3.3): drop contracts whose wall-clock target has passed —
 * whether the deck was on or off in between, since targets are absolute —
 * and contracts that need a cart that has aged to Historical; flag the ones
 * near expiry. Returns the new state and the events for CIPHER.
 */
export function reapBoard(uds: Uds, ctx: DeckContext, atBoot: boolean, events: CipherEvent[] = []): Uds {
  const board: BoardEntry[] = [];
  let changed = false;
  for (const e of uds.board) {
    if (e.expiresAt !== null && e.expiresAt <= ctx.now) {
      events.push({ event: 'contract-expired', contract: e.id, reason: 'ttl', atBoot, affect: 'drift' });
      changed = true;
      continue;
    }
    const schema = ctx.catalog.schemaByName.get(e.schema);
    if (schema === undefined || !isComposition(compose(schema, ctx.registry))) {
      events.push({ event: 'contract-expired', contract: e.id, reason: 'capability-lost', atBoot, affect: 'drift' });
      changed = true;
      continue;
    }
    if (e.expiresAt !== null && !e.warned && e.expiresAt - ctx.now <= NEAR_EXPIRY_FRACTION * (e.expiresAt - e.createdAt)) {
      events.push({ event: 'contract-near-expiry', contract: e.id, affect: 'terse' });
      board.push({ ...e, warned: true });
      changed = true;
      continue;
    }
    board.push(e);
  }
  return changed ? { ...uds, board } : uds;
}

/** While the deck runs: decay, and refill only a board that fell under 3. */
export function tickBoard(uds: Uds, ctx: DeckContext, events: CipherEvent[] = []): Uds {
  return fillBoard(reapBoard(uds, ctx, false, events), ctx, 'top-up', events);
}

/**
 * After every completed or abandoned run (seed 004 §4.1). Standard contracts
 * "refresh after each run" and an Opportunity not taken is gone for good
 * (declined); Urgent contracts keep their own short clock and Episodic ones
 * wait until accepted.
 */
export function refreshBoard(uds: Uds, ctx: DeckContext, events: CipherEvent[] = [], keep: readonly number[] = []): Uds {
  // `keep`: contracts placed for this refresh (the lower-threat alternative to an abandoned one).
  const kept = uds.board.filter((e) => e.category === 'urgent' || e.category === 'episodic' || keep.includes(e.id)).slice(0, BOARD_MAX);
  return fillBoard(reapBoard({ ...uds, board: kept }, ctx, false, events), ctx, 'refresh', events);
}

/** The entropy pool's next state: on each mission completion and each power cycle (seed 004 §3.1). */
export function advanceCipherSeed(seed: number): number {
  return mix32('nosh:cipher-advance', seed);
}

/**
 * Boot: the deck was off; reap what expired meanwhile (CIPHER reflects on it
 * in the idle pass), advance the entropy pool for the power cycle, and fill
 * the board.
 */
export function bootDeck(uds: Uds, ctx: DeckContext, events: CipherEvent[] = []): Uds {
  const reaped = reapBoard(uds, ctx, true, events);
  // Every boot begins a session: what settled contracts owe falls due at the first check-in after it.
  const session = Math.min(0xffff_ffff, reaped.session + 1);
  return fillBoard({ ...reaped, session, cipherSeed: advanceCipherSeed(reaped.cipherSeed) }, ctx, 'refresh', events);
}
