import { deepFreeze } from '../deep-freeze.js';
import { read } from '../lisp/reader.js';
import { type LispData, fromData, keywordData, mapData, stringData, symbolData, toData } from '../lisp/data.js';
import { Keyword, LispMap, Sym, type Value } from '../lisp/values.js';
import type { MissionEvent } from './events.js';
import type { Mission, VerbError } from './mission.js';
import type { Reward } from './rewards.js';
import { BUCKETS, type BucketName, type Settlement } from './settlement.js';
import type { GoalView, MissionSnapshot } from './views.js';

/**
 * The mission as Lisp values, for the Mission Runner (seed 003 §7, §8; seed 004
 * §5.1). Decision on the binding shape (§10 "Mission Runner binding"):
 *
 *   current-mission  (mission (phase-1 (goal breach :text … :state :open) …) (phase-2 …))
 *                    the nested list of §8, each goal a cell written the way it
 *                    is authored (children nested under :branch / :any), so
 *                    CAR/CDR walk the objective panel and a cell can be handed
 *                    back to a verb: (goal-state (cadr (cadr current-mission)));
 *   mission-params   {:schema :glass-payroll :seed 3 :threat 3 :phase 1 …}
 *   phase-chain      ({:phase 1 :status :active :goals (breach …) :done (breach)} …)
 *
 * Goal states are keywords (`:open`); goal names are symbols, so `'exfil`
 * (QUOTE) bookmarks a goal. These are values: the runner rebinds them after
 * every change, and a value held from before is a snapshot of then.
 */
export function missionToLisp(snapshot: MissionSnapshot): Value {
  return fromData(missionData(snapshot));
}

/**
 * `current-mission` as Lisp data (src/lisp/data.ts), what Mission Control sends the Runner: the one
 * definition of the binding's shape, built straight as data (the Lisp value is `fromData` of it).
 */
export function missionData(snapshot: MissionSnapshot): LispData {
  const byName = new Map(snapshot.goals.map((g) => [g.name, g]));
  const cell = (g: GoalView): LispData => goalCellData(g, (name) => cell(byName.get(name) as GoalView));
  const phases = snapshot.phases.map((p): LispData => [
    symbolData(`phase-${p.phase}`),
    ...p.goals
      .map((n) => byName.get(n) as GoalView)
      .filter((g) => g.parent === null)
      .map(cell),
  ]);
  return [symbolData('mission'), ...phases];
}

/** One goal as a `(goal name :key value …)` cell, children nested. */
function goalCellData(g: GoalView, child: (name: string) => LispData): LispData {
  const items: LispData[] = [GOAL, symbolData(g.name)];
  const put = (key: string, value: LispData): void => {
    items.push(keywordData(key), value);
  };
  if (g.text !== null) put('text', stringData(g.text));
  put('role', keywordData(g.role));
  put('reveal', keywordData(g.briefed ? 'briefed' : 'latent'));
  put('reward', list(g.rewards.map(rewardData)));
  put('state', keywordData(g.state));
  if (g.requires.length > 0) put('requires', names(g.requires));
  if (g.excludes.length > 0) put('excludes', names(g.excludes));
  if (g.voids.length > 0) put('voids', names(g.voids));
  if (g.hold !== null) put('hold', sourceData(g.hold));
  if (g.at !== null) put('at', sourceData(g.at));
  if (g.failOn !== null) put('fail-on', sourceData(g.failOn));
  if (g.escalation !== null) put('spawns-on', sourceData(g.escalation.condition));
  if (g.chosen) put('chosen', true);
  if (g.group !== null) put(g.group, list(g.children.map(child)));
  return items;
}

const GOAL = symbolData('goal');

/** Distinct predicate sources whose forms are kept; a schema has a few dozen, so this is never reached in play. */
const MAX_SOURCE_FORMS = 4096;
const sourceForms = new Map<string, LispData>();

/**
 * A predicate's source as a form (data), read once: the same few sources are shown in every binding
 * of every mission. Frozen, since every binding shares it.
 */
function sourceData(source: string): LispData {
  let form = sourceForms.get(source);
  if (form === undefined) {
    form = deepFreeze(toData(read(source)));
    if (sourceForms.size >= MAX_SOURCE_FORMS) sourceForms.clear();
    sourceForms.set(source, form);
  }
  return form;
}

function rewardData(r: Reward): LispData {
  return [symbolData(r.kind), r.kind === 'access' ? (r.flag === null || r.flag === '' ? null : keywordData(r.flag)) : r.amount, keywordData(r.when)];
}

export function missionParamsToLisp(m: Mission): LispMap {
  return fromData(missionParamsData(m)) as LispMap;
}

/** The engine's part of `mission-params`, as data. */
export function missionParamsData(m: Mission): { readonly m: LispData[] } {
  const s = m.snapshot();
  return mapData([
    ['schema', keywordData(s.schema)],
    ['seed', s.seed],
    ['threat', s.threat],
    ['payout-formula', m.schema.payoutFormula === null ? null : symbolData(m.schema.payoutFormula)],
    ['phase', s.activePhase],
    ['phases', s.phases.length],
    ['status', keywordData(s.status)],
    ['outcome', s.outcome === null ? null : keywordData(s.outcome)],
    ['ready', s.ready],
    ['objectives', names(s.goals.map((g) => g.name))],
    ['limbs', names(s.goals.filter((g) => g.origin === 'pool' && g.parent === null).map((g) => g.name))],
  ]);
}

export function phaseChainToLisp(m: Mission): Value {
  return fromData(phaseChainData(m));
}

/** `phase-chain` as data. */
export function phaseChainData(m: Mission): LispData {
  const s = m.snapshot();
  const chain = m.toPhaseChain();
  return list(
    s.phases.map((p, i) =>
      mapData([
        ['phase', p.phase],
        ['status', keywordData(i < s.activePhase - 1 ? 'passed' : i === s.activePhase - 1 ? 'active' : 'pending')],
        ['goals', names(p.goals)],
        ['done', names((chain.phases[i]?.done ?? []).map((slot) => p.goals[slot] as string))],
      ]),
    ),
  );
}

const BUCKET_KEYS: Readonly<Record<BucketName, string>> = {
  banked: 'banked',
  paidAtResolve: 'paid-at-resolve',
  deferred: 'deferred',
  recurring: 'recurring',
  forfeited: 'forfeited',
  unearned: 'unearned',
};

/** `{:outcome :success :reason "…" :¤ {:banked 600 :paid-at-resolve 0 …} :rep {…} :intel {…} :access {…} :missing (…)}`. */
export function settlementToLisp(s: Settlement): LispMap {
  return fromData(settlementData(s)) as LispMap;
}

/** A settlement as data (what Mission Control answers a resolve with). */
export function settlementData(s: Settlement): LispData {
  return mapData(settlementPairs(s));
}

function settlementPairs(s: Settlement): Array<[string, LispData]> {
  const buckets = (b: Readonly<Record<BucketName, number | readonly string[]>>): LispData =>
    mapData(BUCKETS.map((k) => [BUCKET_KEYS[k], typeof b[k] === 'number' ? b[k] : names(b[k] as readonly string[])]));
  return [
    ['outcome', keywordData(s.outcome)],
    ['reason', stringData(s.reason)],
    ['¤', buckets(s.currencies['¤'])],
    ['rep', buckets(s.currencies.rep)],
    ['intel', buckets(s.currencies.intel)],
    ['access', buckets(s.currencies.access)],
    ['missing', list(s.missing.map((g) => mapData([['goal', symbolData(g.goal)], ['phase', g.phase], ['role', keywordData(g.role)], ['state', keywordData(g.state)], ['final', keywordData(g.final)]])))],
  ];
}

/**
 * A settlement with its per-goal lines (what `(settlement)` answers): one map per reward,
 * `{:goal :state :currency :amount :flag :bucket :why}`, `state` the goal's final state and
 * `why` the bucket in words (paid when, or why it was not).
 */
export function settlementWithLinesData(s: Settlement, goals: readonly GoalView[]): LispData {
  const byName = new Map(goals.map((g) => [g.name, g]));
  const lines = s.lines.map((l) => {
    const g = byName.get(l.goal);
    const state = g?.state ?? 'void';
    return mapData([
      ['goal', symbolData(l.goal)],
      ['state', keywordData(state)],
      ['currency', symbolData(l.reward.kind)],
      ['amount', l.reward.amount],
      ['flag', l.reward.flag === null ? null : symbolData(l.reward.flag)],
      ['bucket', keywordData(BUCKET_KEYS[l.bucket])],
      ['why', stringData(whyInBucket(l.bucket, state, g?.violated === true, s))],
    ]);
  });
  return mapData([...settlementPairs(s), ['lines', list(lines)]]);
}

function whyInBucket(bucket: BucketName, state: string, violated: boolean, s: Settlement): string {
  switch (bucket) {
    case 'banked':
      return 'paid when the goal closed';
    case 'paidAtResolve':
      return 'paid when the mission resolved';
    case 'deferred':
      return 'owed: paid at a later check-in';
    case 'recurring':
      return 'owed: paid at every check-in while it runs';
    case 'forfeited':
      if (violated) return 'forfeited: its hold was broken';
      if (state === 'failed') return 'forfeited: the goal failed';
      if (state === 'forfeit') return 'forfeited: the goal was still open when the mission resolved';
      return `forfeited: the mission ended ${s.outcome} (${s.reason})`;
    case 'unearned':
      return state === 'done' ? `not paid: the mission ended ${s.outcome} (${s.reason})` : `not earned: the goal ended ${state}`;
  }
}

/** A list as data: nil when empty (the one encoding of the empty list). */
function list(items: LispData[]): LispData {
  return items.length === 0 ? null : items;
}

function names(xs: readonly string[]): LispData {
  return list(xs.map(symbolData));
}

export function verbErrorToLisp(e: VerbError): LispMap {
  return map([
    ['error', kw(e.code)],
    ['verb', sym(e.verb)],
    ['goal', sym(e.goal)],
    ['state', e.state === null ? null : kw(e.state)],
    ['message', e.message],
  ]);
}

/** `{:event :goal/changed :goal ghost :from :open :to :forfeit :cause :hold-violated}` and the like. */
export function eventToLisp(e: MissionEvent): LispMap {
  const pairs: [string, Value][] = [['event', kw(e.kind)]];
  for (const [k, v] of Object.entries(e)) {
    if (k === 'kind' || k === 'seq') continue;
    if (k === 'reward') pairs.push([k, fromData(rewardData(v as Reward))]);
    else if (k === 'goal') pairs.push([k, sym(v as string)]);
    else if (typeof v === 'string') pairs.push([k, k === 'condition' || k === 'hold' || k === 'message' || k === 'reason' ? v : kw(v)]);
    else pairs.push([k, v as Value]);
  }
  return map(pairs);
}

function map(pairs: readonly (readonly [string, Value])[]): LispMap {
  return LispMap.fromPairs(pairs.map(([k, v]) => [kw(k), v]));
}

function sym(name: string): Sym {
  return new Sym(name);
}

function kw(name: string): Keyword {
  return new Keyword(name);
}
