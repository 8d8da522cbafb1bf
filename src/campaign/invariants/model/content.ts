import { readAll } from '../../../lisp/reader.js';
import { Cons, Keyword, Sym, type Value, listToArray } from '../../../lisp/values.js';
import { type DeclaredGoal, declaredGoals } from './declared-goals.js';
import { LAUNCH_THREAT_CAPS } from './rules.js';

/**
 * What the checks need of the cart content, read from the cart files as data
 * (registration and schema forms) rather than through Mission Control's
 * catalog: which module provides each capability, each module's threat cap
 * and tier, each schema's required capabilities, threat range and category.
 */
export interface ModuleFacts {
  readonly name: string;
  readonly system: boolean;
  readonly provides: readonly string[];
  readonly threatCap: number;
}

export interface SchemaFacts {
  readonly name: string;
  readonly requires: readonly string[];
  readonly threatRange: readonly [number, number];
  readonly episodic: boolean;
  /** Its goals as the cart file declares them. */
  readonly goals: ReadonlyMap<string, DeclaredGoal>;
}

export interface ContentFacts {
  readonly modules: ReadonlyMap<string, ModuleFacts>;
  readonly schemas: ReadonlyMap<string, SchemaFacts>;
  /** The modules a schema's contracts are composed from: the first provider of each required capability. */
  contributors(schema: string): readonly ModuleFacts[];
  /** The module whose cart folder declares a schema (a baseline's schemas live in the baseline's folder). */
  readonly schemaOwner: ReadonlyMap<string, string>;
  /** cart → the baseline it `:supersedes` (seed 004 §2.3). */
  readonly supersedes: ReadonlyMap<string, string>;
}

export function readContent(files: ReadonlyArray<{ path: string; text: string }>): ContentFacts {
  const registered = new Map<string, { system: boolean; provides: string[] }>();
  const caps = new Map<string, number>();
  const schemas = new Map<string, SchemaFacts>();
  const schemaOwner = new Map<string, string>();
  const supersedes = new Map<string, string>();
  for (const f of files) {
    // actors/cartridge/games/<module>/<file>.lisp: the folder names the module.
    const owner = f.path.split(/[\\/]/).at(-2) ?? '';
    for (const form of readAll(f.text, { source: f.path })) {
      if (!(form instanceof Cons) || !(form.car instanceof Sym)) continue;
      const [, ...rest] = listToArray(form);
      const head = form.car.name;
      if (head === 'register-capabilities') {
        const p = plist(rest);
        const name = nameOf(p.get('module'));
        if (name !== null) registered.set(name, { system: nameOf(p.get('tier')) === 'system', provides: names(p.get('provides')) });
      } else if (head === 'register-mission-contributions') {
        const p = plist(rest);
        const name = nameOf(p.get('module'));
        const cap = p.get('threat-cap');
        if (name !== null && typeof cap === 'number') caps.set(name, cap);
        const baseline = nameOf(p.get('supersedes'));
        if (name !== null && baseline !== null) supersedes.set(name, baseline);
      } else if (head === 'defcontract-schema') {
        const name = nameOf(rest[0] ?? null);
        if (name === null) continue;
        const p = plist(rest.slice(1));
        schemaOwner.set(name, owner);
        const range = unquote(p.get('threat-range'));
        const pair = range instanceof Cons ? listToArray(range).filter((x): x is number => typeof x === 'number') : [];
        schemas.set(name, {
          name,
          requires: names(p.get('required-capabilities')),
          threatRange: [pair[0] ?? 1, pair[1] ?? pair[0] ?? 1],
          episodic: p.get('episodic') === true,
          // `:objectives (spine …) (limbs …)`: every goal cell of the form, wherever it sits.
          goals: declaredGoals(form),
        });
      }
    }
  }
  const modules = new Map<string, ModuleFacts>();
  for (const [name, r] of registered) modules.set(name, { name, system: r.system, provides: r.provides, threatCap: LAUNCH_THREAT_CAPS[name] ?? caps.get(name) ?? 0 });
  const byCapability = new Map<string, ModuleFacts>();
  for (const m of modules.values()) for (const c of m.provides) if (!byCapability.has(c)) byCapability.set(c, m);
  return {
    modules,
    schemas,
    schemaOwner,
    supersedes,
    contributors(schema) {
      const s = schemas.get(schema);
      if (s === undefined) return [];
      return [...new Set(s.requires.map((c) => byCapability.get(c)).filter((m): m is ModuleFacts => m !== undefined))];
    },
  };
}

function plist(items: readonly Value[]): Map<string, Value> {
  const out = new Map<string, Value>();
  for (let i = 0; i + 1 < items.length; i += 2) {
    const k = items[i];
    if (k instanceof Keyword) out.set(k.name, items[i + 1] as Value);
  }
  return out;
}

function unquote(v: Value | undefined): Value {
  if (v instanceof Cons && v.car instanceof Sym && v.car.name === 'quote' && v.cdr instanceof Cons) return v.cdr.car;
  return v ?? null;
}

function nameOf(v: Value | undefined): string | null {
  const u = unquote(v);
  return u instanceof Keyword || u instanceof Sym ? u.name : null;
}

function names(v: Value | undefined): string[] {
  const u = unquote(v);
  if (!(u instanceof Cons)) return [];
  return listToArray(u).flatMap((x) => (x instanceof Keyword || x instanceof Sym ? [x.name] : []));
}
