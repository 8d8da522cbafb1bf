import { read } from '../lisp/reader.js';
import { Keyword, LispMap, Sym, type Value, arrayToList, list } from '../lisp/values.js';
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
  const byName = new Map(snapshot.goals.map((g) => [g.name, g]));
  const cell = (g: GoalView): Value => goalCell(g, (name) => cell(byName.get(name) as GoalView));
  const phases = snapshot.phases.map((p) =>
    arrayToList([sym(`phase-${p.phase}`), ...p.goals.map((n) => byName.get(n) as GoalView).filter((g) => g.parent === null).map(cell)]),
  );
  return arrayToList([sym('mission'), ...phases]);
}

/** One goal as a `(goal name :key value …)` cell, children nested. */
export function goalCell(g: GoalView, child: (name: string) => Value): Value {
  const items: Value[] = [sym('goal'), sym(g.name)];
  const put = (key: string, value: Value): void => {
    items.push(kw(key), value);
  };
  if (g.text !== null) put('text', g.text);
  put('role', kw(g.role));
  put('reveal', kw(g.briefed ? 'briefed' : 'latent'));
  put('reward', arrayToList(g.rewards.map(rewardCell)));
  put('state', kw(g.state));
  if (g.requires.length > 0) put('requires', names(g.requires));
  if (g.excludes.length > 0) put('excludes', names(g.excludes));
  if (g.voids.length > 0) put('voids', names(g.voids));
  if (g.hold !== null) put('hold', sourceForm(g.hold));
  if (g.at !== null) put('at', sourceForm(g.at));
  if (g.failOn !== null) put('fail-on', sourceForm(g.failOn));
  if (g.escalation !== null) put('spawns-on', sourceForm(g.escalation.condition));
  if (g.chosen) put('chosen', true);
  if (g.group !== null) put(g.group, arrayToList(g.children.map(child)));
  return arrayToList(items);
}

/** Distinct predicate sources whose forms are kept; a schema has a few dozen, so this is never reached in play. */
const MAX_SOURCE_FORMS = 4096;
const sourceForms = new Map<string, Value>();

/**
 * A predicate's source as a form, read once: the same few sources are shown in every binding of
 * every mission, and a form is immutable, so one read serves them all.
 */
function sourceForm(source: string): Value {
  let form = sourceForms.get(source);
  if (form === undefined) {
    form = read(source);
    if (sourceForms.size >= MAX_SOURCE_FORMS) sourceForms.clear();
    sourceForms.set(source, form);
  }
  return form;
}

function rewardCell(r: Reward): Value {
  return list(sym(r.kind), r.kind === 'access' ? kw(r.flag ?? '') : r.amount, kw(r.when));
}

export function missionParamsToLisp(m: Mission): LispMap {
  const s = m.snapshot();
  return map([
    ['schema', kw(s.schema)],
    ['seed', s.seed],
    ['threat', s.threat],
    ['payout-formula', m.schema.payoutFormula === null ? null : sym(m.schema.payoutFormula)],
    ['phase', s.activePhase],
    ['phases', s.phases.length],
    ['status', kw(s.status)],
    ['outcome', s.outcome === null ? null : kw(s.outcome)],
    ['ready', s.ready],
    ['objectives', names(s.goals.map((g) => g.name))],
    ['limbs', names(s.goals.filter((g) => g.origin === 'pool' && g.parent === null).map((g) => g.name))],
  ]);
}

export function phaseChainToLisp(m: Mission): Value {
  const s = m.snapshot();
  const chain = m.toPhaseChain();
  return arrayToList(
    s.phases.map((p, i) =>
      map([
        ['phase', p.phase],
        ['status', kw(i < s.activePhase - 1 ? 'passed' : i === s.activePhase - 1 ? 'active' : 'pending')],
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
  const buckets = (b: Readonly<Record<BucketName, number | readonly string[]>>): LispMap =>
    map(BUCKETS.map((k) => [BUCKET_KEYS[k], typeof b[k] === 'number' ? b[k] : names(b[k] as readonly string[])]));
  return map([
    ['outcome', kw(s.outcome)],
    ['reason', s.reason],
    ['¤', buckets(s.currencies['¤'])],
    ['rep', buckets(s.currencies.rep)],
    ['intel', buckets(s.currencies.intel)],
    ['access', buckets(s.currencies.access)],
    ['missing', arrayToList(s.missing.map((g) => map([['goal', sym(g.goal)], ['phase', g.phase], ['role', kw(g.role)], ['state', kw(g.state)], ['final', kw(g.final)]])))],
  ]);
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
    if (k === 'reward') pairs.push([k, rewardCell(v as Reward)]);
    else if (k === 'goal') pairs.push([k, sym(v as string)]);
    else if (typeof v === 'string') pairs.push([k, k === 'condition' || k === 'hold' || k === 'message' || k === 'reason' ? v : kw(v)]);
    else pairs.push([k, v as Value]);
  }
  return map(pairs);
}

function map(pairs: readonly (readonly [string, Value])[]): LispMap {
  return LispMap.fromPairs(pairs.map(([k, v]) => [kw(k), v]));
}

function names(xs: readonly string[]): Value {
  return arrayToList(xs.map(sym));
}

function sym(name: string): Sym {
  return new Sym(name);
}

function kw(name: string): Keyword {
  return new Keyword(name);
}
