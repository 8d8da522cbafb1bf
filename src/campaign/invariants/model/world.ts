import type { ContractFact, Fact, GoalFact, PaymentFact } from '../facts.js';
import type { ContentFacts } from './content.js';
import { FlashModel } from './flash.js';
import { RecentIds } from './recent-ids.js';
import { type Ledger, bank, checkIn, copyLedger, emptyLedger, figuresDiffer, ledgerFrom, obligationsDiffer, settle } from './ledger.js';
import { type GoalModel, type MissionModel, copyMission, expectedOutcome, hasFailed, lockedAt, missionFromGoals, openAt, reachedAt, watchedAt } from './mission.js';
import { atMatches } from './predicate.js';
import { TICK_MS, type VarValue, VARIABLES, absorb, restingVariables } from './rules.js';

/** What the checker is told about the campaign it watches. */
export interface CampaignFacts {
  /** Missions the campaign was asked to play. */
  readonly missions: number;
  /** Faults are injected: a clean run's rules (no rejects, no dead letters) do not apply. */
  readonly faults: boolean;
}

/** What of the model a commit keeps: enough to know what a boot into that commit must bring back. */
export interface Snapshot {
  readonly ledger: Ledger;
  readonly mission: MissionModel | null;
  readonly board: readonly ContractFact[];
  /** How many opportunity keys had gone by then (`World.gone` is append-only: a boot drops the later ones). */
  readonly goneMark: number;
}

/** A run judged ahead by the model is at most this long (a run is bounded by its settle deadline, far shorter). */
const MAX_JUDGE_AHEAD = 1_000_000;
/** Ticks noted where a verdict could change unjudged by the ticker (one is a violation already). */
const MAX_UNJUDGED = 64;
/** Snapshots kept, by the committed bytes: a boot finds one of the last few commits. */
const MAX_SNAPSHOTS = 128;
/** Opportunity keys remembered as spent. */
const MAX_GONE = 4_096;

/**
 * The reference model of the seeds' rules, fed the facts of one campaign in
 * trace order. It keeps its own books, its own view of the running mission,
 * the board, the carts last seen, the flash's commits, and the hold ticker's
 * judgments; the invariants compare the deck's reports against it. After a
 * boot it becomes the snapshot of the commit the deck booted from.
 */
export class World {
  readonly flash = new FlashModel();
  ledger: Ledger = emptyLedger();
  mission: MissionModel | null = null;
  /** The mission just settled, and what the model expected of its settlement. */
  settled: { mission: MissionModel; outcome: string; forced: PaymentFact[] } | null = null;
  /** What the last check-in should have paid. */
  paid: PaymentFact[] = [];
  board: readonly ContractFact[] = [];
  /** Contracts seen on the board lately (a contract is judged when it first appears). */
  readonly seen = new RecentIds();
  /** Opportunity keys gone from the board, each with its order of going (a snapshot keeps only the count, not a copy). */
  readonly gone = new Map<number, number>();
  private goneCount = 0;
  /** When each cart was last seated, and what is in the slot. */
  readonly cartsSeen = new Map<string, number>();
  cart: string | null = null;
  /** The boot that came before this one's snapshot, and the mission the model held then. */
  booted: { snapshot: Snapshot | null; graceful: boolean } | null = null;
  /** 1-based index of the mission running or last run. */
  missionIndex = 0;
  /** Runs resolved when the campaign began (a campaign continued from an image). */
  baseRuns: number | null = null;
  /** The operator switched the deck off since the last boot (a graceful boot follows). */
  private poweredOff = false;
  /** The hold ticker's variables, as its telemetry moved them, the mission they belong to, and whether the ticker lost them since. */
  vars: Record<string, VarValue> = restingVariables(VARIABLES, 0);
  private varsOf: number | null = null;
  private tickerLost = false;
  /** A resolve sent and not yet settled: it survives a Mission Control restart (its mail waits), not a power cut (dead-lettered). */
  private pendingResolve: { mission: number; due: number; kind: 'complete' | 'abandon'; taken: boolean; awaitingTake: boolean } | null = null;
  private readonly snapshots = new Map<string, Snapshot>();
  tick = 0;

  constructor(
    readonly content: ContentFacts,
    readonly campaign: CampaignFacts,
  ) {}

  apply(f: Fact): void {
    switch (f.kind) {
      case 'accepted':
        return this.accept(f);
      case 'goal':
        return this.goal(f);
      case 'revealed':
        return this.reveal(f.goal);
      case 'escalation': {
        const g = this.mission?.order.find((x) => x.spec.escalation?.id === f.id);
        if (g) g.firedAt = this.tick;
        return;
      }
      case 'phase':
        if (this.mission) {
          this.mission.phase = f.to;
          this.mission.phaseReachedAt.set(f.to, this.tick);
        }
        return;
      case 'resolve':
        return;
      case 'settled':
        return this.settle(f.outcome);
      case 'check-in':
        if (!f.paid.some((p) => p.forced)) this.paid = checkIn(this.ledger);
        return;
      case 'contracts':
        return this.boardIs(f.contracts);
      case 'slot':
        this.cart = f.cart;
        if (f.cart !== null) this.cartsSeen.set(f.cart, f.at);
        return;
      case 'power':
        if (!f.on) this.poweredOff = true;
        return;
      case 'commit':
        this.flash.sent({ tag: f.tag, state: f.state });
        this.remember(f.state);
        return;
      case 'commit-acked':
        return this.flash.acked(f.tag, f.seq);
      case 'commit-lost':
        return this.flash.lost(f.tag);
      case 'commit-failed':
        return this.flash.failed(f.tag);
      case 'flash-read':
        // What the next boot boots from: a boot read's answer (a remount after a brownout boots nothing).
        if (!f.remount) {
          const owed = this.flash.newestMustSurvive(f) || (this.poweredOff && this.flash.savedForPowerOff(f)) ? this.flash.lastSent : null;
          this.flash.lastRead = { state: f.state, seq: f.seq, damaged: f.damaged, dropped: f.dropped, owed };
        }
        return;
      case 'ready':
        return this.boot(f);
      case 'ticker-telemetry':
        return this.telemetry(f.due, f.body);
      case 'ticker-tick':
        return this.tickerJudged(f.due);
      case 'ticker-down':
        this.tickerLost = true;
        if (this.mission) {
          this.mission.tickerRestarted = true;
          // The tick its handler failed on is dropped with the crash (a stalled ticker's may be long past).
          if (f.lost !== null) this.mission.down.push([f.lost, f.lost]);
          this.mission.down.push([this.tick, Number.POSITIVE_INFINITY]);
        }
        return;
      case 'resolve-delayed':
        if (this.pendingResolve) this.pendingResolve.due += f.ticks;
        if (this.mission && this.mission.resolveDue !== null && this.mission.outcome === null) this.mission.resolveDue += f.ticks;
        return;
      case 'resolve-refused':
        this.pendingResolve = null;
        if (this.mission && this.mission.outcome === null) {
          this.mission.resolveDue = null;
          this.mission.resolveKind = null;
        }
        return;
      case 'resolve-taken': {
        const p = this.pendingResolve;
        if (!p) return;
        p.taken = true;
        // After a boot the restored mission is resolved when Mission Control takes the resolve from its mail.
        if (p.awaitingTake && this.mission?.id === p.mission && this.mission.resolveDue === null) {
          this.mission.resolveDue = this.tick;
          this.mission.resolveKind = p.kind;
          p.awaitingTake = false;
        }
        return;
      }
      case 'mission-control-down':
        // A resolve Mission Control had taken (settling) is lost with its memory; one still in its mail, or
        // the very one its handler failed on (requeued), resolves the mission it restores.
        if (this.pendingResolve?.taken && f.during !== 'op/complete' && f.during !== 'op/abandon') this.pendingResolve = null;
        else if (this.pendingResolve) this.pendingResolve.taken = false;
        return;
      case 'verdicts': {
        const m = this.mission;
        if (m && !m.heard.has(f.judged) && m.heard.size < 4_096) m.heard.set(f.judged, f.due);
        // What the deck does with them is checked against the model's own judgment of that tick.
        this.judgeThrough(f.judged);
        return;
      }
      case 'dead-letter':
        // A resolve lost with the deck's memory never reached it: the mission plays on.
        if (f.to === 'mission-control' && (f.message === 'op/complete' || f.message === 'op/abandon')) {
          this.pendingResolve = null;
          if (this.mission) {
            this.mission.resolveDue = null;
            this.mission.resolveKind = null;
          }
        }
        return;
      case 'ticker-up': {
        const last = this.mission?.down.at(-1);
        if (last && last[1] === Number.POSITIVE_INFINITY) last[1] = this.tick;
        return;
      }
      default:
        return;
    }
  }

  /**
   * After every invariant has judged a report of the books: where the deck's differ from the model's
   * (a violation already counted), the model carries on from the deck's, so one discrepancy is reported
   * once, not at every later report.
   */
  adopt(f: Fact): void {
    if (f.kind !== 'settled' && f.kind !== 'check-in') return;
    if (figuresDiffer(this.ledger, f.figures) !== null) this.ledger = { ...ledgerFrom(f.figures), obligations: this.ledger.obligations };
    if (obligationsDiffer(this.ledger, f.figures) !== null) this.ledger.obligations = f.figures.obligations.map((o) => ({ ...o }));
  }

  /** The boot now reported follows the operator switching the deck off (Mission Control saved before it went). */
  get gracefulBoot(): boolean {
    return this.poweredOff;
  }

  /** A resolve the operator sent: the mission's ticks end the tick before it reaches Mission Control. */
  resolving(due: number, kind: 'complete' | 'abandon'): void {
    const m = this.mission;
    if (m && this.pendingResolve?.mission !== m.id) this.pendingResolve = { mission: m.id, due, kind, taken: false, awaitingTake: false };
    if (m && m.resolveDue === null) {
      m.resolveDue = due;
      m.resolveKind = kind;
    }
  }

  /** A power cut took the deck's memory: the newest commits may be lost now. */
  cut(): void {
    this.flash.cutSince = true;
  }

  private accept(f: Extract<Fact, { kind: 'accepted' }>): void {
    this.missionIndex++;
    this.mission = missionFromGoals(f.id, f.contract, f.schema, f.threat, f.category, f.goals, this.tick, f.at);
    this.freshVars(f.id, f.threat);
    this.settled = null;
  }

  private goal(f: Extract<Fact, { kind: 'goal' }>): void {
    const g = this.mission?.goals.get(f.goal);
    if (!g) return;
    // The settlement forfeits what the run left open after it has judged the run: judge it before that.
    const m0 = this.mission as MissionModel;
    if (f.cause === 'ended-open' && m0.outcome === null) m0.outcome = expectedOutcome(m0);
    g.state = f.to;
    if (g.takenAt === null && (f.cause === 'chosen' || f.to === 'done')) g.takenAt = this.tick;
    if (f.to === 'done') g.doneAt ??= this.tick;
    if (f.to === 'open') g.openedAt = this.tick;
    if (f.from === 'open') g.closedAt = this.tick;
    if (f.from === 'locked') g.unlockedAt = this.tick;
    if (f.to === 'done' && !g.paid) {
      g.paid = true;
      bank(this.ledger, g.spec.rewards);
    }
    const m = this.mission as MissionModel;
    if (m.failedAt === null && hasFailed(m)) m.failedAt = this.tick;
  }

  private reveal(name: string): void {
    const g = this.mission?.goals.get(name);
    if (!g) return;
    g.briefed = true;
    g.revealedAt = this.tick;
  }

  private settle(outcome: string): void {
    this.pendingResolve = null;
    const m = this.mission;
    if (!m) return;
    // The run's every tick is judged, to its end (the tick before the resolve reached Mission Control).
    if (m.resolveDue !== null) this.judgeThrough(m.resolveDue - 1);
    const expected = m.outcome ?? expectedOutcome(m);
    const forced = settle(this.ledger, m, expected);
    this.settled = { mission: m, outcome: expected, forced };
    this.mission = null;
    // Mission Control disarms the ticker as it settles: it watches nothing, and remembers nothing of this run.
    this.varsOf = null;
    void outcome;
  }

  private boardIs(contracts: readonly ContractFact[]): void {
    const keys = new Set(contracts.filter((c) => c.opportunityKey !== 0).map((c) => c.opportunityKey));
    for (const c of this.board) {
      if (c.opportunityKey === 0 || keys.has(c.opportunityKey)) continue;
      if (!this.gone.has(c.opportunityKey)) this.gone.set(c.opportunityKey, ++this.goneCount);
      if (this.gone.size > MAX_GONE) this.gone.delete(this.gone.keys().next().value as number);
    }
    this.board = contracts;
    for (const c of contracts) this.seen.add(c.id);
  }

  /** What the model held when the deck committed `state`. */
  snapshotOf(state: string): Snapshot | undefined {
    return this.snapshots.get(state);
  }

  private remember(state: string): void {
    this.snapshots.delete(state);
    this.snapshots.set(state, { ledger: copyLedger(this.ledger), mission: this.mission ? copyMission(this.mission) : null, board: this.board, goneMark: this.goneCount });
    // Oldest first, but never the chip's newest acknowledged state: a boot after a long run of refused commits needs it.
    for (const key of this.snapshots.keys()) {
      if (this.snapshots.size <= MAX_SNAPSHOTS) break;
      if (key !== this.flash.durable?.state) this.snapshots.delete(key);
    }
  }

  /**
   * A boot: the model becomes the snapshot of the commit the deck booted from (or a fresh deck); the
   * invariants have already compared the deck's report with it. A mission the deck restored is watched
   * from this tick on.
   */
  private boot(f: Extract<Fact, { kind: 'ready' }>): void {
    const state = this.flash.lastRead?.state ?? null;
    const snapshot = state === null ? null : (this.snapshots.get(state) ?? null);
    this.booted = { snapshot, graceful: this.poweredOff };
    this.poweredOff = false;
    if (snapshot !== null) {
      this.ledger = copyLedger(snapshot.ledger);
      // What left the board in commits the boot did not come back to never left.
      for (const [key, order] of this.gone) if (order > snapshot.goneMark) this.gone.delete(key);
      this.goneCount = snapshot.goneMark;
      this.board = snapshot.board;
    } else if (state === null) this.ledger = emptyLedger();
    else this.ledger = ledgerFrom(f.figures);
    // Booting begins a session; the boot's own changes (a reaped and refilled board) come as told.
    this.ledger.session = f.figures.session;
    this.baseRuns ??= this.ledger.runs;
    this.flash.settleOn(state);
    for (const s of f.cartsSeen) this.cartsSeen.set(s.cart, s.at);
    this.boardIs(f.contracts);
    this.mission = f.mission === null ? null : this.restored(f, snapshot?.mission ?? null);
    // A resolve sent before Mission Control restarted, and taken again while it booted, resolves the restored
    // mission now; one still in its mail, when Mission Control takes it (resolve-taken).
    const p = this.pendingResolve;
    if (this.mission && p?.mission === this.mission.id) {
      if (p.taken) {
        this.mission.resolveDue = this.tick + 1;
        this.mission.resolveKind = p.kind;
      } else p.awaitingTake = true;
    }
    // A ticker that watched this very mission before Mission Control restarted keeps what its telemetry told it.
    if (this.mission === null || this.mission.id !== this.varsOf || this.tickerLost) this.freshVars(this.mission?.id ?? null, this.mission?.threat ?? 0);
  }

  private freshVars(mission: number | null, threat: number): void {
    this.vars = restingVariables(VARIABLES, threat);
    this.varsOf = mission;
    this.tickerLost = false;
  }

  private restored(f: Extract<Fact, { kind: 'ready' }>, before: MissionModel | null): MissionModel {
    const r = f.mission as NonNullable<typeof f.mission>;
    const m = missionFromGoals(r.id, `C-${r.id.toString(16).toUpperCase().padStart(4, '0')}`, r.schema, before?.threat ?? 0, before?.category ?? '', r.goals, this.tick, before?.acceptedAtMs ?? null);
    m.phase = Math.max(1, ...r.goals.filter((g) => g.state !== 'locked').map((g) => g.phase));
    for (let p = 1; p <= m.phase; p++) m.phaseReachedAt.set(p, this.tick);
    if (before?.acceptedAtMs != null) m.timerBase = Math.max(0, this.tick - Math.round((f.at - before.acceptedAtMs) / TICK_MS));
    if (before) {
      (m as { threat: number }).threat = before.threat;
      for (const g of m.order) g.paid = before.goals.get(g.spec.goal)?.paid ?? g.state === 'done';
    }
    return m;
  }

  /** The hold ticker judged tick `t` (a clock tick, a watch): the model judges every tick up to it. */
  private tickerJudged(t: number): void {
    this.mission?.judged.add(t);
    this.judgeThrough(t);
  }

  /**
   * Telemetry the ticker handled, due at `d`: the ticks before are judged on the record as it was, and
   * the ticker judges `d` on the record it moved (again, if `d` was judged already).
   */
  private telemetry(d: number, body: Readonly<Record<string, unknown>>): void {
    this.judgeThrough(d - 1);
    absorb(this.vars, body);
    const m = this.mission;
    if (!m) return;
    m.judged.add(d);
    if (d <= m.modelJudged) this.judgeTick(m, d);
    else this.judgeThrough(d);
  }

  /**
   * Seed 003 §4, "the engine evaluates :hold predicates each tick": the model does, on every tick of
   * the run from the tick after it was armed, with the variables as the ticker's telemetry had moved
   * them by then (they move only by telemetry; `tick` and `timer` by the clock), whatever the ticker did.
   */
  private judgeThrough(t: number): void {
    const m = this.mission;
    if (!m) return;
    const last = m.resolveDue !== null ? Math.min(t, m.resolveDue - 1) : t;
    // Bounded: a run is bounded by its settle deadline, far below this.
    const from = Math.max(m.modelJudged + 1, m.watchFrom + 1, last - MAX_JUDGE_AHEAD);
    for (let u = from; u <= last; u++) this.judgeTick(m, u);
    m.modelJudged = Math.max(m.modelJudged, last);
  }

  private judgeTick(m: MissionModel, t: number): void {
    if (!watchedAt(m, t)) return;
    this.vars.tick = t;
    this.vars.timer = t - m.timerBase;
    for (const g of m.order) judgeGoal(m, g, t, this.vars);
  }

  /** The deck's snapshot of a goal list after a boot (for the restore checks). */
  static doneGoals(goals: readonly GoalFact[] | readonly GoalModel[]): string[] {
    return goals.flatMap((g) => ('spec' in g ? (g.state === 'done' ? [g.spec.goal] : []) : g.state === 'done' ? [g.goal] : []));
  }
}

/**
 * Judge `g`'s checks at tick `t`. Where a watched check answers differently than on the tick before,
 * the verdicts may change there: that is a tick the ticker must have judged (holds-judged).
 */
function judgeGoal(m: MissionModel, g: GoalModel, t: number, vars: Readonly<Record<string, VarValue>>): void {
  const a = g.answers;
  if (g.hold !== null && g.violatedAt === null && openAt(g, t)) {
    const v = g.hold.judge(vars);
    a.hold = moved(m, a.hold, v, t);
    if (v === false || v === 'error') g.violatedAt = t;
  } else a.hold = undefined;
  if (g.failOn !== null && g.failOnAt === null && openAt(g, t)) {
    const v = g.failOn.judge(vars);
    a.failOn = moved(m, a.failOn, v, t);
    if (v === true) g.failOnAt = t;
  } else a.failOn = undefined;
  const latent = !g.briefed || (g.revealedAt !== null && g.revealedAt >= t);
  if (g.spec.at !== null && g.atAt === null && g.spec.escalation === null && latent && reachedAt(m, g, t) && lockedAt(g, t)) {
    const v = atMatches(g.spec.at, vars);
    a.at = moved(m, a.at, v, t);
    if (v === true) g.atAt = t;
  } else a.at = undefined;
  if (g.condition !== null && g.escalateAt === null && (g.firedAt === null || g.firedAt >= t) && lockedAt(g, t) && reachedAt(m, g, t)) {
    const v = g.condition.judge(vars);
    a.condition = moved(m, a.condition, v, t);
    if (v === true) g.escalateAt = t;
  } else a.condition = undefined;
}

/** A check's answer at `t` after `before` on the tick before (undefined: not watched then); a change is noted unless the ticker judged `t`. */
function moved<V>(m: MissionModel, before: V | undefined, now: V, t: number): V {
  if (before !== undefined && before !== now && !m.judged.has(t) && m.unjudged.length < MAX_UNJUDGED && m.unjudged.at(-1) !== t) m.unjudged.push(t);
  return now;
}
