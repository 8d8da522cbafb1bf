import { Cons, Keyword, Sym, type Value, listToArray } from '../../../lisp/values.js';

/**
 * A schema's goals as its cart file declares them (seed 003 §2, §6): read
 * plainly from the `:objectives` form, not through the objective engine. A
 * goal cell is `(goal NAME :key value …)`; a `:branch` or `:any` child is
 * `(NAME :key value …)` or a full goal cell, optional unless it says so.
 */
export interface DeclaredGoal {
  readonly name: string;
  readonly role: 'primary' | 'optional';
  readonly reveal: 'briefed' | 'latent';
  readonly parent: string | null;
  /** The kind of group its children form (null: none). */
  readonly group: 'branch' | 'any' | null;
  readonly children: readonly string[];
  readonly requires: readonly string[];
  readonly voids: readonly string[];
}

/** Goals in a schema: bounded by the engine's own limits, far below this. */
const MAX_DECLARED = 512;

export function declaredGoals(objectives: Value): Map<string, DeclaredGoal> {
  const out = new Map<string, DeclaredGoal>();
  walk(objectives, out, 0);
  return out;
}

/** Every `(goal …)` cell anywhere in the form (spine, phases, pools, escalations), with its group's children. */
function walk(form: Value, out: Map<string, DeclaredGoal>, depth: number): void {
  if (!(form instanceof Cons) || depth > 32 || out.size >= MAX_DECLARED) return;
  if (form.car instanceof Sym && form.car.name === 'goal') {
    cell(listToArray(form).slice(1), null, out);
    return;
  }
  for (const item of listToArray(form)) walk(item, out, depth + 1);
}

function cell(items: readonly Value[], parent: string | null, out: Map<string, DeclaredGoal>): void {
  const head = items[0];
  if (!(head instanceof Sym)) return;
  const keys = new Map<string, Value>();
  for (let i = 1; i + 1 < items.length; i += 2) {
    const k = items[i];
    if (k instanceof Keyword) keys.set(k.name, items[i + 1] as Value);
  }
  const groupKind = keys.has('branch') ? 'branch' : keys.has('any') ? 'any' : null;
  const group = groupKind === null ? null : (keys.get(groupKind) ?? null);
  const childForms = group instanceof Cons ? listToArray(group).filter((c): c is Cons => c instanceof Cons) : [];
  const childItems = childForms.map((c) => {
    const xs = listToArray(c);
    return xs[0] instanceof Sym && xs[0].name === 'goal' ? xs.slice(1) : xs;
  });
  out.set(head.name, {
    name: head.name,
    role: word(keys.get('role')) === 'primary' ? 'primary' : 'optional',
    reveal: word(keys.get('reveal')) === 'latent' ? 'latent' : 'briefed',
    parent,
    group: groupKind,
    children: childItems.flatMap((xs) => (xs[0] instanceof Sym ? [xs[0].name] : [])),
    requires: nameList(keys.get('requires')),
    voids: nameList(keys.get('voids')),
  });
  for (const xs of childItems) cell(xs, head.name, out);
}

function word(v: Value | undefined): string | null {
  return v instanceof Keyword || v instanceof Sym ? v.name : null;
}

function nameList(v: Value | undefined): string[] {
  if (v instanceof Sym || v instanceof Keyword) return [v.name];
  if (!(v instanceof Cons)) return [];
  return listToArray(v).flatMap((x) => (x instanceof Sym || x instanceof Keyword ? [x.name] : []));
}
