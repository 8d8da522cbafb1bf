import { shippedCatalog } from '../src/campaign/cart-files.js';
import { recordCartSeen } from '../src/deck/cart-seen.js';
import { appendProvenance } from '../src/deck/provenance.js';
import { type Uds, emptyUds } from '../src/deck/uds.js';
import { viewBoard } from '../src/mission-control/board-view.js';
import type { Catalog } from '../src/mission-control/catalog.js';
import { deckContext } from '../src/mission-control/deck-setup.js';
import { fillBoard } from '../src/mission-control/generation.js';
import { compareLatency, round, timeOne } from './measure.js';

/** One tick of a 30 Hz deck, in µs: the budget board generation is held to (by a factor of 100). */
export const TICK_BUDGET_US = 1_000_000 / 30;
export const TARGET_US = TICK_BUDGET_US / 100;

const NOON = Date.UTC(2026, 5, 20, 12, 0, 0);

/** A lived-in deck: ICE BREAKER in the slot, two carts Recent, one Historical, a run history, money and standing. */
export function benchDeck(catalog: Catalog): Uds {
  const bit = (name: string): number => catalog.modules.find((m) => m.name === name)?.bit as number;
  let uds: Uds = { ...emptyUds(0x5eed), creditBalance: 48_000, reputation: 40 };
  uds = recordCartSeen(uds, bit('neongrid'), NOON - 30 * 24 * 3600 * 1000);
  uds = recordCartSeen(uds, bit('black-ledger'), NOON - 2 * 3600 * 1000);
  uds = recordCartSeen(uds, bit('depthcharge'), NOON - 26 * 3600 * 1000);
  uds = recordCartSeen(uds, bit('ice-breaker'), NOON);
  for (let i = 0; i < 40; i++) {
    uds = appendProvenance(uds, { at: NOON - (40 - i) * 3600_000, schema: 'zaibatsu-penetration', contractId: i + 1, carts: 1, threat: 1 + (i % 6), outcome: i % 5 === 0 ? 'failure' : 'success', credits: 900, reputation: 3, trace: (i * 17) % 100, bonuses: i % 4 });
  }
  return uds;
}

/**
 * Generating a full board from a UDS: derive the registry view, compose and
 * draw 3–5 contracts, run each contract's generators for its target and
 * brief, and build the board view — everything `nosh board` does between
 * reading the UDS and printing. Baseline, measured in the same run in
 * alternating rounds: a structuredClone of that UDS (what copying the deck
 * state alone costs). Also reported against the 30 Hz tick budget.
 */
export async function boardSuite(timeMs = 4000): Promise<Record<string, number>> {
  const catalog = shippedCatalog();
  const uds = benchDeck(catalog);
  const generate = (): number => {
    const ctx = deckContext(catalog, uds, 'ice-breaker', NOON);
    return viewBoard(fillBoard(uds, ctx, 'refresh'), ctx).length;
  };
  let drawn = 0;
  const coldUs = await timeOne(() => void (drawn = generate()));
  if (drawn < 3) throw new Error('bench board generated fewer than 3 contracts');
  let sink = 0;
  const { baseline, candidate, ratioP50 } = await compareLatency(
    { name: 'structuredClone(UDS)', fn: () => (sink += structuredClone(uds).board.length + 1) },
    { name: 'generate board', fn: () => (sink += generate()) },
    timeMs,
  );
  if (sink === 0) throw new Error('benchmark loops did no work');
  return {
    boardGenColdUs: round(coldUs),
    boardGenUs: round(candidate.p50Us),
    boardGenP99Us: round(candidate.p99Us),
    udsCloneUs: round(baseline.p50Us),
    boardGenVsCloneRatio: round(ratioP50),
    tickBudgetUs: round(TICK_BUDGET_US),
    boardGenTickFraction: round(candidate.p50Us / TICK_BUDGET_US, 5),
    targetUs: round(TARGET_US),
  };
}
