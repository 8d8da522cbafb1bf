import { bootState } from './boot-state.js';
import { branchVoids } from './branch-voids.js';
import { boardSize } from './board-size.js';
import { checkIns } from './check-ins.js';
import { cleanRun } from './clean-run.js';
import { creditConservation } from './credit-conservation.js';
import { declaredGraph } from './declared-graph.js';
import { escalations } from './escalations.js';
import { escrowOnlyOnSuccess } from './escrow-only-on-success.js';
import { flashReadback } from './flash-readback.js';
import { holds } from './holds.js';
import { holdsJudged } from './holds-judged.js';
import type { Invariant } from './invariant.js';
import { legalTransitions } from './legal-transitions.js';
import { missionOutcome } from './mission-outcome.js';
import { missionsPlayed } from './missions-played.js';
import { noHistorical } from './no-historical.js';
import { opportunityOnce } from './opportunity-once.js';
import { phaseChain } from './phase-chain.js';
import { primaryBriefed } from './primary-briefed.js';
import { rewardOnce } from './reward-once.js';
import { supersedesFloor } from './supersedes-floor.js';
import { threatCaps } from './threat-caps.js';
import { ttlReaping } from './ttl-reaping.js';

/** Every invariant a soak checks, fresh (each keeps its own memory of the campaign). */
export function allInvariants(): Invariant[] {
  return [
    creditConservation(),
    escrowOnlyOnSuccess(),
    missionOutcome(),
    checkIns(),
    rewardOnce(),
    branchVoids(),
    primaryBriefed(),
    legalTransitions(),
    declaredGraph(),
    holds(),
    escalations(),
    holdsJudged(),
    phaseChain(),
    flashReadback(),
    bootState(),
    boardSize(),
    threatCaps(),
    noHistorical(),
    supersedesFloor(),
    opportunityOnce(),
    ttlReaping(),
    cleanRun(),
    missionsPlayed(),
  ];
}

export const INVARIANT_NAMES: readonly string[] = allInvariants().map((i) => i.name);

export { InvariantChecker } from './checker.js';
export type { Invariant, Violation } from './invariant.js';
export { readContent } from './model/content.js';
