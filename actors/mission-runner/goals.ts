import { Cons, Keyword, LispMap, Sym, type Value, list } from '../../src/lisp/values.js';

const kw = (n: string): Keyword => new Keyword(n);

/** A goal cell `(goal NAME :k v …)` as a map of its keys, with its name, phase and parent. */
function cellToMap(cell: Cons, phase: number, parent: string | null, group: string | null): { map: LispMap; children: Array<{ cell: Cons; group: string }> } {
  const name = cell.cdr?.car instanceof Sym ? cell.cdr.car.name : '?';
  const pairs: Array<[Value, Value]> = [
    [kw('name'), new Sym(name)],
    [kw('phase'), phase],
    [kw('parent'), parent === null ? null : new Sym(parent)],
    [kw('group'), group === null ? null : kw(group)],
  ];
  const children: Array<{ cell: Cons; group: string }> = [];
  for (let p = cell.cdr?.cdr ?? null; p !== null && p.cdr !== null; p = p.cdr.cdr) {
    if (!(p.car instanceof Keyword)) break;
    const key = p.car.name;
    const value = p.cdr.car;
    if ((key === 'branch' || key === 'any') && value instanceof Cons) {
      for (let c: Cons | null = value; c !== null; c = c.cdr) if (c.car instanceof Cons) children.push({ cell: c.car, group: key });
      pairs.push([kw('children'), list(...childNames(value))]);
    } else pairs.push([kw(key), value]);
  }
  return { map: LispMap.fromPairs(pairs), children };
}

function childNames(cells: Cons): Value[] {
  const out: Value[] = [];
  for (let c: Cons | null = cells; c !== null; c = c.cdr) if (c.car instanceof Cons && c.car.cdr?.car instanceof Sym) out.push(c.car.cdr.car);
  return out;
}

/**
 * Every goal of `current-mission` as a flat list of maps (`:name :phase
 * :parent :group :role :reveal :state :reward …`), parents before their
 * children: what a script filters to decide what to do next.
 */
export function goalsOf(mission: Value): Value {
  const out: Value[] = [];
  const walk = (cell: Cons, phase: number, parent: string | null, group: string | null): void => {
    const { map, children } = cellToMap(cell, phase, parent, group);
    out.push(map);
    const name = cell.cdr?.car instanceof Sym ? cell.cdr.car.name : '?';
    for (const c of children) walk(c.cell, phase, name, c.group);
  };
  if (!(mission instanceof Cons)) return null;
  let phase = 0;
  for (let p = mission.cdr; p !== null; p = p.cdr) {
    if (!(p.car instanceof Cons)) continue;
    phase++;
    for (let g = p.car.cdr; g !== null; g = g.cdr) if (g.car instanceof Cons) walk(g.car, phase, null, null);
  }
  return list(...out);
}

/** The map of one goal by name, or nil. */
export function goalInfo(mission: Value, name: string): Value {
  for (let p = goalsOf(mission) as Cons | null; p !== null; p = p.cdr) {
    const m = p.car as LispMap;
    const n = m.get(kw('name'));
    if (n instanceof Sym && n.name === name) return m;
  }
  return null;
}

/** A goal named by a symbol, a string, a keyword, or a goal cell taken from `current-mission`. */
export function goalName(v: Value): string | null {
  if (v instanceof Sym || v instanceof Keyword) return v.name;
  if (typeof v === 'string') return v;
  if (v instanceof Cons && v.car instanceof Sym && v.car.name === 'goal' && v.cdr?.car instanceof Sym) return v.cdr.car.name;
  if (v instanceof LispMap) {
    const n = v.get(kw('name'));
    return n instanceof Sym ? n.name : null;
  }
  return null;
}
