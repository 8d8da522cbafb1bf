import type { Rng } from '../../../src/runtime/rng.js';

/**
 * The shape every cartridge's gameplay loop has. A capability call starts a
 * game; the cart asks the operator for a move (`Prompt`), plays it over some
 * ticks (streaming `Telemetry`), and repeats until the game ends with the
 * seed-004 §5.3 result struct.
 */
export interface CapabilityParams {
  readonly seed: number;
  readonly threat: number;
  /** What the contract generated for this call (target names, topology hints…); games read what they know. */
  readonly mission: Readonly<Record<string, unknown>>;
}

export interface Move {
  readonly verb: string;
  readonly target?: string;
}

export interface Prompt {
  readonly turn: number;
  readonly options: readonly Move[];
  /** What a careful operator would do now: the autopilot's default. */
  readonly suggested: Move;
  /** Numbers and names an operator's script can read to decide (trace, position, depth…). */
  readonly status: Readonly<Record<string, number | string | boolean>>;
}

/** Something the cart reports while it runs; `trace` is always there, so holds can watch it. */
export interface Telemetry {
  readonly event: string;
  readonly trace: number;
  readonly [key: string]: number | string | boolean;
}

export type Outcome = 'success' | 'failure' | 'partial' | 'abort';

export interface CapabilityResult {
  readonly outcome: Outcome;
  readonly trace: number;
  readonly extracted: readonly string[];
  readonly turns: number;
  readonly bonuses: readonly string[];
  /** On `partial` (and `failure`): what was not achieved, for the "what's missing" snapshot. */
  readonly missing: readonly string[];
}

export interface Played<S> {
  readonly state: S;
  /** How long the move took, in ticks (at least 1). */
  readonly ticks: number;
  readonly telemetry: readonly Telemetry[];
  readonly result: CapabilityResult | null;
}

export interface Game<S> {
  readonly cart: string;
  start(params: CapabilityParams, rng: Rng): S;
  prompt(state: S): Prompt;
  play(state: S, move: Move, rng: Rng): Played<S>;
}

/** Every game ends by this many turns at the latest (TIGER_STYLE): an operator that never finishes times out. */
export const MAX_TURNS = 60;

export function sameMove(a: Move, b: Move): boolean {
  return a.verb === b.verb && (a.target ?? null) === (b.target ?? null);
}

export function clampTrace(t: number): number {
  return Math.max(0, Math.min(100, Math.round(t)));
}
