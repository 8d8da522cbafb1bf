import { addIntel, grantAccess } from '../deck/knowledge.js';
import { PHASE_CHAIN_BYTES } from '../deck/limits.js';
import { appendProvenance } from '../deck/provenance.js';
import { BONUS_BITS, type BoardEntry, type Obligation, type RunOutcome, type Uds } from '../deck/uds.js';
import { type LispData, keywordData, mapData, stringData, toData } from '../lisp/data.js';
import type { MissionEvent } from '../objectives/events.js';
import { missionData, missionParamsData, phaseChainData } from '../objectives/lisp-view.js';
import { Mission } from '../objectives/mission.js';
import type { Reward } from '../objectives/rewards.js';
import type { Settlement } from '../objectives/settlement.js';
import { rngFromSeed } from '../runtime/rng.js';
import type { CatalogSchema } from './catalog.js';
import { type CheckInPayment, addObligations, obligationsOf } from './check-ins.js';
import { type Composition, composeAll, compose, isComposition } from './composition.js';
import { type ContractContent, contractContent } from './contract-content.js';
import { advanceCipherSeed, refreshBoard } from './decay.js';
import { standardTtlRange } from './generation.js';
import { type PayoutTerms, reputationDelta } from './economy.js';
import type { CipherEvent } from './events.js';
import { contractLabel } from './format.js';
import { mix32 } from './hash.js';
import { boardEntry } from './generation.js';
import type { DeckContext } from './inputs.js';
import { instantiateMission, payoutFunction, termsFor } from './objectives.js';
import { contractClass } from './schema.js';
import { last } from '../assert.js';

/** One phase of the mission struct: which capabilities (and so which carts) it calls on. */
export interface PhasePlan {
  /** 1-based, as the operator sees it. */
  readonly phase: number;
  readonly capabilities: readonly string[];
  readonly modules: readonly string[];
  /** The goals the objective engine put in this phase. */
  readonly goals: readonly string[];
}

/**
 * The mission struct (seed 004 §5.1): the accepted contract, its generated
 * content, the objective graph instance, and the phase definitions with their
 * capabilities.
 */
export interface MissionStruct {
  readonly entry: BoardEntry;
  readonly schema: CatalogSchema;
  readonly content: ContractContent;
  /** The objective graph's instance (the objective engine): goal verbs and hold ticks go to it. */
  readonly graph: Mission;
  readonly phases: readonly PhasePlan[];
  /** The ¤ rate the run pays at (fixed when the contract was generated). */
  readonly terms: PayoutTerms;
}

export type MissionControlErrorCode = 'no-such-contract' | 'mission-running' | 'no-mission' | 'capability-not-registered' | 'content-missing';

/** A board or mission operation refused; the deck state is unchanged. */
export class MissionControlError extends Error {
  override readonly name = 'MissionControlError';
  constructor(
    readonly code: MissionControlErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Decision: capabilities map onto phases in the order the schema lists them.
 * With at least as many capabilities as phases each phase takes a contiguous
 * share; with fewer, phase k takes capability k and later phases keep the last
 * one (a two-phase job for one cart stays with that cart).
 */
export function planPhases(cs: CatalogSchema, mission: Mission): PhasePlan[] {
  const caps = cs.schema.requiredCapabilities;
  const count = mission.phaseCount;
  return mission.snapshot().phases.map((p, k) => {
    const share = caps.length >= count ? caps.slice(Math.floor((k * caps.length) / count), Math.floor(((k + 1) * caps.length) / count)) : [caps[Math.min(k, caps.length - 1)] as string];
    const modules = [...new Set(share.map((c) => cs.providers.find((m) => m.provides.includes(c))?.name ?? '?'))];
    return { phase: p.phase, capabilities: share, modules, goals: p.goals };
  });
}

/**
 * [EVAL] (seed 004 §5.1): run the contract's generators, instantiate its
 * objective graph for its seed, plan its phases, serialize the phase chain
 * into UDS, take the contract off the board as the running one, and emit
 * `:mission-start` for CIPHER.
 */
export function acceptContract(uds: Uds, index: number, ctx: DeckContext, events: CipherEvent[] = []): { uds: Uds; struct: MissionStruct } {
  if (uds.active !== null) throw new MissionControlError('mission-running', `contract ${contractLabel(uds.active.entry.id)} is still running: complete or abandon it first`);
  const entry = uds.board[index];
  if (entry === undefined) throw new MissionControlError('no-such-contract', `the board has ${uds.board.length} contracts; there is no contract ${index + 1}`);
  const cs = schemaOf(entry, ctx);
  const composition = compose(cs, ctx.registry);
  if (!isComposition(composition)) {
    throw new MissionControlError('capability-not-registered', `contract ${contractLabel(entry.id)} needs a capability that no longer composes (${composition.reason})`);
  }
  const terms = termsFor(entry, cs.schema.payoutFormula);
  const struct = structOf(entry, cs, instantiateMission(cs.objectives, entry, terms), terms);
  events.push({ event: 'mission-start', contract: entry.id, schema: entry.schema, threat: entry.threat, affect: 'terse' });
  return {
    uds: { ...uds, board: uds.board.filter((_, i) => i !== index), active: { entry, acceptedAt: ctx.now }, phaseChain: struct.graph.encodeChain() },
    struct,
  };
}

/**
 * After a power cycle: rebuild the running mission from UDS — the contract
 * and its phase chain (the engine checks the chain belongs to it). Null when
 * no mission is running.
 */
export function restoreMission(uds: Uds, ctx: DeckContext): MissionStruct | null {
  if (uds.active === null) return null;
  const entry = uds.active.entry;
  const cs = schemaOf(entry, ctx);
  const terms = termsFor(entry, cs.schema.payoutFormula);
  const mission = Mission.restore(cs.objectives, uds.phaseChain, { threat: entry.threat, payout: payoutFunction(terms) });
  return structOf(entry, cs, mission, terms);
}

function structOf(entry: BoardEntry, cs: CatalogSchema, mission: Mission, terms: PayoutTerms): MissionStruct {
  return { entry, schema: cs, content: contractContent(cs, entry), graph: mission, phases: planPhases(cs, mission), terms };
}

function schemaOf(entry: BoardEntry, ctx: DeckContext): CatalogSchema {
  const cs = ctx.catalog.schemaByName.get(entry.schema);
  if (cs === undefined) throw new MissionControlError('content-missing', `schema :${entry.schema} of contract ${contractLabel(entry.id)} is not in the loaded cart content`);
  return cs;
}

/**
 * The Mission Runner's bindings (seed 004 §5.1) as Lisp data (src/lisp/data.ts), what Mission Control
 * sends the Runner: `current-mission` (the objective graph as the engine shows it), `mission-params`
 * (the engine's parameters plus the contract and what its generators made) and `phase-chain` (the
 * phase records, each with its capabilities).
 */
export function missionBindings(struct: MissionStruct): { readonly mission: LispData; readonly params: LispData; readonly chain: LispData } {
  const pairs: Array<readonly [string, LispData]> = [];
  const named = new Set<string>();
  const put = (name: string, value: LispData): void => {
    named.add(name);
    pairs.push([name, value]);
  };
  const engine = missionParamsData(struct.graph).m;
  for (let i = 0; i < engine.length; i += 2) put((engine[i] as string).slice(1), engine[i + 1] as LispData);
  const keywords = (xs: readonly string[]): LispData => (xs.length === 0 ? null : xs.map(keywordData));
  put('contract', stringData(contractLabel(struct.entry.id)));
  put('class', keywordData(contractClass(struct.schema.schema).toLowerCase().replace(/ /g, '-')));
  put('target', stringData(struct.content.target));
  put('category', keywordData(struct.entry.category));
  put('capabilities', keywords(struct.schema.schema.requiredCapabilities));
  put('phase-plan', struct.phases.length === 0 ? null : struct.phases.map((p) => [p.phase, keywords(p.capabilities), keywords(p.modules)]));
  // A seed per contributing module and per affinity, so a script can write
  // (load-capability :ice-breaker :seed (mission-params :network-seed)) as seed 004 §5.3 does.
  for (const m of struct.schema.providers) {
    put(`${m.name}-seed`, mix32('nosh:capability-seed', struct.entry.seed, m.name));
    for (const a of m.affinities) if (!named.has(`${a}-seed`)) put(`${a}-seed`, mix32('nosh:capability-seed', struct.entry.seed, m.name));
  }
  for (const [name, g] of struct.content.generated) put(name, toData(g.value));
  return { mission: missionData(struct.graph.snapshot()), params: mapData(pairs), chain: phaseChainData(struct.graph) };
}

/**
 * Apply what the engine reported during the run: `:on-complete` rewards pay
 * the instant their goal closes (seed 003 §3.2), and the phase chain in UDS
 * follows the mission, so a power cut keeps both.
 */
export function applyMissionEvents(uds: Uds, struct: MissionStruct, events: readonly MissionEvent[]): Uds {
  let next = uds;
  for (const e of events) if (e.kind === 'reward/banked') next = payReward(next, e.reward, struct);
  return { ...next, phaseChain: struct.graph.encodeChain() };
}

function payReward(uds: Uds, r: Reward, struct: MissionStruct): Uds {
  switch (r.kind) {
    case '¤':
      return { ...uds, creditBalance: uds.creditBalance + r.amount };
    case 'rep':
      return { ...uds, reputation: uds.reputation + r.amount };
    case 'intel':
      return addIntel(uds, intelDomain(struct), r.amount);
    case 'access':
      return r.flag === null ? uds : grantAccess(uds, r.flag);
  }
}

/** Decision: intel lands in the domain of the contract's first contributor's first affinity. */
function intelDomain(struct: MissionStruct): string {
  return struct.schema.affinities[0] ?? 'general';
}

/** What the cart reported about the run as a whole, for the provenance record and the skill signal. */
export interface RunReport {
  /** Final trace level, 0–100. */
  readonly trace: number;
  readonly bonuses: readonly string[];
}

export interface Resolution {
  readonly uds: Uds;
  readonly settlement: Settlement;
  /** What the engine reported while settling: goals closing at resolve (held to the end, left open), the resolution. */
  readonly events: readonly MissionEvent[];
  readonly outcome: RunOutcome;
  /** ¤ and reputation the run paid in all (banked during it, and at resolve), and the outcome's reputation delta. */
  readonly credits: number;
  readonly reputation: number;
  /** What it still owes: its deferred and recurring rewards, due at later check-ins. */
  readonly owed: readonly Obligation[];
  /** Older obligations settled at once because the ledger was full. */
  readonly forced: readonly CheckInPayment[];
}

/**
 * `(complete-mission current-mission)` (seed 004 §5.4): settle through the
 * objective engine (success iff every counted primary is done; `forced` is a
 * failure the cart or the deck imposed, such as being traced out), pay what
 * settles at resolve, apply the outcome's reputation delta, record the run in
 * the provenance log, advance cipher_seed, and refresh the board.
 */
export function completeMission(uds: Uds, struct: MissionStruct, ctx: DeckContext, report: RunReport, events: CipherEvent[] = [], forced?: string): Resolution {
  const kind = forced === undefined ? 'complete' : 'fail';
  return resolve(uds, struct, ctx, report, events, kind, forced);
}

/**
 * `(abandon-mission)` / [NIL] from the runner: escrow forfeited, banked kept,
 * the smaller reputation penalty, `:mission-end` with `:result-failure`, and
 * the board back with the abandoned contract replaced by a lower-threat
 * alternative.
 */
export function abandonMission(uds: Uds, struct: MissionStruct, ctx: DeckContext, report: RunReport, events: CipherEvent[] = []): Resolution {
  return resolve(uds, struct, ctx, report, events, 'abandon');
}

function resolve(uds: Uds, struct: MissionStruct, ctx: DeckContext, report: RunReport, events: CipherEvent[], kind: 'complete' | 'fail' | 'abandon', reason?: string): Resolution {
  if (uds.active === null || uds.active.entry.id !== struct.entry.id) throw new MissionControlError('no-mission', `contract ${contractLabel(struct.entry.id)} is not the running mission`);
  const settled = struct.graph.settle(kind, reason);
  if (!settled.ok) throw new MissionControlError('no-mission', settled.error.message);
  const { settlement, events: settleEvents } = settled;
  // A goal that closes as the mission settles (a :hold held to the end, an OR-group it closes) banks its
  // :on-complete rewards now: the settlement counts them as banked, so they must have been paid.
  uds = applyMissionEvents(uds, struct, settleEvents);
  const outcome: RunOutcome = settlement.outcome;
  const c = settlement.currencies;
  // Banked rewards were paid as their goals closed (applyMissionEvents); escrow pays now; deferred and
  // recurring rewards become obligations, paid at later check-ins (check-ins.ts).
  const credits = c['¤'].paidAtResolve;
  const goalRep = c.rep.paidAtResolve;
  const intel = c.intel.paidAtResolve;
  const delta = reputationDelta(outcome, struct.entry.threat);
  let next: Uds = { ...uds, creditBalance: uds.creditBalance + credits, reputation: clampRep(uds.reputation + goalRep + delta) };
  if (intel > 0) next = addIntel(next, intelDomain(struct), intel);
  for (const flag of c.access.paidAtResolve) next = grantAccess(next, flag);
  const owed = obligationsOf(settlement, { id: struct.entry.id, schema: struct.entry.schema }, intelDomain(struct), uds.session);
  const ledger = addObligations(next, owed);
  next = ledger.uds;
  const totalCredits = credits + c['¤'].banked;
  const totalRep = goalRep + c.rep.banked + delta;
  next = appendProvenance(next, {
    at: ctx.now,
    schema: struct.entry.schema,
    contractId: struct.entry.id,
    carts: struct.schema.providers.reduce((bits, m) => (bits | m.bit) >>> 0, 0),
    threat: struct.entry.threat,
    outcome,
    credits: Math.min(0xffff_ffff, totalCredits),
    reputation: totalRep,
    trace: Math.max(0, Math.min(100, Math.round(report.trace))),
    bonuses: (report.bonuses.includes('speed') ? BONUS_BITS.speed : 0) | (report.bonuses.includes('stealth') ? BONUS_BITS.stealth : 0),
  });
  next = { ...next, active: null, phaseChain: new Uint8Array(PHASE_CHAIN_BYTES) };
  // Decision: a mission completion (success or failure) advances the entropy pool; an abandonment does not,
  // so abandoning cannot be used to reroll the board's windows.
  if (outcome !== 'abandoned') next = { ...next, cipherSeed: advanceCipherSeed(next.cipherSeed) };
  events.push({ event: 'mission-end', contract: struct.entry.id, result: outcome, affect: outcome === 'success' ? 'result-success' : 'result-failure' });
  if (outcome === 'abandoned') {
    const alternative = lowerThreatAlternative(next, struct.entry, ctx);
    next = refreshBoard({ ...next, board: [alternative, ...next.board] }, ctx, events, [alternative.id]);
  } else {
    next = refreshBoard(next, ctx, events);
  }
  return { uds: next, settlement, events: settleEvents, outcome, credits: totalCredits, reputation: totalRep, owed, forced: ledger.forced };
}

function clampRep(r: number): number {
  return Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, r));
}

/**
 * Decision: the replacement for an abandoned contract is a Standard contract
 * one threat level lower — the same schema when its clipped range reaches
 * that low, otherwise another composing schema whose range does (weighted as
 * on the board); at threat 1 there is nothing lower, and it comes back at 1.
 */
export function lowerThreatAlternative(uds: Uds, abandoned: BoardEntry, ctx: DeckContext): BoardEntry {
  const want = Math.max(1, abandoned.threat - 1);
  const pool = composeAll(ctx.catalog.schemas, ctx.registry);
  const fits = (c: Composition): boolean => c.threatRange[0] <= want;
  const same = pool.find((c) => c.entry.schema.name === abandoned.schema && fits(c));
  const others = pool.filter((c) => fits(c) && c.entry.schema.name !== abandoned.schema);
  const rng = rngFromSeed(`nosh:alternative:${uds.cipherSeed}:${abandoned.id}`);
  let chosen = same;
  if (chosen === undefined && others.length > 0) {
    let x = rng.next() * others.reduce((s, c) => s + c.weight, 0);
    chosen = others.find((c) => (x -= c.weight) < 0) ?? (last(others));
  }
  const c = chosen ?? pool[0];
  if (c === undefined) throw new MissionControlError('capability-not-registered', 'no schema composes: there is nothing to put on the board');
  const threat = Math.max(c.threatRange[0], Math.min(want, c.threatRange[1]));
  const id = mix32('nosh:alternative-id', abandoned.id, uds.cipherSeed) || 1;
  const category = c.entry.schema.episodic ? 'episodic' : 'standard';
  const ttl = standardTtlRange(c.entry.schema.ttlRange)[0];
  return boardEntry(c, uds, ctx.now, { id, threat, category, ttlSeconds: category === 'episodic' ? null : ttl, opportunityKey: 0 });
}
