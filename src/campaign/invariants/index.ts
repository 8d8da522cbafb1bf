import { boardSize } from './board-size.js';
import { creditConservation } from './credit-conservation.js';
import { escrowOnlyOnSuccess } from './escrow-only-on-success.js';
import { flashReadback } from './flash-readback.js';
import type { Invariant } from './invariant.js';
import { legalTransitions } from './legal-transitions.js';
import { noHistorical } from './no-historical.js';
import { opportunityOnce } from './opportunity-once.js';
import { phaseChain } from './phase-chain.js';
import { primaryBriefed } from './primary-briefed.js';
import { threatCaps } from './threat-caps.js';

/** Every invariant a soak checks, fresh (each keeps its own memory of the campaign). */
export function allInvariants(): Invariant[] {
  return [creditConservation(), escrowOnlyOnSuccess(), primaryBriefed(), legalTransitions(), phaseChain(), flashReadback(), boardSize(), threatCaps(), noHistorical(), opportunityOnce()];
}

export const INVARIANT_NAMES: readonly string[] = allInvariants().map((i) => i.name);

export { InvariantChecker } from './checker.js';
export type { Invariant, Violation } from './invariant.js';
