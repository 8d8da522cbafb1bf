/**
 * The rules the soak holds the deck to, restated here from the seeds and the
 * project's documented decisions, apart from the code that implements them:
 * an oracle that imported the deck's own constants or functions would agree
 * with any bug in them. Each constant names where it comes from.
 */

/** Seed 004 §4.1: "The board presents 3–5 contracts at any given time." */
export const BOARD_MIN = 3;
export const BOARD_MAX = 5;

/** Seed 004 §3.2.1: each launch module's :threat-cap. Modules beyond these declare theirs in their registration. */
export const LAUNCH_THREAT_CAPS: Readonly<Record<string, number>> = {
  terminal: 2,
  grid: 1,
  audit: 2,
  sonar: 2,
  'ice-breaker': 6,
  neongrid: 3,
  'black-ledger': 5,
  depthcharge: 5,
};

/** docs/mission-control.md, decision: a cart stays Recent for 7 days of deck time after it was last in the slot. */
export const RECENCY_WINDOW_MS = 7 * 24 * 3600 * 1000;

/** docs/mission-control.md: the board's decay is looked at every 30 s of deck time, so an expired contract may linger that long. */
export const DECAY_SLACK_MS = 30_000;

/** docs/economy.md: reputation for how a run ended (failure always costs more than abandoning, seed 004 §5.4). */
export function reputationFor(outcome: string, threat: number): number {
  if (outcome === 'success') return threat;
  if (outcome === 'failure') return -(3 + threat);
  return -(1 + Math.ceil(threat / 2));
}

/** Seed 003 §2.2: the state machine's edges, and nothing else. */
export const LEGAL_EDGES: ReadonlySet<string> = new Set(['locked→open', 'locked→void', 'open→done', 'open→failed', 'open→forfeit', 'open→void']);

/** docs/economy.md (check-ins): a recurring reward pays at this many check-ins, then lapses; the ledger holds this many contracts. */
export const RECURRING_CHECKINS = 4;
export const MAX_OBLIGATIONS = 32;

/** docs/soak.md: the deck's time base — 30 ticks a second. */
export const TICK_MS = 1000 / 30;

/**
 * docs/soak.md (the variables contract): what the hold ticker's variables
 * start at, and how cart telemetry moves them.
 */
export function restingVariables(names: readonly string[], threat: number): Record<string, VarValue> {
  const out: Record<string, VarValue> = {};
  for (const n of names) out[n] = n === 'threat' ? threat : n === 'node' || n === 'file' || n === 'alarm' ? null : n === 'timeout' || n === 'lockdown' ? false : 0;
  return out;
}

export type VarValue = number | string | boolean | null;

/**
 * How telemetry moves the variables, restated from docs/objectives.md rather than imported from the hold
 * ticker (src/objectives/telemetry-variables.ts): the oracle must not share the code it checks, so a bug there
 * shows up as a disagreement here.
 */
export function absorb(vars: Record<string, VarValue>, t: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(t)) if (typeof value === 'number' && typeof vars[name] === 'number') vars[name] = value;
  switch (t.event) {
    case 'node-entered':
      if (typeof t.node === 'string') vars.node = t.node;
      break;
    case 'alarm':
      if (typeof vars.alarms === 'number') vars.alarms += 1;
      vars.alarm = typeof t.node === 'string' ? t.node : 'alarm';
      break;
    case 'hunter-spawn':
      if (typeof vars.hunters === 'number') vars.hunters += 1;
      break;
    case 'exfil':
      if (typeof t.data === 'string') vars.file = t.data;
      break;
    case 'lockdown-armed':
      vars.lockdown = true;
      break;
    case 'timeout':
      vars.timeout = true;
      break;
  }
}

/** The variables every deck predicate may read (seed 003 §4 "trace, mission timer, …"; docs/objectives.md). */
export const VARIABLES = ['trace', 'timer', 'tick', 'threat', 'alarms', 'noise', 'turns', 'hunters', 'depth', 'node', 'file', 'alarm', 'timeout', 'lockdown'] as const;
