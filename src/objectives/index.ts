/**
 * The objective engine (seed 003): what Mission Control and the deck actors
 * import. docs/objectives.md is the guide; each module says why it is as it is.
 */
export { ObjectiveError, PhaseChainError, type ObjectiveRule } from './errors.js';
export { type GoalSpec, type Role, type Reveal, type GroupKind, parseGoal } from './goal-cell.js';
export { type ObjectiveSchema, type PoolSpec, type EscalationSpec, type SchemaOptions, parseContractSchema, readContractSchemas } from './schema.js';
export { drawLimbs, type DrawnPool } from './limbs.js';
export { Mission, type MissionOptions, type MissionStatus, type SettleResult } from './mission.js';
export { type VerbName, type VerbError, type VerbErrorCode, type VerbResult, VERB_NAMES } from './verbs.js';
export { isReachable } from './reachability.js';
export type { MissionEvent, GoalChanged, Outcome, FailureReason } from './events.js';
export { type GoalState, type TransitionCause, GOAL_STATES, LEGAL_TRANSITIONS, isLegalTransition } from './state-machine.js';
export { type Currency, type Timing, type Reward, type Bounty, CURRENCIES, TIMINGS, bountyOf, formatReward } from './rewards.js';
export { type PayoutFunction, type PayoutContext, identityPayout } from './payout.js';
export { type Settlement, type SettleKind, type Buckets, type Currencies, type MissingGoal, BUCKETS } from './settlement.js';
export { WatchList, HoldWatcher, type WatchSpec, type Verdicts } from './holds.js';
export { DEFAULT_VARIABLES, defaultVariables, variableNames, type MissionVariables } from './variables.js';
export { type PhaseChain, type PhaseRecord, type Resolution, encodePhaseChain, decodePhaseChain, layoutFingerprint } from './phase-chain.js';
export { renderPanel, goalGlyph, type PanelOptions, PANEL_COLUMNS, PANEL_ROWS } from './panel.js';
export { missionToLisp, missionParamsToLisp, phaseChainToLisp, settlementToLisp, eventToLisp } from './lisp-view.js';
export { bindMission, describeSettlement, type RunnerBinding, type RunnerBindingOptions } from './runner-bindings.js';
export { checkTrace } from './trace-invariants.js';
export type { GoalView, MissionSnapshot } from './views.js';
export * as limits from './limits.js';
