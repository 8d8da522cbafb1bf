import { recordCartSeen } from '../deck/cart-seen.js';
import { appendProvenance } from '../deck/provenance.js';
import { BONUS_BITS, type RunOutcome, type Uds, emptyUds } from '../deck/uds.js';
import { rngFromSeed } from '../runtime/rng.js';
import type { Catalog } from './catalog.js';
import { advanceCipherSeed, refreshBoard } from './decay.js';
import { deckContext } from './deck-setup.js';
import { reputationDelta } from './economy.js';
import { skillSignal } from './skill.js';

/** One simulated run of a career. */
export interface CareerRun {
  readonly mission: number;
  readonly balanceBefore: number;
  readonly threat: number;
  readonly outcome: RunOutcome;
  /** ¤ paid: the contract's quoted payout on success (its primaries), nothing otherwise. */
  readonly credits: number;
  /** Reputation from the outcome plus the primaries' literal rep rewards on success. */
  readonly reputation: number;
}

export interface CareerOptions {
  readonly missions: number;
  readonly seed: number;
  readonly start: number;
}

/** Carts the simulated operator owns; one is in the slot, the rest stay Recent. */
const CARTS = ['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge'];
export const MAX_CAREER_MISSIONS = 100_000;

/**
 * A whole career through the real board: every run refreshes the board from
 * the UDS (so payouts carry the compression of the balance at that moment),
 * the operator takes one contract, and the run succeeds, fails or is
 * abandoned by a seeded roll that gets harder with threat and easier with
 * skill. Used by the economy test and the plot in docs/economy.md.
 */
export function simulateCareer(catalog: Catalog, options: CareerOptions): CareerRun[] {
  if (!Number.isSafeInteger(options.missions) || options.missions < 0 || options.missions > MAX_CAREER_MISSIONS) {
    throw new RangeError(`a career has 0..${MAX_CAREER_MISSIONS} missions, got ${options.missions}`);
  }
  const rng = rngFromSeed(`nosh:career:${options.seed}`);
  let now = options.start;
  let uds: Uds = emptyUds(options.seed);
  for (const cart of CARTS) uds = recordCartSeen(uds, bitOf(catalog, cart), now);
  const runs: CareerRun[] = [];
  for (let n = 0; n < options.missions; n++) {
    const inserted = CARTS[Math.floor(n / 25) % CARTS.length] as string;
    uds = recordCartSeen(uds, bitOf(catalog, inserted), now);
    uds = refreshBoard(uds, deckContext(catalog, uds, inserted, now));
    const entry = rng.pick(uds.board);
    const skill = skillSignal(uds.provenance);
    const roll = rng.next();
    const pSuccess = Math.min(0.95, 0.8 - 0.06 * (entry.threat - 1) + 0.25 * skill);
    const outcome: RunOutcome = roll < pSuccess ? 'success' : roll < pSuccess + 0.6 * (1 - pSuccess) ? 'failure' : 'abandoned';
    const cs = catalog.schemaByName.get(entry.schema);
    const goalRep = (cs?.outline.spine ?? []).filter((g) => g.role === 'primary').flatMap((g) => g.rewards).filter((r) => r.kind === 'rep' && typeof r.amount === 'number').reduce((s, r) => s + (r.amount as number), 0);
    const credits = outcome === 'success' ? entry.payout : 0;
    const reputation = reputationDelta(outcome, entry.threat) + (outcome === 'success' ? goalRep : 0);
    const trace = Math.min(100, Math.floor(rng.next() * (40 + entry.threat * 10)));
    runs.push({ mission: n + 1, balanceBefore: uds.creditBalance, threat: entry.threat, outcome, credits, reputation });
    now += (30 + rng.int(60)) * 60 * 1000;
    uds = appendProvenance(
      { ...uds, board: uds.board.filter((e) => e.id !== entry.id), creditBalance: uds.creditBalance + credits, reputation: uds.reputation + reputation },
      {
        at: now,
        schema: entry.schema,
        contractId: entry.id,
        carts: 0,
        threat: entry.threat,
        outcome,
        credits,
        reputation,
        trace,
        bonuses: (rng.chance(0.3) ? BONUS_BITS.speed : 0) | (trace < 30 ? BONUS_BITS.stealth : 0),
      },
    );
    if (outcome !== 'abandoned') uds = { ...uds, cipherSeed: advanceCipherSeed(uds.cipherSeed) };
  }
  return runs;
}

function bitOf(catalog: Catalog, cart: string): number {
  const m = catalog.modules.find((x) => x.name === cart);
  if (m === undefined) throw new RangeError(`no cartridge ${cart}`);
  return m.bit;
}
