import type { PredicateVars } from '../lisp/compile-predicate.js';
import { describeCondition } from './conditions.js';
import type { FailureReason, MissionEvent, Outcome } from './events.js';
import type { GoalSpec } from './goal-cell.js';
import { GoalNode, isCountedPrimary } from './goal-node.js';
import { type Verdicts, type WatchSpec, WatchList } from './holds.js';
import { drawLimbs } from './limbs.js';
import { MAX_PHASES, MAX_SEED } from './limits.js';
import { type PayoutFunction, identityPayout, resolveReward } from './payout.js';
import { type PhaseChain, type Resolution, decodePhaseChain, encodePhaseChain, layoutFingerprint } from './phase-chain.js';
import { PhaseChainError } from './errors.js';
import type { ObjectiveSchema, EscalationSpec } from './schema.js';
import { type SettleKind, type Settlement, allCountedDone, closeHeld, computeSettlement } from './settlement.js';
import { type GoalState, type TransitionCause, isDead, isLegalTransition, isTerminal } from './state-machine.js';
import { type GoalView, type MissionSnapshot, goalView } from './views.js';
import { type VerbContext, type VerbName, type VerbResult, checkChoose, checkClose, checkReveal, lockReason, unknownGoal } from './verbs.js';
import { isReachable } from './reachability.js';
import { at } from '../assert.js';

export { VERB_NAMES, type VerbError, type VerbErrorCode, type VerbName, type VerbResult } from './verbs.js';

export interface MissionOptions {
  /** The instance seed: draws the limbs, and is stored in the phase chain. A safe non-negative integer. */
  readonly seed: number;
  /** Routes `(scale N)` ¤ amounts through the economy (default: the base, unscaled). */
  readonly payout?: PayoutFunction;
  /** The threat level Mission Control chose for this instance, passed to the payout function. */
  readonly threat?: number | null;
  /** Called with every event as it happens (the same events each call returns). */
  readonly onEvent?: (event: MissionEvent) => void;
}

export type SettleResult =
  | { readonly ok: true; readonly settlement: Settlement; readonly events: readonly MissionEvent[] }
  | { readonly ok: false; readonly error: { readonly code: 'mission-over'; readonly message: string } };

export type MissionStatus = 'running' | 'failed' | 'resolved';

const NO_EVENTS: readonly MissionEvent[] = Object.freeze([]);
/** A mission's checks are bounded (limits.ts); so are the distinct errors it remembers having reported. */
const MAX_REPORTED_ERRORS = 256;

interface Escalation {
  readonly spec: EscalationSpec;
  readonly goal: GoalNode;
  fired: boolean;
}

/**
 * A mission instance: the objective graph of one accepted contract (seed 003
 * §2–§8). Pure and deterministic: no I/O, no clock, no Math.random; the same
 * schema, seed and calls give the same events.
 *
 * Every mutation is a transaction: a verb is checked completely first (an
 * illegal one returns a VerbError and changes nothing), then applied, then the
 * consequences run to a fixed point (voids, OR-groups, unlocks, phase
 * advances), then mission failure and readiness are re-judged. Each state
 * change is a `goal/changed` event through `isLegalTransition`.
 */
export class Mission {
  readonly schema: ObjectiveSchema;
  readonly seed: number;
  readonly threat: number | null;
  private readonly goals: GoalNode[] = [];
  private readonly byName = new Map<string, GoalNode>();
  private readonly phases: GoalNode[][];
  private readonly escalations: Escalation[] = [];
  private readonly onEvent: ((e: MissionEvent) => void) | undefined;
  private active = 0;
  private status_: MissionStatus = 'running';
  private failure_: { readonly goal: string; readonly reason: FailureReason } | null = null;
  private outcome_: Outcome | null = null;
  private ready = false;
  private seq = 0;
  private silent = false;
  private pending: MissionEvent[] = [];
  private readonly openCauses = new Map<GoalNode, TransitionCause>();
  private watch: WatchList | null = null;
  private watchVersion = 0;
  /** Set while a restore rebuilds state: phases stay where the chain put them. */
  private phaseFrozen = false;
  /** Check errors already reported (by message: it names the check and the goal). */
  private readonly reportedErrors = new Set<string>();
  private fingerprint_: number | null = null;
  private chainAt: { readonly version: number; readonly value: Uint8Array } | null = null;
  /** The last snapshot and the version it was taken at; a silent change (a restore) drops it. */
  private snapshotAt: { readonly version: number; readonly value: MissionSnapshot } | null = null;

  private constructor(schema: ObjectiveSchema, options: MissionOptions) {
    if (!Number.isSafeInteger(options.seed) || options.seed < 0 || options.seed > MAX_SEED) {
      throw new RangeError(`a mission seed is a safe non-negative integer, got ${options.seed}`);
    }
    this.schema = schema;
    this.seed = options.seed;
    this.threat = options.threat ?? null;
    this.onEvent = options.onEvent;
    const payout = options.payout ?? identityPayout;
    this.phases = schema.phases.map(() => []);
    if (this.phases.length > MAX_PHASES) throw new RangeError(`${this.phases.length} phases; the limit is ${MAX_PHASES}`);

    const add = (spec: GoalSpec, phase: number, origin: GoalNode['origin'], escalation: number, parent: GoalNode | null): void => {
      const context = { schema: schema.name, formula: schema.payoutFormula, goal: spec.name, seed: this.seed, threat: this.threat };
      const rewards = spec.rewards.map((r) => resolveReward(r, payout, context));
      const list = at(this.phases, phase);
      const node = new GoalNode(this.goals.length, spec, phase, list.length, origin, escalation, parent, rewards);
      this.goals.push(node);
      list.push(node);
      this.byName.set(spec.name, node);
      parent?.children.push(node);
      for (const child of spec.group?.children ?? []) add(child, phase, origin, escalation, node);
    };
    // Phase layout: spine, then drawn limbs in pool order, then escalation goals. The chain's bits follow it.
    const drawn = drawLimbs(schema, this.seed);
    schema.phases.forEach((goals, p) => {
      for (const g of goals) add(g, p, 'spine', -1, null);
      drawn.forEach((d) => {
        if ((schema.pools[d.pool]?.phase ?? 0) === p) for (const g of d.goals) add(g, p, 'pool', -1, null);
      });
      for (const e of schema.escalations) if (e.phase === p) add(e.goal, p, 'escalation', e.id, null);
    });
    for (const e of schema.escalations) this.escalations.push({ spec: e, goal: this.byName.get(e.goal.name) as GoalNode, fired: false });

    this.link();
    // The starting states are the snapshot a trace begins from: computed, not reported.
    this.silently(() => this.cascade());
  }

  /** Instantiate a schema: the spine, the limbs this seed draws, every reward amount final. */
  static instantiate(schema: ObjectiveSchema, options: MissionOptions): Mission {
    return new Mission(schema, options);
  }

  /**
   * Rebuild a mission from its phase chain (after a power cycle): the same
   * schema and the chain's seed give the same goals, checked against the
   * chain's fingerprint; the done goals and the active phase come from the
   * chain. Decision: only completion survives (§8: "only the bitmask is
   * persisted"): a choice made but not completed, a forfeit or a failure is
   * re-derived from what is done, not remembered, except that an unfinished
   * `:hold` is forfeited (nobody watched it while the deck was off). Rewards of
   * done goals were banked when they closed and are not reported again.
   */
  static restore(schema: ObjectiveSchema, chain: PhaseChain | Uint8Array, options: Omit<MissionOptions, 'seed'> = {}): Mission {
    const decoded = chain instanceof Uint8Array ? decodePhaseChain(chain) : chain;
    const mission = new Mission(schema, { ...options, seed: decoded.seed });
    if (mission.fingerprint() !== decoded.fingerprint || mission.phases.length !== decoded.phases.length) {
      throw new PhaseChainError(`it belongs to another mission: schema :${schema.name} with seed ${decoded.seed} lays out different goals (fingerprint ${mission.fingerprint()} ≠ ${decoded.fingerprint})`);
    }
    decoded.phases.forEach((record, p) => {
      const goals = at(mission.phases, p);
      if (record.goalCount !== goals.length) throw new PhaseChainError(`phase ${p + 1} has ${record.goalCount} goals in the chain but ${goals.length} in the mission`);
    });
    mission.silently(() => {
      mission.active = decoded.activePhase;
      // The chain says which phase is active; what held it there (an escalation goal open, say) was not saved,
      // so the restore itself must not advance past it. The next change may.
      mission.phaseFrozen = true;
      for (const [p, record] of decoded.phases.entries()) {
        for (const slot of record.done) {
          const g = (at(mission.phases, p))[slot] as GoalNode;
          g.state = 'done';
          g.briefed = true;
          if (g.escalation >= 0) (mission.escalations.find((e) => e.goal === g) as Escalation).fired = true;
        }
      }
      for (const g of mission.goals) if (g.state === 'done') mission.commit(g);
      mission.cascade();
      // A hold is certified by the engine watching every tick; a restore cannot vouch for the ticks it did not
      // see, so an unfinished hold is forfeited rather than paid on trust (a power cycle must not clear a violation).
      for (const g of mission.goals) {
        if (g.isHold && g.state === 'open') {
          g.state = 'forfeit';
          g.violated = true;
        }
      }
      mission.cascade();
      mission.phaseFrozen = false;
      if (decoded.resolution !== 'running') {
        mission.status_ = 'resolved';
        mission.outcome_ = decoded.resolution === 'abandoned' ? 'abandoned' : decoded.resolution;
      }
    });
    return mission;
  }

  // ——— queries ———

  get status(): MissionStatus {
    return this.status_;
  }

  /** 0-based index of the active phase. */
  get activePhase(): number {
    return this.active;
  }

  get phaseCount(): number {
    return this.phases.length;
  }

  get failure(): { readonly goal: string; readonly reason: FailureReason } | null {
    return this.failure_;
  }

  get outcome(): Outcome | null {
    return this.outcome_;
  }

  /**
   * Counts the events the mission has reported: every change of what a snapshot shows comes with one,
   * so a view built at one version (bindings, the panel) stays the mission's until the version moves.
   */
  get version(): number {
    return this.seq;
  }

  /** Whether `complete-mission` would succeed now. */
  get isReady(): boolean {
    return this.ready;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  goalNames(): string[] {
    return this.goals.map((g) => g.name);
  }

  /** `goal-state`: the state of one goal, or an unknown-goal error. */
  state(name: string): VerbResult {
    const g = this.byName.get(name);
    if (g === undefined) return { ok: false, error: unknownGoal(this.verbContext(), 'goal-state', name) };
    return { ok: true, goal: name, state: g.state, events: NO_EVENTS };
  }

  info(name: string): GoalView | null {
    const g = this.byName.get(name);
    return g === undefined ? null : goalView(g, this.escalationOf(g));
  }

  /** The snapshot as of `version` (read-only: every caller shares it until the mission changes). */
  snapshot(): MissionSnapshot {
    if (this.snapshotAt?.version !== this.seq) this.snapshotAt = { version: this.seq, value: this.takeSnapshot() };
    return this.snapshotAt.value;
  }

  private takeSnapshot(): MissionSnapshot {
    return {
      schema: this.schema.name,
      seed: this.seed,
      threat: this.threat,
      status: this.status_,
      outcome: this.outcome_,
      failure: this.failure_,
      ready: this.ready,
      activePhase: this.active + 1,
      phases: this.phases.map((goals, p) => ({ phase: p + 1, goals: goals.map((g) => g.name) })),
      goals: this.goals.map((g) => goalView(g, this.escalationOf(g))),
    };
  }

  /** The goals not done, with their states: the live "what's missing" (OQ-2), e.g. for a `:partial` capability result. */
  missing(): { goal: string; phase: number; role: 'primary' | 'optional'; briefed: boolean; state: GoalState }[] {
    return this.goals.filter((g) => g.state !== 'done').map((g) => ({ goal: g.name, phase: g.phase + 1, role: g.role, briefed: g.briefed, state: g.state }));
  }

  private escalationOf(g: GoalNode): GoalView['escalation'] {
    const e = this.escalations.find((x) => x.goal === g);
    return e === undefined ? null : { id: e.spec.id, condition: e.spec.condition.source, when: describeCondition(e.spec.condition), fired: e.fired };
  }

  // ——— goal verbs (§7) ———

  /** `(goal-complete 'x)`: :open → :done; pays its :on-complete rewards; applies its excludes/voids. */
  complete(name: string): VerbResult {
    const g = this.byName.get(name);
    const error = checkClose(this.verbContext(), 'goal-complete', name, g);
    if (error !== null) return { ok: false, error };
    const goal = g as GoalNode;
    const events = this.transact(() => {
      this.move(goal, 'done', 'completed');
      this.commit(goal);
    });
    return { ok: true, goal: name, state: goal.state, events };
  }

  /** `(goal-fail 'x)`: :open → :failed (a counted primary failing fails the mission). */
  fail(name: string): VerbResult {
    const g = this.byName.get(name);
    const error = checkClose(this.verbContext(), 'goal-fail', name, g);
    if (error !== null) return { ok: false, error };
    const goal = g as GoalNode;
    const events = this.transact(() => this.move(goal, 'failed', 'failed'));
    return { ok: true, goal: name, state: goal.state, events };
  }

  /** `(goal-reveal 'x)`: a latent goal becomes briefed and opens if nothing else holds it. */
  reveal(name: string): VerbResult {
    const g = this.byName.get(name);
    const error = checkReveal(this.verbContext(), name, g, g === undefined ? null : (this.escalationOf(g)?.condition ?? null));
    if (error !== null) return { ok: false, error };
    const goal = g as GoalNode;
    const events = this.transact(() => this.revealGoal(goal, 'verb'));
    return { ok: true, goal: name, state: goal.state, events };
  }

  /**
   * `(goal-choose 'x)`: resolves a :branch — the chosen child opens and its
   * siblings (and whatever it excludes or voids) become :void. On a goal in an
   * `:excludes` set outside a branch, it commits to that open goal the same way.
   */
  choose(name: string): VerbResult {
    const g = this.byName.get(name);
    const error = checkChoose(this.verbContext(), name, g);
    if (error !== null) return { ok: false, error };
    const goal = g as GoalNode;
    const events = this.transact(() => {
      goal.chosen = true;
      this.openCauses.set(goal, 'chosen');
      this.commit(goal);
    });
    return { ok: true, goal: name, state: goal.state, events };
  }

  /** Dispatch a verb by name: what Mission Control does with a goal-verb message. */
  verb(verb: VerbName, goal: string): VerbResult {
    switch (verb) {
      case 'goal-complete':
        return this.complete(goal);
      case 'goal-reveal':
        return this.reveal(goal);
      case 'goal-choose':
        return this.choose(goal);
      case 'goal-fail':
        return this.fail(goal);
      case 'goal-state':
        return this.state(goal);
    }
  }

  private verbContext(): VerbContext {
    return { status: this.status_, outcome: this.outcome_, failure: this.failure_, active: this.active, goalNames: () => this.goalNames() };
  }

  // ——— holds and escalations (§4, §6) ———

  /**
   * One tick: evaluate every live `:hold`, `:fail-on`, escalation and `:at`
   * trigger against `vars`, then apply the verdicts. Conditions are judged on
   * the goals live at the start of the tick; a goal that a verdict opens is
   * watched from the next tick.
   */
  tick(vars: PredicateVars): readonly MissionEvent[] {
    if (this.status_ !== 'running') return NO_EVENTS;
    const verdicts = this.watchList().check(vars);
    return verdicts === null ? NO_EVENTS : this.applyVerdicts(verdicts);
  }

  /**
   * Apply verdicts from a hold ticker (or from `tick`): escalations first, then
   * reveals, fail-ons and hold violations. A verdict about a goal that has
   * moved on since (closed, already revealed) is ignored.
   */
  applyVerdicts(v: Verdicts): readonly MissionEvent[] {
    if (this.status_ !== 'running') return NO_EVENTS;
    return this.transact(() => {
      for (const id of v.fired) {
        const e = this.escalations.find((x) => x.spec.id === id);
        if (e === undefined || e.fired || e.spec.phase > this.active) continue;
        e.fired = true;
        this.emit({ kind: 'escalation/fired', seq: 0, id, goal: e.goal.name, condition: e.spec.condition.source });
        this.openCauses.set(e.goal, 'spawned');
        this.revealGoal(e.goal, 'escalation');
      }
      for (const name of v.revealed) {
        const g = this.byName.get(name);
        if (g === undefined || g.briefed || g.escalation >= 0 || isTerminal(g.state)) continue;
        this.revealGoal(g, 'at');
      }
      for (const name of v.failed) {
        const g = this.byName.get(name);
        if (g !== undefined && g.state === 'open' && g.spec.failOn !== null) this.move(g, 'failed', 'fail-on');
      }
      for (const name of v.violated) {
        const g = this.byName.get(name);
        if (g === undefined || g.state !== 'open' || !g.isHold) continue;
        g.violated = true;
        this.emit({ kind: 'hold/violated', seq: 0, goal: g.name, hold: g.spec.hold?.source ?? '' });
        this.move(g, 'forfeit', 'hold-violated');
      }
      for (const e of v.errors) {
        // Once per check and mission: the watch list is rebuilt after every change and would report it again.
        if (this.reportedErrors.has(e.message)) continue;
        if (this.reportedErrors.size < MAX_REPORTED_ERRORS) this.reportedErrors.add(e.message);
        this.emit({ kind: 'hold/error', seq: 0, goal: e.goal, message: e.message });
      }
    });
  }

  /**
   * Every open `:hold` is forfeited: the engine could not judge it every tick (the hold ticker restarted
   * and lost what it saw, or ticks went unjudged). A hold is certified by being watched; one that was
   * not cannot pay (the same rule a restore from the phase chain applies).
   */
  forfeitUnwatchedHolds(): readonly MissionEvent[] {
    if (this.status_ !== 'running') return NO_EVENTS;
    return this.transact(() => {
      for (const g of this.goals) {
        if (!g.isHold || g.state !== 'open') continue;
        g.violated = true;
        this.move(g, 'forfeit', 'unwatched');
      }
    });
  }

  /** The live checks as plain data, for a hold ticker on another thread; `version` changes when they do. */
  watchSpec(): WatchSpec {
    const holds: { goal: string; source: string }[] = [];
    const failOns: { goal: string; source: string }[] = [];
    const reveals: { goal: string; variable: string; name: string }[] = [];
    this.forEachWatched(
      (g) => holds.push({ goal: g.name, source: g.spec.hold?.source ?? '' }),
      (g) => failOns.push({ goal: g.name, source: g.spec.failOn?.source ?? '' }),
      (g) => reveals.push({ goal: g.name, variable: g.spec.at?.variable ?? '', name: g.spec.at?.name ?? '' }),
    );
    const escalations = this.armedEscalations().map((e) => ({ id: e.spec.id, goal: e.goal.name, source: e.spec.condition.source }));
    this.watchList();
    return { version: this.watchVersion, variables: this.schema.variables, holds, failOns, escalations, reveals };
  }

  private armedEscalations(): Escalation[] {
    return this.status_ === 'running' ? this.escalations.filter((e) => !e.fired && e.spec.phase <= this.active) : [];
  }

  private forEachWatched(hold: (g: GoalNode) => void, failOn: (g: GoalNode) => void, reveal: (g: GoalNode) => void): void {
    if (this.status_ !== 'running') return;
    for (const g of this.goals) {
      if (g.state === 'open' && g.spec.hold !== null) hold(g);
      if (g.state === 'open' && g.spec.failOn !== null) failOn(g);
      if (g.spec.at !== null && !g.briefed && g.state === 'locked' && g.phase <= this.active) reveal(g);
    }
  }

  /** The compiled checks, rebuilt (from the closures compiled with the schema) only after something changed. */
  private watchList(): WatchList {
    if (this.watch !== null) return this.watch;
    const list = new WatchList(this.schema.variables);
    this.forEachWatched(
      (g) => list.addHold(g.name, (g.spec.hold as NonNullable<GoalSpec['hold']>).test, (g.spec.hold as NonNullable<GoalSpec['hold']>).form),
      (g) => list.addFailOn(g.name, (g.spec.failOn as NonNullable<GoalSpec['failOn']>).test),
      (g) => list.addReveal(g.name, g.spec.at as NonNullable<GoalSpec['at']>),
    );
    for (const e of this.armedEscalations()) list.addEscalation(e.spec.id, e.goal.name, e.spec.condition.test);
    this.watch = list;
    this.watchVersion++;
    return list;
  }

  // ——— settlement (§5) ———

  /** What settling now would give, without settling: for the sandbox, the panel and the benchmark. */
  preview(kind: SettleKind, reason?: string): Settlement {
    return computeSettlement(this.goals, kind, this.failure_, reason).settlement;
  }

  /**
   * Resolve the mission: `complete` (success iff every counted primary is done,
   * failure otherwise), `fail` (forced: traced out, cart abort), `abandon`.
   * A mission that already failed settles as a failure whatever is asked.
   */
  settle(kind: SettleKind, reason?: string): SettleResult {
    if (this.status_ === 'resolved') {
      return { ok: false, error: { code: 'mission-over', message: `the mission is already resolved (${this.outcome_ ?? ''})` } };
    }
    const { settlement, transitions } = computeSettlement(this.goals, kind, this.failure_, reason);
    this.pending = [];
    for (const t of transitions) this.move(t.goal, t.to, t.cause);
    this.status_ = 'resolved';
    this.outcome_ = settlement.outcome;
    this.ready = false;
    this.watch = null;
    this.emit({ kind: 'mission/resolved', seq: 0, outcome: settlement.outcome, reason: settlement.reason });
    const events = this.pending;
    this.pending = [];
    return { ok: true, settlement, events };
  }

  // ——— phase chain (§8) ———

  /** The layout's fingerprint: the layout is fixed once instantiated, so it is computed once (every commit stores it). */
  fingerprint(): number {
    this.fingerprint_ ??= layoutFingerprint(
      this.schema.name,
      this.phases.map((goals) => goals.map((g) => g.name)),
    );
    return this.fingerprint_;
  }

  toPhaseChain(): PhaseChain {
    const resolution: Resolution = this.outcome_ ?? 'running';
    return {
      seed: this.seed,
      fingerprint: this.fingerprint(),
      activePhase: this.active,
      resolution,
      phases: this.phases.map((goals) => ({ goalCount: goals.length, done: goals.filter((g) => g.state === 'done').map((g) => g.slot) })),
    };
  }

  /** The phase chain's bytes as of `version` (shared: a UDS holds them, and nobody writes into them). */
  encodeChain(): Uint8Array {
    if (this.chainAt?.version !== this.seq) this.chainAt = { version: this.seq, value: encodePhaseChain(this.toPhaseChain()) };
    return this.chainAt.value;
  }

  // ——— the machinery ———

  private link(): void {
    const find = (names: readonly string[]): GoalNode[] => names.map((n) => this.byName.get(n)).filter((g): g is GoalNode => g !== undefined);
    const exclusive = new Map<GoalNode, Set<GoalNode>>(this.goals.map((g) => [g, new Set<GoalNode>()]));
    for (const g of this.goals) {
      // Validation guarantees :requires resolve in every instance (never to an undrawn limb).
      g.requires = find(g.spec.requires);
      g.voids = find(g.spec.voids);
      for (const x of find(g.spec.excludes)) {
        exclusive.get(g)?.add(x);
        exclusive.get(x)?.add(g);
      }
      if (g.group === 'branch') {
        for (const a of g.children) for (const b of g.children) if (a !== b) exclusive.get(a)?.add(b);
      }
    }
    for (const g of this.goals) g.exclusive = [...(exclusive.get(g) ?? [])].sort((a, b) => a.index - b.index);
  }

  private silently(fn: () => void): void {
    this.silent = true;
    try {
      fn();
    } finally {
      this.silent = false;
      this.snapshotAt = null;
      this.chainAt = null;
      this.pending = [];
      this.openCauses.clear();
    }
  }

  private transact(fn: () => void): readonly MissionEvent[] {
    this.pending = [];
    fn();
    this.cascade();
    this.openCauses.clear();
    const events = this.pending;
    this.pending = [];
    return events.length === 0 ? NO_EVENTS : events;
  }

  /** Number and publish a freshly built event (numbered in place: a spread per event showed up in profiles). */
  private emit(event: MissionEvent): void {
    if (this.silent) return;
    (event as { seq: number }).seq = ++this.seq;
    this.pending.push(event);
    this.onEvent?.(event);
  }

  /** The only place a goal's state changes while the mission runs. */
  private move(g: GoalNode, to: GoalState, cause: TransitionCause): void {
    const from = g.state;
    if (!isLegalTransition(from, to)) throw new Error(`internal: illegal transition of ${g.name} from ${from} to ${to} (${cause})`);
    g.state = to;
    this.watch = null;
    this.emit({ kind: 'goal/changed', seq: 0, goal: g.name, phase: g.phase + 1, role: g.role, briefed: g.briefed, from, to, cause });
    if (to === 'done') for (const reward of g.rewards) if (reward.when === 'on-complete') this.emit({ kind: 'reward/banked', seq: 0, goal: g.name, reward });
  }

  private revealGoal(g: GoalNode, by: 'verb' | 'at' | 'escalation'): void {
    // §2.1: a latent goal — a latent primary above all — is briefed the instant it is revealed, never retroactively.
    g.briefed = true;
    this.watch = null;
    if (!this.openCauses.has(g)) this.openCauses.set(g, 'revealed');
    this.emit({ kind: 'goal/revealed', seq: 0, goal: g.name, by });
  }

  /** Apply a chosen or completed goal's exclusions and voids, once. */
  private commit(g: GoalNode): void {
    if (g.committed) return;
    g.committed = true;
    for (const x of g.exclusive) if (x.state === 'locked' || x.state === 'open') this.move(x, 'void', 'excluded');
    for (const x of g.voids) if (x.state === 'locked' || x.state === 'open') this.move(x, 'void', 'voided');
  }

  /**
   * Run consequences to a fixed point. Each goal changes state at most twice
   * (locked → open → closed) and phases only advance, so this ends; the guard
   * turns a bug into an error rather than a hang.
   */
  private cascade(): void {
    const limit = this.goals.length * 3 + MAX_PHASES + 2;
    for (let round = 0; ; round++) {
      if (round > limit) throw new Error('internal: objective cascade did not settle');
      let changed = this.voidCascade();
      changed = this.groupCascade() || changed;
      changed = this.unlockSweep() || changed;
      changed = this.advancePhases() || changed;
      if (!changed) break;
    }
    this.judge();
  }

  /**
   * A dead group parent (void, failed or forfeit) voids its unfinished
   * children: the fork or the routes of a goal that is gone are moot. A void
   * prerequisite voids what waits on it (the path not taken).
   */
  private voidCascade(): boolean {
    let changed = false;
    for (const g of this.goals) {
      if (g.state !== 'locked' && g.state !== 'open') continue;
      if (g.parent !== null && isDead(g.parent.state)) {
        this.move(g, 'void', 'parent-dead');
        changed = true;
      } else if (g.state === 'locked' && g.requires.some((r) => r.state === 'void')) {
        this.move(g, 'void', 'prereq-void');
        changed = true;
      }
    }
    return changed;
  }

  /**
   * OR-groups (§10, decided): an open `:any` parent closes when any child is
   * done, and its other children become void (the other routes are moot); it
   * fails when every child is dead. A done parent never has a live child: a
   * restore rebuilds only the done bits, and must not reopen a route not taken.
   */
  private groupCascade(): boolean {
    let changed = false;
    for (const g of this.goals) {
      if (g.group !== 'any') continue;
      if (g.state === 'done') {
        for (const c of g.children) {
          if (c.state !== 'locked' && c.state !== 'open') continue;
          this.move(c, 'void', 'group-closed');
          changed = true;
        }
        continue;
      }
      if (g.state !== 'open') continue;
      if (g.children.some((c) => c.state === 'done')) {
        this.move(g, 'done', 'child-done');
        for (const c of g.children) if (c.state === 'locked' || c.state === 'open') this.move(c, 'void', 'group-closed');
        this.commit(g);
        changed = true;
      } else if (g.children.every((c) => isDead(c.state))) {
        this.move(g, 'failed', 'children-dead');
        changed = true;
      }
    }
    return changed;
  }

  private unlockSweep(): boolean {
    let changed = false;
    for (const g of this.goals) {
      if (g.state !== 'locked' || lockReason(g, this.active, false) !== null) continue;
      this.move(g, 'open', this.openCauses.get(g) ?? 'prereq-met');
      changed = true;
    }
    return changed;
  }

  /** §8: a phase advances when its counted primaries are all done; the next phase's goals unlock. */
  private advancePhases(): boolean {
    if (this.phaseFrozen) return false;
    let changed = false;
    // Decision: an open :hold primary can only close at resolve, so it does not hold its phase back; it stays watched.
    const satisfied = (g: GoalNode): boolean => !isCountedPrimary(g) || g.state === 'done' || (g.state === 'open' && g.isHold);
    while (this.active < this.phases.length - 1 && (at(this.phases, this.active)).every(satisfied)) {
      this.active++;
      this.watch = null;
      for (const g of at(this.phases, this.active)) if (!this.openCauses.has(g)) this.openCauses.set(g, 'phase-reached');
      this.emit({ kind: 'phase/advanced', seq: 0, from: this.active, to: this.active + 1 });
      changed = true;
    }
    return changed;
  }

  /** Mission failure (§5) and readiness, judged after every change. */
  private judge(): void {
    if (this.status_ !== 'running') return;
    for (const g of this.goals) {
      if (!isCountedPrimary(g)) continue;
      const reason: FailureReason | null = g.state === 'failed' ? 'primary-failed' : g.state === 'forfeit' ? 'primary-forfeit' : !isReachable(g) ? 'primary-unreachable' : null;
      if (reason === null) continue;
      this.status_ = 'failed';
      this.failure_ = { goal: g.name, reason };
      this.ready = false;
      this.watch = null;
      this.emit({ kind: 'mission/failed', seq: 0, goal: g.name, reason });
      return;
    }
    const ready = this.wouldSucceed();
    if (ready && !this.ready) this.emit({ kind: 'mission/ready', seq: 0 });
    this.ready = ready;
  }

  private wouldSucceed(): boolean {
    const states = this.goals.map((g) => g.state);
    if (allCountedDone(this.goals, states)) return true;
    // Only held goals (and OR-groups they would close) can still close by themselves at resolve.
    closeHeld(this.goals, states);
    return allCountedDone(this.goals, states);
  }
}
