import type { Pos } from '../lisp/position.js';
import { Cons, Sym, type Value, listToArray, positionOf } from '../lisp/values.js';
import { type AtTrigger, type Condition, compileCondition, parseAt } from './conditions.js';
import { describe, elements, fail, keywordArgs, keywordValue, nameList } from './lisp-forms.js';
import { MAX_GOAL_NAME, MAX_GOAL_TEXT, MAX_GROUP_CHILDREN, MIN_GROUP_CHILDREN } from './limits.js';
import { type RewardSpec, parseRewards } from './rewards.js';
import { DEFAULT_VARIABLE_NAMES } from './variables.js';

export type Role = 'primary' | 'optional';
export type Reveal = 'briefed' | 'latent';
export type GroupKind = 'branch' | 'any';

/**
 * A goal cell as authored (seed 003 §2): four orthogonal facets (role,
 * reveal, reward, link) plus text, the engine-watched conditions and an
 * optional group of children. Immutable and shared by every instance of a
 * schema; the conditions are compiled once, here.
 */
export interface GoalSpec {
  readonly name: string;
  readonly text: string | null;
  readonly role: Role;
  readonly reveal: Reveal;
  readonly rewards: readonly RewardSpec[];
  /** Link facet: unlocks after these close (:done). */
  readonly requires: readonly string[];
  /** Link facet: choosing (or completing) this voids those, and they void this: mutual exclusion. */
  readonly excludes: readonly string[];
  /** Choosing (or completing) this voids those; one way (§6 `:voids (ghost)`). */
  readonly voids: readonly string[];
  /** §4: held while true; forfeited the tick it is false. */
  readonly hold: Condition | null;
  /** Reveal trigger of a latent goal, `(node hr)`. */
  readonly at: AtTrigger | null;
  /** Fails the goal the tick it is true, `timeout`. */
  readonly failOn: Condition | null;
  /** `:branch` (mutually exclusive children, one chosen) or `:any` (an OR-group: closes when any child closes). */
  readonly group: { readonly kind: GroupKind; readonly children: readonly GoalSpec[] } | null;
  /** `:state` as authored: how the goal starts, if the author said. */
  readonly authoredState: 'open' | 'locked' | null;
  readonly pos: Pos | undefined;
}

export interface GoalParseOptions {
  /** Variables the conditions may read (default: DEFAULT_VARIABLE_NAMES). */
  readonly variables?: readonly string[];
}

const GOAL_KEYS: ReadonlySet<string> = new Set(['text', 'role', 'reveal', 'reward', 'requires', 'excludes', 'voids', 'hold', 'at', 'fail-on', 'branch', 'any', 'state']);

/** `(goal NAME :key value …)`. */
export function parseGoal(form: Value, options: GoalParseOptions = {}): GoalSpec {
  if (!(form instanceof Cons) || !(form.car instanceof Sym) || form.car.name !== 'goal') {
    fail('syntax', `expected a (goal name :key value …) cell, found ${describe(form)}`, null, positionOf(form));
  }
  return parseCell(form, elements(form).slice(1), options.variables ?? DEFAULT_VARIABLE_NAMES, 'goal');
}

/**
 * A child of `:branch` or `:any`: `(mirror :reward …)` as §6 writes it, or a
 * full `(goal mirror …)`. Decision: children are :optional unless they say
 * otherwise (a branch child the author marks :primary must be done once chosen).
 */
function parseChild(form: Value, variables: readonly string[], parent: string, kind: string): GoalSpec {
  if (!(form instanceof Cons)) fail('group', `each :${kind} child is a (name :key value …) cell, found ${describe(form)}`, parent, positionOf(form));
  const items = elements(form);
  const rest = form.car instanceof Sym && form.car.name === 'goal' ? items.slice(1) : items;
  return parseCell(form, rest, variables, `:${kind} child of ${parent}`);
}

function parseCell(form: Cons, items: ReturnType<typeof elements>, variables: readonly string[], what: string): GoalSpec {
  const nameForm = items[0];
  if (nameForm === undefined || !(nameForm.value instanceof Sym)) {
    fail('syntax', `a ${what} needs a name (a symbol) first, found ${describe(nameForm?.value ?? null)}`, null, nameForm?.pos ?? form.pos);
  }
  const name = nameForm.value.name;
  if (name.length > MAX_GOAL_NAME) fail('limit', `the name is ${name.length} characters; the limit is ${MAX_GOAL_NAME}`, name.slice(0, 20), nameForm.pos);
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\-_.!?*]*$/u.test(name)) fail('syntax', `goal names are words like payroll-exfil; '${name}' is not one`, name, nameForm.pos);
  const args = keywordArgs(items.slice(1), GOAL_KEYS, `goal ${name}`, name, form.pos);
  const get = (k: string) => args.get(k);

  const text = get('text');
  if (text !== undefined && (typeof text.value !== 'string' || text.value.length > MAX_GOAL_TEXT)) {
    fail(typeof text.value === 'string' ? 'limit' : 'syntax', `:text is a string of at most ${MAX_GOAL_TEXT} characters`, name, text.pos);
  }
  const role = get('role') === undefined ? 'optional' : (keywordValue(get('role')!, 'role', ['primary', 'optional'], name) as Role);
  const reveal = get('reveal') === undefined ? 'briefed' : (keywordValue(get('reveal')!, 'reveal', ['briefed', 'latent'], name) as Reveal);
  const reward = get('reward');
  const rewards = reward === undefined ? [] : parseRewards(reward.value, reward.pos, name);
  const requires = get('requires') === undefined ? [] : nameList(get('requires')!, 'requires', name);
  const excludes = get('excludes') === undefined ? [] : nameList(get('excludes')!, 'excludes', name);
  const voids = get('voids') === undefined ? [] : nameList(get('voids')!, 'voids', name);
  for (const [key, list] of [['requires', requires], ['excludes', excludes], ['voids', voids]] as const) {
    if (list.includes(name)) fail('self-reference', `:${key} names the goal itself`, name, get(key)?.pos);
    if (new Set(list).size !== list.length) fail('syntax', `:${key} names a goal twice`, name, get(key)?.pos);
  }
  const holdArg = get('hold');
  if (holdArg !== undefined) requireTruthTest(holdArg.value, name, holdArg.pos);
  const hold = holdArg === undefined ? null : compileCondition(holdArg.value, variables, 'hold', ':hold', name, holdArg.pos);
  const failArg = get('fail-on');
  const failOn = failArg === undefined ? null : compileCondition(failArg.value, variables, 'fail-on', ':fail-on', name, failArg.pos);
  const atArg = get('at');
  const at = atArg === undefined ? null : parseAt(atArg.value, variables, name, atArg.pos);
  if (at !== null && reveal !== 'latent') fail('at', ':at says where a latent goal is revealed, but this goal is :briefed', name, atArg?.pos);

  const branch = get('branch');
  const any = get('any');
  if (branch !== undefined && any !== undefined) fail('group', 'a goal has :branch or :any children, not both', name, any.pos);
  const groupArg = branch ?? any;
  const kind = branch !== undefined ? 'branch' : 'any';
  let group: GoalSpec['group'] = null;
  if (groupArg !== undefined) {
    if (!(groupArg.value instanceof Cons)) fail('group', `:${kind} takes a list of child cells, found ${describe(groupArg.value)}`, name, groupArg.pos);
    const forms = listToArray(groupArg.value);
    if (forms.length < MIN_GROUP_CHILDREN || forms.length > MAX_GROUP_CHILDREN) {
      fail(forms.length > MAX_GROUP_CHILDREN ? 'limit' : 'group', `:${kind} has ${forms.length} children; it takes ${MIN_GROUP_CHILDREN} to ${MAX_GROUP_CHILDREN}`, name, groupArg.pos);
    }
    const children = forms.map((f) => parseChild(f, variables, name, kind));
    if (kind === 'any') {
      const primary = children.find((c) => c.role === 'primary');
      if (primary !== undefined) fail('group', `an :any child is optional: a :primary child of an OR-group would require every route (make ${name} :primary instead)`, primary.name, primary.pos);
    }
    // Decision: a goal that closes by its children or by a choice cannot also be a constraint that closes at resolve.
    if (hold !== null) fail('group', `a :hold goal closes at resolve, so it cannot also have :${kind} children`, name, holdArg?.pos);
    group = { kind, children };
  }

  const stateArg = get('state');
  let authoredState: 'open' | 'locked' | null = null;
  if (stateArg !== undefined) {
    const s = keywordValue(stateArg, 'state', ['locked', 'open', 'done', 'failed', 'forfeit', 'void'], name);
    if (s !== 'open' && s !== 'locked') fail('authored-state', `an authored goal starts :open or :locked, not :${s}`, name, stateArg.pos);
    authoredState = s;
  }
  // §2.1: nobody can fail a requirement they were never told about. A latent goal is not trackable until revealed.
  if (authoredState === 'open' && reveal === 'latent') {
    if (role === 'primary') fail('primary-briefed', 'a :latent :primary cannot start :open: it would be failable before it is briefed (it opens, briefed, when revealed)', name, stateArg?.pos);
    fail('latent-locked', 'a :latent goal starts :locked until it is revealed; it cannot be authored :open', name, stateArg?.pos);
  }
  if (authoredState === 'open' && requires.length > 0) fail('authored-state', `authored :open, but it :requires ${requires.join(', ')}, so it starts :locked`, name, stateArg?.pos);

  return {
    name,
    text: text === undefined ? null : (text.value as string),
    role,
    reveal,
    rewards,
    requires,
    excludes,
    voids,
    hold,
    at,
    failOn,
    group,
    authoredState,
    pos: nameForm.pos ?? form.pos,
  };
}

/** The goal and its children, depth first: the order goals take in a phase (and in its bitmask). */
export function flattenGoal(spec: GoalSpec): GoalSpec[] {
  const out: GoalSpec[] = [spec];
  for (const child of spec.group?.children ?? []) out.push(...flattenGoal(child));
  return out;
}

/** Heads whose value is a number or a string, never a verdict. */
const NOT_A_TEST = new Set(['+', '-', '*', '/', 'mod', 'quot', 'min', 'max', 'abs', 'floor', 'round', 'str', 'concat', 'length', 'get', 'list', 'vector']);

/**
 * A `:hold` is judged true or false every tick, so it must be a truth test: a
 * comparison, `and`/`or`/`not` or a predicate. `(+ trace 1)` is always true and
 * `nil` always false; both compiled and made the hold meaningless (issue 17).
 */
function requireTruthTest(form: Value, goal: string, pos: Pos | undefined): void {
  const head = form instanceof Cons && form.car instanceof Sym ? form.car.name : undefined;
  if (form instanceof Cons ? head !== undefined && NOT_A_TEST.has(head) : !(form instanceof Sym)) {
    const found = form instanceof Cons ? `(${head} …), which computes a value` : form === null ? 'nil, which is always false' : `${typeof form === 'object' ? 'a constant' : typeof form}, which never changes`;
    fail('hold', `:hold must be a truth test (a comparison, and/or/not, or a predicate such as (< trace 40)); found ${found}`, goal, form instanceof Cons ? (form.pos ?? pos) : pos);
  }
}
