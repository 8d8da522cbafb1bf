import type { Pos } from '../lisp/position.js';
import { readAll } from '../lisp/reader.js';
import { Cons, Keyword, Sym, type Value, listToArray, positionOf } from '../lisp/values.js';
import { type Condition, compileCondition } from './conditions.js';
import { type GoalSpec, parseGoal } from './goal-cell.js';
import { validateSchema } from './invariants.js';
import { type Located, describe, elements, fail, headName } from './lisp-forms.js';
import { MAX_ESCALATIONS, MAX_PHASES, MAX_POOLS, MAX_POOL_GOALS } from './limits.js';
import { variableNames } from './variables.js';
import { at } from '../assert.js';

/** `(optional-pool :draw 0..2 goal…)`: the generator draws between min and max of these per instance. */
export interface PoolSpec {
  readonly draw: { readonly min: number; readonly max: number };
  /** 0-based phase the drawn goals join (`:phase N`, default the first). */
  readonly phase: number;
  readonly goals: readonly GoalSpec[];
  readonly pos: Pos | undefined;
}

/** `(on (>= trace 75) (goal escape …))`: spawns its latent goal, briefed, the first tick the condition holds. */
export interface EscalationSpec {
  readonly id: number;
  readonly condition: Condition;
  readonly goal: GoalSpec;
  /** 0-based phase the goal belongs to; the escalation is armed once that phase is reached. */
  readonly phase: number;
  readonly pos: Pos | undefined;
}

/**
 * The objective part of a `defcontract-schema` (seed 003 §6): the authored
 * spine, phase by phase, and the procedural limbs. The other keys are kept as
 * read for Mission Control, which owns them (capabilities, TTL, generators…).
 */
export interface ObjectiveSchema {
  /** The schema's keyword name without the colon: `corporate-extraction`. */
  readonly name: string;
  readonly payoutFormula: string | null;
  readonly threatRange: readonly [number, number] | null;
  /** The spine: goals per phase (a spine without `(phase-N …)` forms is one phase). */
  readonly phases: readonly (readonly GoalSpec[])[];
  readonly pools: readonly PoolSpec[];
  readonly escalations: readonly EscalationSpec[];
  /** Variables the conditions may read. */
  readonly variables: readonly string[];
  /** Every other key, as read (values unevaluated; a quoted list stays `(quote …)`). */
  readonly options: ReadonlyMap<string, Value>;
  readonly pos: Pos | undefined;
}

export interface SchemaOptions {
  /** Variables beyond DEFAULT_VARIABLES that this deck's predicates may read. */
  readonly extraVariables?: readonly string[];
}

/** Read every `defcontract-schema` form in a file; other forms (registrations, comments' neighbours) are skipped. */
export function readContractSchemas(text: string, source?: string, options: SchemaOptions = {}): ObjectiveSchema[] {
  const forms = readAll(text, source === undefined ? {} : { source });
  return forms.filter((f) => headName(f) === 'defcontract-schema').map((f) => parseContractSchema(f, options));
}

/** `(defcontract-schema :name :key value … :objectives (spine …) (limbs …))`. */
export function parseContractSchema(form: Value, options: SchemaOptions = {}): ObjectiveSchema {
  if (headName(form) !== 'defcontract-schema') fail('syntax', `expected (defcontract-schema :name …), found ${describe(form)}`, null, positionOf(form));
  const cons = form as Cons;
  const items = elements(cons).slice(1);
  const nameForm = items[0];
  if (nameForm === undefined || !(nameForm.value instanceof Keyword)) fail('syntax', 'defcontract-schema needs a :keyword name first', null, nameForm?.pos ?? cons.pos);
  const name = nameForm.value.name;
  const variables = variableNames(options.extraVariables);
  const { objectives, rest } = splitKeys(items.slice(1), name, cons.pos);
  if (objectives === null) fail('syntax', `schema :${name} has no :objectives clause`, null, cons.pos);

  const payout = rest.get('payout-formula');
  const payoutFormula = payout === undefined ? null : symbolName(payout, 'payout-formula', name);
  const threatRange = readThreatRange(rest.get('threat-range'), name);
  const declared = rest.get('phase-count');
  if (declared !== undefined && (typeof declared.value !== 'number' || !Number.isInteger(declared.value) || declared.value < 1)) {
    fail('phase', `:phase-count is a whole number from 1, found ${describe(declared.value)}`, null, declared.pos);
  }

  let spine: Located<Value> | null = null;
  let limbs: Located<Value> | null = null;
  for (const part of objectives.forms) {
    const head = headName(part.value);
    if (head === 'spine' && spine === null) spine = part;
    else if (head === 'limbs' && limbs === null) limbs = part;
    else fail('syntax', `:objectives takes (spine …) and optionally (limbs …), once each; found ${describe(part.value)}`, null, part.pos);
  }
  if (spine === null) fail('syntax', `schema :${name} has :objectives without a (spine …)`, null, objectives.pos);
  const phases = readSpine(spine.value as Cons, variables);
  if (declared !== undefined && declared.value !== phases.length) {
    fail('phase', `:phase-count says ${String(declared.value)} but the spine has ${phases.length} phase${phases.length === 1 ? '' : 's'}`, null, declared.pos);
  }
  const { pools, escalations } = limbs === null ? { pools: [], escalations: [] } : readLimbs(limbs.value as Cons, variables, phases.length);

  const options_ = new Map<string, Value>();
  for (const [k, v] of rest) options_.set(k, v.value);
  const schema: ObjectiveSchema = { name, payoutFormula, threatRange, phases, pools, escalations, variables, options: options_, pos: cons.pos };
  validateSchema(schema);
  return schema;
}

/**
 * Key/value pairs, except that `:objectives` takes every form up to the next
 * keyword: §6 writes `:objectives (spine …) (limbs …)`, two forms, and that is
 * read as written.
 */
function splitKeys(items: Located<Value>[], schema: string, pos: Pos | undefined): { objectives: { forms: Located<Value>[]; pos: Pos | undefined } | null; rest: Map<string, Located<Value>> } {
  const rest = new Map<string, Located<Value>>();
  let objectives: { forms: Located<Value>[]; pos: Pos | undefined } | null = null;
  for (let i = 0; i < items.length; ) {
    const key = at(items, i);
    if (!(key.value instanceof Keyword)) fail('syntax', `expected a :keyword in schema :${schema}, found ${describe(key.value)}`, null, key.pos ?? pos);
    const k = key.value.name;
    if (rest.has(k) || (k === 'objectives' && objectives !== null)) fail('duplicate-key', `:${k} is given twice in schema :${schema}`, null, key.pos);
    if (k === 'objectives') {
      const forms: Located<Value>[] = [];
      for (i++; i < items.length && !((at(items, i)).value instanceof Keyword); i++) forms.push(at(items, i));
      if (forms.length === 0) fail('syntax', ':objectives has no (spine …)', null, key.pos);
      objectives = { forms, pos: key.pos };
      continue;
    }
    const value = items[i + 1];
    if (value === undefined) fail('syntax', `:${k} has no value in schema :${schema}`, null, key.pos);
    rest.set(k, value);
    i += 2;
  }
  return { objectives, rest };
}

function unquote(v: Value): Value {
  return v instanceof Cons && v.car instanceof Sym && v.car.name === 'quote' && v.cdr !== null ? v.cdr.car : v;
}

function symbolName(v: Located<Value>, key: string, schema: string): string {
  const x = unquote(v.value);
  if (x instanceof Sym || x instanceof Keyword) return x.name;
  return fail('syntax', `:${key} names a function (a symbol) in schema :${schema}, found ${describe(v.value)}`, null, v.pos);
}

function readThreatRange(v: Located<Value> | undefined, schema: string): [number, number] | null {
  if (v === undefined) return null;
  const x = unquote(v.value);
  const parts = x instanceof Cons ? listToArray(x) : [];
  const [lo, hi] = parts;
  if (parts.length !== 2 || typeof lo !== 'number' || typeof hi !== 'number' || !Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi < lo) {
    fail('syntax', `:threat-range is '(low high) with whole numbers, low ≤ high, in schema :${schema}; found ${describe(v.value)}`, null, v.pos);
  }
  return [lo, hi];
}

const PHASE_HEAD = /^phase-(\d+)$/;

/** `(spine goal…)` is one phase; `(spine (phase-1 goal…) (phase-2 goal…))` is several, numbered in order. */
function readSpine(spine: Cons, variables: readonly string[]): GoalSpec[][] {
  const items = listToArray(spine.cdr);
  if (items.length === 0) fail('phase', 'the spine is empty: every mission needs a primary goal', null, spine.pos);
  const phased = items.map((f) => PHASE_HEAD.test(headName(f) ?? ''));
  if (phased.some((p) => p) && !phased.every((p) => p)) fail('phase', 'the spine is either goals (one phase) or (phase-N goal…) forms, not a mix', null, spine.pos);
  if (!phased[0]) return [items.map((f) => parseGoal(f, { variables }))];
  if (items.length > MAX_PHASES) fail('limit', `${items.length} phases; the phase chain has room for ${MAX_PHASES}`, null, spine.pos);
  return items.map((f, i) => {
    const cons = f as Cons;
    const n = Number(PHASE_HEAD.exec(headName(f) ?? '')?.[1]);
    if (n !== i + 1) fail('phase', `phases are numbered in order from phase-1; found ${headName(f)} in position ${i + 1}`, null, cons.pos);
    return listToArray(cons.cdr).map((g) => parseGoal(g, { variables }));
  });
}

function readLimbs(limbs: Cons, variables: readonly string[], phaseCount: number): { pools: PoolSpec[]; escalations: EscalationSpec[] } {
  const pools: PoolSpec[] = [];
  const escalations: EscalationSpec[] = [];
  for (const item of listToArray(limbs.cdr)) {
    const head = headName(item);
    if (head === 'optional-pool') pools.push(readPool(item as Cons, variables, phaseCount));
    else if (head === 'escalation') escalations.push(...readEscalation(item as Cons, variables, phaseCount, escalations.length));
    else fail('syntax', `limbs take (optional-pool …) and (escalation …) forms, found ${describe(item)}`, null, positionOf(item) ?? limbs.pos);
  }
  if (pools.length > MAX_POOLS) fail('limit', `${pools.length} optional pools; the limit is ${MAX_POOLS}`, null, limbs.pos);
  if (escalations.length > MAX_ESCALATIONS) fail('limit', `${escalations.length} escalations; the limit is ${MAX_ESCALATIONS}`, null, limbs.pos);
  return { pools, escalations };
}

/** Leading `:key value` pairs of a limb form, then its body forms. */
function leadingOptions(form: Cons, allowed: readonly string[]): { opts: Map<string, Located<Value>>; body: Located<Value>[] } {
  const items = elements(form).slice(1);
  const opts = new Map<string, Located<Value>>();
  let i = 0;
  for (; i < items.length && (at(items, i)).value instanceof Keyword; i += 2) {
    const key = at(items, i);
    const k = (key.value as Keyword).name;
    if (!allowed.includes(k)) fail('unknown-key', `unknown key :${k} in (${headName(form)} …) (known: ${allowed.map((a) => `:${a}`).join(' ')})`, null, key.pos);
    if (opts.has(k)) fail('duplicate-key', `:${k} is given twice in (${headName(form)} …)`, null, key.pos);
    const value = items[i + 1];
    if (value === undefined) fail('syntax', `:${k} has no value`, null, key.pos);
    opts.set(k, value);
  }
  return { opts, body: items.slice(i) };
}

function readPhaseOption(v: Located<Value> | undefined, phaseCount: number): number {
  if (v === undefined) return 0;
  if (typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 1 || v.value > phaseCount) {
    fail('phase', `:phase is a phase number from 1 to ${phaseCount}, found ${describe(v.value)}`, null, v.pos);
  }
  return v.value - 1;
}

function readPool(form: Cons, variables: readonly string[], phaseCount: number): PoolSpec {
  const { opts, body } = leadingOptions(form, ['draw', 'phase']);
  if (body.length === 0) fail('draw', 'an optional-pool needs at least one goal', null, form.pos);
  if (body.length > MAX_POOL_GOALS) fail('limit', `an optional-pool has ${body.length} goals; the limit is ${MAX_POOL_GOALS}`, null, form.pos);
  const goals = body.map((g) => parseGoal(g.value, { variables }));
  const draw = readDraw(opts.get('draw'), goals.length, form.pos);
  return { draw, phase: readPhaseOption(opts.get('phase'), phaseCount), goals, pos: form.pos };
}

/**
 * `:draw 0..2` (the reader keeps `0..2` a symbol, left for us), `:draw 1`, or
 * `:draw (0 2)`. Decision: without `:draw`, anything from none to all.
 */
function readDraw(v: Located<Value> | undefined, size: number, pos: Pos | undefined): { min: number; max: number } {
  if (v === undefined) return { min: 0, max: size };
  let min: number | null = null;
  let max: number | null = null;
  if (typeof v.value === 'number') min = max = v.value;
  else if (v.value instanceof Sym) {
    const m = /^(\d+)\.\.(\d+)$/.exec(v.value.name);
    if (m !== null) [min, max] = [Number(m[1]), Number(m[2])];
  } else if (v.value instanceof Cons) {
    const [a, b, ...more] = listToArray(v.value);
    if (typeof a === 'number' && typeof b === 'number' && more.length === 0) [min, max] = [a, b];
  }
  if (min === null || max === null || !Number.isInteger(min) || !Number.isInteger(max)) fail('draw', `:draw is LO..HI, N or (LO HI), found ${describe(v.value)}`, null, v.pos ?? pos);
  if (min < 0 || max < min || max > size) fail('draw', `:draw ${min}..${max} must satisfy 0 ≤ low ≤ high ≤ ${size} (the pool's goals)`, null, v.pos ?? pos);
  return { min, max };
}

function readEscalation(form: Cons, variables: readonly string[], phaseCount: number, firstId: number): EscalationSpec[] {
  const { opts, body } = leadingOptions(form, ['phase']);
  const phase = readPhaseOption(opts.get('phase'), phaseCount);
  if (body.length === 0) fail('escalation', 'an escalation needs at least one (on condition (goal …))', null, form.pos);
  return body.map((item, i) => {
    if (headName(item.value) !== 'on') fail('escalation', `an escalation holds (on condition (goal …)) forms, found ${describe(item.value)}`, null, item.pos);
    const parts = listToArray((item.value as Cons).cdr);
    const [cond, goalForm] = parts;
    if (parts.length !== 2 || cond === undefined || goalForm === undefined) fail('escalation', '(on condition (goal …)) takes exactly a condition and a goal', null, item.pos);
    const goal = parseGoal(goalForm, { variables });
    const condition = compileCondition(cond, variables, 'escalation', 'the escalation condition', goal.name, positionOf(cond) ?? item.pos);
    return { id: firstId + i, condition, goal, phase, pos: item.pos };
  });
}
