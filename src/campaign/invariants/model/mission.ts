import type { GoalFact } from '../facts.js';
import { type Predicate, type Verdict, predicate } from './predicate.js';
import { TickSet } from './tick-set.js';

/**
 * One running mission as the reference model knows it: every goal of the
 * instance as the deck declared it at acceptance, its state as the deck's
 * reports moved it, and the ticks at which it opened and closed (what the
 * hold ticker was watching at any tick follows from those), whether it is
 * briefed, whether its `:on-complete` rewards were paid.
 */
export interface GoalModel {
  readonly spec: GoalFact;
  state: string;
  briefed: boolean;
  /** Its :on-complete rewards were paid (a goal pays at most once, even across restores). */
  paid: boolean;
  /** Ticks (Mission Control's) it went open, and left open. */
  openedAt: number | null;
  closedAt: number | null;
  /** The tick it stopped being :locked (opened or voided); a goal that never was, the tick the model met it. */
  unlockedAt: number | null;
  /** Its escalation fired, or its latent self was revealed, at these ticks. */
  firedAt: number | null;
  revealedAt: number | null;
  /** The tick it was taken (chosen, or closed done: its `:excludes` are void from then), and the tick it was done (its `:voids` too). */
  takenAt: number | null;
  doneAt: number | null;
  /** The first tick the hold ticker judged at which its hold was false, its fail-on true, its `:at` matched, its escalation's condition held. */
  violatedAt: number | null;
  failOnAt: number | null;
  atAt: number | null;
  escalateAt: number | null;
  readonly hold: Predicate | null;
  readonly failOn: Predicate | null;
  readonly condition: Predicate | null;
  /** What each check answered on the last tick the model judged it (undefined: not watched then). */
  answers: { hold?: Verdict; failOn?: Verdict; at?: boolean | 'unmodeled'; condition?: Verdict };
}

export interface MissionModel {
  readonly id: number;
  readonly label: string;
  readonly schema: string;
  readonly threat: number;
  readonly category: string;
  /** Deck ms it was accepted (null: accepted before this campaign's trace began). */
  readonly acceptedAtMs: number | null;
  /** `timer` counts ticks from here. */
  timerBase: number;
  /** The hold ticker watches it from the tick after this one (acceptance, or the boot that restored it). */
  watchFrom: number;
  readonly goals: Map<string, GoalModel>;
  /** Goals in layout order (phase by phase, as the phase chain's bits go). */
  readonly order: GoalModel[];
  /** 1-based active phase, and the tick each phase was reached. */
  phase: number;
  readonly phaseReachedAt: Map<number, number>;
  /** The operator's resolve reached Mission Control at this tick (the run's ticks end the tick before). */
  resolveDue: number | null;
  resolveKind: 'complete' | 'abandon' | null;
  /** The tick the mission failed (a counted primary failed, was forfeited or became unreachable): nothing is watched after it. */
  failedAt: number | null;
  /**
   * When the hold ticker's verdicts of a tick reached Mission Control (judged tick → due tick). A
   * stalled ticker's verdicts arrive late: what the deck did meanwhile (the mission failed, a branch
   * voided the goal) stands, and the late verdict about it is moot.
   */
  readonly heard: Map<number, number>;
  /** The outcome, judged as the settlement began (before it forfeited the goals the run left open). */
  outcome: string | null;
  /** The hold ticker restarted during the run: what it judged before is gone, exact tick checks do not apply. */
  tickerRestarted: boolean;
  /** Ticks the hold ticker judged during the run (the latest of them), and the ticks it was down. */
  readonly judged: TickSet;
  readonly down: Array<[number, number]>;
  /** The model has judged every tick of the run up to this one itself. */
  modelJudged: number;
  /** Ticks on which a watched check's answer changed but the ticker judged nothing (first few). */
  readonly unjudged: number[];
}

export function missionFromGoals(id: number, label: string, schema: string, threat: number, category: string, goals: readonly GoalFact[], tick: number, acceptedAtMs: number | null): MissionModel {
  const m: MissionModel = {
    id,
    label,
    schema,
    threat,
    category,
    acceptedAtMs,
    timerBase: tick,
    watchFrom: tick,
    goals: new Map(),
    order: [],
    phase: 1,
    phaseReachedAt: new Map([[1, tick]]),
    resolveDue: null,
    resolveKind: null,
    failedAt: null,
    outcome: null,
    tickerRestarted: false,
    judged: new TickSet(),
    down: [],
    heard: new Map(),
    modelJudged: tick,
    unjudged: [],
  };
  for (const spec of goals) {
    const g: GoalModel = {
      spec,
      state: spec.state,
      briefed: spec.briefed,
      paid: false,
      openedAt: spec.state === 'open' ? tick : null,
      closedAt: null,
      unlockedAt: spec.state === 'locked' ? null : tick,
      firedAt: null,
      revealedAt: null,
      takenAt: null,
      doneAt: null,
      violatedAt: null,
      failOnAt: null,
      atAt: null,
      escalateAt: null,
      hold: spec.hold === null ? null : predicate(spec.hold),
      failOn: spec.failOn === null ? null : predicate(spec.failOn),
      condition: spec.escalation === null ? null : predicate(spec.escalation.condition),
      answers: {},
    };
    m.goals.set(spec.goal, g);
    m.order.push(g);
  }
  return m;
}

/** A deep copy (what a commit's snapshot keeps of the running mission). */
export function copyMission(m: MissionModel): MissionModel {
  const goals = new Map<string, GoalModel>();
  const order = m.order.map((g) => {
    const c = { ...g, answers: {} };
    goals.set(c.spec.goal, c);
    return c;
  });
  // What the ticker judged belongs to the run as it went: a mission restored from this copy is watched afresh.
  return { ...m, goals, order, phaseReachedAt: new Map(m.phaseReachedAt), judged: new TickSet(), down: [], heard: new Map(), unjudged: [] };
}

/** Seed 003 §5, §2.1: the primaries that decide a mission are the briefed ones not voided by a branch. */
export function countedPrimaries(m: MissionModel): GoalModel[] {
  return m.order.filter((g) => g.spec.role === 'primary' && g.briefed && g.state !== 'void');
}

/**
 * The outcome the seeds give the run: a counted primary failed or forfeited fails it (whatever is asked);
 * otherwise abandoning abandons it; otherwise it succeeds iff every counted primary is done.
 */
export function expectedOutcome(m: MissionModel): string {
  if (hasFailed(m)) return 'failure';
  const counted = countedPrimaries(m);
  if (m.resolveKind === 'abandon') return 'abandoned';
  return counted.every((g) => g.state === 'done') ? 'success' : 'failure';
}

/** Whether a counted primary failed, was forfeited, or can no longer be done. */
export function hasFailed(m: MissionModel): boolean {
  return countedPrimaries(m).some((g) => g.state === 'failed' || g.state === 'forfeit' || unreachable(m, g));
}

/** A goal not done that waits on a goal that failed or was forfeited can never be done (seed 003 §5 "becomes unreachable"). */
function unreachable(m: MissionModel, g: GoalModel, depth = 0): boolean {
  if (g.state === 'done' || depth > 32) return false;
  return g.spec.requires.some((name) => {
    const r = m.goals.get(name);
    return r !== undefined && (r.state === 'failed' || r.state === 'forfeit' || unreachable(m, r, depth + 1));
  });
}

/** Whether the ticker was watching `g`'s hold (or fail-on) at tick `t`: open since before `t`, not closed before it. */
/** Whether the deck heard the verdicts of tick `t` only after tick `by` (it acted on something else first). */
export function heardAfter(m: MissionModel, t: number, by: number | null): boolean {
  const at = m.heard.get(t);
  return by !== null && t <= by && at !== undefined && at > by;
}

export function watchedAt(m: MissionModel, t: number): boolean {
  return m.failedAt === null || m.failedAt >= t;
}

export function openAt(g: GoalModel, t: number): boolean {
  return g.openedAt !== null && g.openedAt < t && (g.closedAt === null || g.closedAt >= t);
}

/** Whether `g` was still :locked at tick `t` (an escalation or `:at` trigger is armed only over a locked goal). */
export function lockedAt(g: GoalModel, t: number): boolean {
  return g.unlockedAt === null || g.unlockedAt >= t;
}

/** Whether `g`'s phase had been reached by tick `t` (armed escalations and `:at` triggers). */
export function reachedAt(m: MissionModel, g: GoalModel, t: number): boolean {
  const at = m.phaseReachedAt.get(g.spec.phase);
  return at !== undefined && at < t;
}
