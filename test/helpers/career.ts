import { recordCartSeen } from '../../src/deck/cart-seen.js';
import { type RunOutcome, type Uds, emptyUds } from '../../src/deck/uds.js';
import type { MissionEvent } from '../../src/objectives/events.js';
import { DEFAULT_VARIABLES } from '../../src/objectives/variables.js';
import { type Rng, rngFromSeed } from '../../src/runtime/rng.js';
import type { Catalog } from '../../src/mission-control/catalog.js';
import { checkIn } from '../../src/mission-control/check-ins.js';
import { bootDeck, refreshBoard } from '../../src/mission-control/decay.js';
import { deckContext } from '../../src/mission-control/deck-setup.js';
import { type MissionStruct, abandonMission, acceptContract, applyMissionEvents, completeMission } from '../../src/mission-control/missions.js';
import { skillSignal } from '../../src/mission-control/skill.js';

/** One simulated run of a career. */
export interface CareerRun {
  readonly mission: number;
  readonly balanceBefore: number;
  readonly threat: number;
  readonly outcome: RunOutcome;
  /** ¤ the run paid in all (banked during it and settled at resolve). */
  readonly credits: number;
  /** Reputation the run moved: goal rewards plus the outcome's delta. */
  readonly reputation: number;
  /** ¤ the check-in before this run collected from earlier contracts (deferred and recurring rewards). */
  readonly checkIn: number;
}

export interface CareerOptions {
  readonly missions: number;
  readonly seed: number;
  /** Deck wall-clock ms when the career starts. */
  readonly start: number;
}

/** Carts the simulated operator owns; one is in the slot, the rest stay Recent. */
const CARTS = ['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge'];
/** The simulated operator plays a few runs a sitting, then switches the deck off overnight: a new session. */
const RUNS_PER_SESSION = 8;
const NIGHT_MS = 10 * 3600 * 1000;
export const MAX_CAREER_MISSIONS = 100_000;

/**
 * A whole career through the real pipeline: each run takes a contract from
 * the board (quoted at the balance of that moment), accepts it (the objective
 * engine instantiates it), plays it — primaries, some optional goals, one
 * trace reading the holds are judged on — and completes, fails or abandons
 * it through the engine's settlement. A seeded roll decides how the run goes:
 * harder with threat, easier with skill. Used by the economy test and the plot
 * in docs/economy.md.
 */
export function simulateCareer(catalog: Catalog, options: CareerOptions): CareerRun[] {
  if (!Number.isSafeInteger(options.missions) || options.missions < 0 || options.missions > MAX_CAREER_MISSIONS) {
    throw new RangeError(`a career has 0..${MAX_CAREER_MISSIONS} missions, got ${options.missions}`);
  }
  const rng = rngFromSeed(`nosh:career:${options.seed}`);
  let now = options.start;
  let uds: Uds = emptyUds(options.seed);
  for (const cart of CARTS) uds = recordCartSeen(uds, bitOf(catalog, cart), now);
  uds = refreshBoard(uds, deckContext(catalog, uds, CARTS[0] as string, now));
  const runs: CareerRun[] = [];
  for (let n = 0; n < options.missions; n++) {
    const inserted = CARTS[Math.floor(n / 25) % CARTS.length] as string;
    uds = recordCartSeen(uds, bitOf(catalog, inserted), now);
    if (n % RUNS_PER_SESSION === 0) {
      now += NIGHT_MS;
      uds = bootDeck(uds, deckContext(catalog, uds, inserted, now));
    }
    // Every sitting starts by looking in on finished contracts (the autopilot does the same).
    const visit = checkIn(uds);
    uds = visit.uds;
    const ctx = deckContext(catalog, uds, inserted, now);
    const before = uds;
    const accepted = acceptContract(uds, rng.int(uds.board.length), ctx);
    const { struct } = accepted;
    const skill = skillSignal(uds.provenance);
    const threat = struct.entry.threat;
    const roll = rng.next();
    const pSuccess = Math.min(0.95, 0.8 - 0.06 * (threat - 1) + 0.25 * skill);
    const plan: RunOutcome = roll < pSuccess ? 'success' : roll < pSuccess + 0.6 * (1 - pSuccess) ? 'failure' : 'abandoned';
    const trace = Math.min(100, Math.floor(rng.next() * (40 + threat * 10)));
    uds = play(accepted.uds, struct, rng, plan, trace);
    now += (30 + rng.int(60)) * 60 * 1000;
    const end = deckContext(catalog, uds, inserted, now);
    const report = { trace, bonuses: [...(rng.chance(0.3) ? ['speed'] : []), ...(trace < 30 ? ['stealth'] : [])] };
    const resolution =
      plan === 'abandoned' ? abandonMission(uds, struct, end, report) : plan === 'failure' ? completeMission(uds, struct, end, report, [], 'traced-out') : completeMission(uds, struct, end, report);
    uds = resolution.uds;
    const collected = visit.paid.reduce((sum, p) => sum + p.credits, 0) + resolution.forced.reduce((sum, p) => sum + p.credits, 0);
    runs.push({ mission: n + 1, balanceBefore: before.creditBalance, threat, outcome: resolution.outcome, credits: resolution.credits, reputation: resolution.reputation, checkIn: collected });
  }
  return runs;
}

/**
 * The operator's run: one trace reading for the holds (and escalations), then
 * the primaries in order — all of them on a successful run, half on the
 * others — taking the first choice at each fork and about half the optional
 * goals on the way.
 */
function play(uds: Uds, struct: MissionStruct, rng: Rng, plan: RunOutcome, trace: number): Uds {
  const { graph: mission } = struct;
  let state = applyMissionEvents(uds, struct, mission.tick({ ...DEFAULT_VARIABLES, trace, threat: struct.entry.threat }));
  const primaries = plan === 'success' ? Number.POSITIVE_INFINITY : 1 + rng.int(2);
  let done = 0;
  for (let step = 0; step < 64 && mission.status === 'running' && !mission.isReady && done < primaries; step++) {
    const open = mission.snapshot().goals.filter((g) => g.state === 'open' && g.parent === null && g.hold === null && g.failOn === null);
    const goal = open.find((g) => g.role === 'primary') ?? null;
    const events: MissionEvent[] = [];
    for (const g of open) if (g.role === 'optional' && rng.chance(0.5)) events.push(...okEvents(mission.complete(g.name)));
    if (goal === null) {
      state = applyMissionEvents(state, struct, events);
      break;
    }
    if (goal.group === 'branch' && !goal.children.some((c) => mission.info(c)?.chosen)) events.push(...okEvents(mission.choose(goal.children[0] as string)));
    events.push(...okEvents(mission.complete(goal.name)));
    done++;
    state = applyMissionEvents(state, struct, events);
  }
  return state;
}

function okEvents(r: { ok: true; events: readonly MissionEvent[] } | { ok: false }): readonly MissionEvent[] {
  return r.ok ? r.events : [];
}

function bitOf(catalog: Catalog, cart: string): number {
  const m = catalog.modules.find((x) => x.name === cart);
  if (m === undefined) throw new RangeError(`no cartridge ${cart}`);
  return m.bit;
}
