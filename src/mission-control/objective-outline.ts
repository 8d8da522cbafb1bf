import { print } from '../lisp/printer.js';
import { Cons, Keyword, Sym, type Value, listToArray } from '../lisp/values.js';
import type { Located } from './forms.js';

/**
 * What the board and the briefing need to know about a schema's objectives,
 * read from its `:objectives` forms: goal texts, roles, and reward amounts.
 * The objective engine owns what the forms mean at run time; this is a
 * read-only outline of the authored spine and limbs, taken once per schema.
 */
export interface RewardOutline {
  /** `¤`, `rep`, `intel` or `access`. */
  readonly kind: string;
  /** A number, or the flag name for `access`. */
  readonly amount: number | string;
  /** `(scale N)`: routed through the payout formula and the economy. */
  readonly scaled: boolean;
  readonly when: string;
}

export interface GoalOutline {
  readonly name: string;
  readonly text: string;
  readonly role: 'primary' | 'optional';
  readonly latent: boolean;
  readonly hold: string | null;
  readonly rewards: readonly RewardOutline[];
}

export interface ObjectiveOutline {
  readonly spine: readonly GoalOutline[];
  /** Choices of the spine's `:branch` forks. */
  readonly branches: readonly GoalOutline[];
  readonly pool: readonly GoalOutline[];
  readonly poolDraw: readonly [number, number];
  readonly escalations: readonly { readonly trigger: string; readonly goal: GoalOutline }[];
}

const EMPTY: ObjectiveOutline = { spine: [], branches: [], pool: [], poolDraw: [0, 0], escalations: [] };

export function outlineObjectives(forms: readonly Located[]): ObjectiveOutline {
  let out = EMPTY;
  for (const { value } of forms) {
    const head = headOf(value);
    if (head === 'spine') out = { ...out, ...spine(value as Cons) };
    else if (head === 'limbs') out = { ...out, ...limbs(value as Cons) };
  }
  return out;
}

function headOf(v: Value): string | null {
  return v instanceof Cons && v.car instanceof Sym ? v.car.name : null;
}

function spine(form: Cons): Pick<ObjectiveOutline, 'spine' | 'branches'> {
  const goals: GoalOutline[] = [];
  const branches: GoalOutline[] = [];
  // `(spine goal…)` is one phase; `(spine (phase-1 goal…) (phase-2 goal…))` several, read in order.
  const goalForms = listToArray(form.cdr).flatMap((x) => (/^phase-\d+$/.test(headOf(x) ?? '') ? listToArray((x as Cons).cdr) : [x]));
  for (const g of goalForms) {
    if (headOf(g) !== 'goal') continue;
    const cell = g as Cons;
    goals.push(goal(cell.cdr));
    const props = plist(listToArray((cell.cdr as Cons | null)?.cdr ?? null));
    const branch = props.get('branch');
    if (branch instanceof Cons) for (const choice of listToArray(branch)) if (choice instanceof Cons) branches.push(goal(choice, 'optional'));
  }
  return { spine: goals, branches };
}

function limbs(form: Cons): Pick<ObjectiveOutline, 'pool' | 'poolDraw' | 'escalations'> {
  const pool: GoalOutline[] = [];
  const escalations: { trigger: string; goal: GoalOutline }[] = [];
  let poolDraw: [number, number] = [0, 0];
  for (const part of listToArray(form.cdr)) {
    const head = headOf(part);
    const items = listToArray((part as Cons | null)?.cdr ?? null);
    if (head === 'optional-pool') {
      const drawAt = items.findIndex((x) => x instanceof Keyword && x.name === 'draw');
      const draw = drawAt >= 0 ? items[drawAt + 1] : undefined;
      poolDraw = parseDraw(draw);
      for (const g of items) if (headOf(g) === 'goal') pool.push(goal((g as Cons).cdr));
    } else if (head === 'escalation') {
      for (const on of items) {
        if (headOf(on) !== 'on') continue;
        const [trigger, g] = listToArray((on as Cons).cdr);
        if (headOf(g ?? null) === 'goal') escalations.push({ trigger: print(trigger ?? null), goal: goal((g as Cons).cdr) });
      }
    }
  }
  return { pool, poolDraw, escalations };
}

/** `0..2` reads as a symbol (docs/lisp.md); a bare integer n means exactly n. */
export function parseDraw(v: Value | undefined): [number, number] {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return [v, v];
  const m = v instanceof Sym ? /^(\d+)\.\.(\d+)$/.exec(v.name) : null;
  if (m === null) return [0, 0];
  return [Number(m[1]), Number(m[2])];
}

/** `name :key value …` (the cdr of a goal form, or a branch choice). */
function goal(rest: Value, defaultRole: 'primary' | 'optional' = 'optional'): GoalOutline {
  const items = listToArray(rest instanceof Cons ? rest : null);
  const name = items[0] instanceof Sym ? items[0].name : '?';
  const props = plist(items.slice(1));
  const role = props.get('role');
  const reveal = props.get('reveal');
  const text = props.get('text');
  const hold = props.get('hold');
  return {
    name,
    text: typeof text === 'string' ? text : name.replace(/-/g, ' ').toUpperCase(),
    role: role instanceof Keyword ? (role.name === 'primary' ? 'primary' : 'optional') : defaultRole,
    latent: reveal instanceof Keyword && reveal.name === 'latent',
    hold: hold === undefined ? null : print(hold),
    rewards: rewards(props.get('reward')),
  };
}

function plist(items: readonly Value[]): Map<string, Value> {
  const out = new Map<string, Value>();
  for (let i = 0; i + 1 < items.length; i++) {
    const k = items[i];
    if (k instanceof Keyword) out.set(k.name, items[++i] as Value);
  }
  return out;
}

/** `((¤ (scale 600)) (rep 4 :on-resolve) (access :ledger-followon))`. */
function rewards(v: Value | undefined): RewardOutline[] {
  if (!(v instanceof Cons)) return [];
  const out: RewardOutline[] = [];
  for (const r of listToArray(v)) {
    if (!(r instanceof Cons) || !(r.car instanceof Sym)) continue;
    const [kind, amount, when] = listToArray(r);
    const kindName = (kind as Sym).name;
    const whenName = when instanceof Keyword ? when.name : 'on-complete';
    if (typeof amount === 'number') out.push({ kind: kindName, amount, scaled: false, when: whenName });
    else if (amount instanceof Cons && headOf(amount) === 'scale' && typeof (amount.cdr as Cons | null)?.car === 'number') {
      out.push({ kind: kindName, amount: (amount.cdr as Cons).car as number, scaled: true, when: whenName });
    } else if (amount instanceof Keyword) out.push({ kind: kindName, amount: amount.name, scaled: false, when: whenName });
  }
  return out;
}

/** The ¤ a clean run of the spine's primaries pays before scaling: what the board quotes. */
export function primaryCredits(outline: ObjectiveOutline): number {
  let sum = 0;
  for (const g of outline.spine) {
    if (g.role !== 'primary') continue;
    for (const r of g.rewards) if (r.kind === '¤' && typeof r.amount === 'number') sum += r.amount;
  }
  return sum;
}
