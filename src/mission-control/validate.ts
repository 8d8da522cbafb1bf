import type { Pos } from '../lisp/position.js';
import { type CartFile, loadCartContent } from './cart-content.js';
import { briefPlaceholders } from './contract-content.js';
import { PAYOUT_FORMULAS } from './economy.js';
import { GENERATORS } from './generators/index.js';
import { MIN_TTL_SECONDS } from './limits.js';
import type { ModuleDef } from './modules.js';
import { type Problem, sortProblems } from './problems.js';
import type { ContractSchema } from './schema.js';
import type { GoalSpec } from '../objectives/goal-cell.js';
import type { ObjectiveSchema } from '../objectives/schema.js';

/** Checks a schema's `:objectives` (the objective engine's invariants); returns its problems. */
export type ObjectiveChecker = (schema: ContractSchema) => Problem[];

export interface ValidationReport {
  readonly problems: readonly Problem[];
  /** Schemas found in the files being checked. */
  readonly schemas: number;
}

/**
 * `nosh validate-schema` (seed 004 OQ-5): lint the schemas in `files` against
 * the registered capability set — the modules the shipped carts register,
 * plus any the checked files register themselves. Only problems in `files`
 * are reported; a file that is also shipped is read once.
 */
export function validateSchemas(files: readonly CartFile[], registry: readonly CartFile[], checkObjectives: ObjectiveChecker = () => []): ValidationReport {
  const paths = new Set(files.map((f) => f.path));
  const content = loadCartContent([...registry.filter((f) => !paths.has(f.path)), ...files]);
  const problems: Problem[] = [...content.problems];
  for (const m of content.modules) problems.push(...checkModule(m));
  let schemas = 0;
  for (const s of content.schemas) {
    if (!paths.has(s.at.form?.source ?? '')) continue;
    schemas++;
    problems.push(...checkSchema(s, content.modules), ...checkObjectives(s));
  }
  const inFiles = problems.filter((p) => p.pos === undefined || paths.has(p.pos.source ?? ''));
  return { problems: sortProblems(dedupe(inFiles)), schemas };
}

function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pos?.source}:${p.pos?.line}:${p.pos?.col}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkModule(m: ModuleDef): Problem[] {
  const out: Problem[] = [];
  m.seeds.forEach((name, i) => {
    if (!GENERATORS.has(name)) out.push({ pos: m.at.seeds[i], message: `unknown generator ${name} in :${m.name}'s :seeds (known: ${[...GENERATORS.keys()].join(', ')})` });
  });
  return out;
}

export function checkSchema(s: ContractSchema, modules: readonly ModuleDef[]): Problem[] {
  const out: Problem[] = [];
  const problem = (pos: Pos | undefined, message: string): void => {
    out.push({ pos: pos ?? s.at.form, message });
  };
  const contributors: ModuleDef[] = [];
  s.requiredCapabilities.forEach((cap, i) => {
    const m = modules.find((x) => x.provides.includes(cap));
    if (m === undefined) problem(s.at.requiredCapabilities[i], `unknown capability :${cap}: no registered module provides it`);
    else if (!contributors.includes(m)) contributors.push(m);
  });

  const [low, high] = s.threatRange;
  if (low > high) problem(s.at.threatRange, `inverted :threat-range (${low} ${high}): low must not exceed high`);
  if (contributors.length > 0) {
    const ceiling = Math.max(...contributors.map((m) => m.threatCap));
    if (low > ceiling) {
      const caps = contributors.map((m) => `:${m.name} ${m.threatCap}`).join(', ');
      problem(s.at.threatRange, `:threat-range (${low} ${high}) is above every contributor's :threat-cap (${caps}): no contract could ever be generated`);
    }
    if (s.phaseCount > 1 && contributors.every((m) => m.system)) {
      problem(s.at.phaseCount ?? s.at.form, `:phase-count ${s.phaseCount} on a System-only composition (${contributors.map((m) => `:${m.name}`).join(', ')}): System baselines compose single-phase contracts only`);
    }
  }

  for (const g of s.at.generators) {
    if (!GENERATORS.has(g.name)) problem(g.pos, `unknown generator ${g.name} (known: ${[...GENERATORS.keys()].join(', ')})`);
  }
  if (!PAYOUT_FORMULAS.has(s.payoutFormula)) problem(s.at.payoutFormula, `unknown payout formula ${s.payoutFormula} (known: ${[...PAYOUT_FORMULAS.keys()].join(', ')})`);

  if (s.ttlRange !== null) {
    const [lo, hi] = s.ttlRange;
    if (lo > hi) problem(s.at.ttlRange, `inverted :ttl-range (${lo} ${hi}): the shortest TTL must not exceed the longest`);
    if (lo < MIN_TTL_SECONDS) problem(s.at.ttlRange, `:ttl-range starts at ${lo} s; a contract lives at least ${MIN_TTL_SECONDS} s`);
    if (s.episodic) problem(s.at.ttlRange, 'an :episodic schema has no TTL: its contracts wait until accepted');
  }

  // Seed 003 §3.2: :recurring pays "on each check-in", and only Episodic contracts are visited again.
  if (!s.episodic && s.objectiveSchema !== null) {
    for (const g of allGoals(s.objectiveSchema)) {
      const r = g.rewards.find((x) => x.when === 'recurring');
      if (r) problem(r.pos ?? g.pos, `goal ${g.name} pays :recurring, but :${s.name} is not :episodic: only an Episodic contract has check-ins to pay it at (make it :deferred, or the schema :episodic true)`);
    }
  }

  // A latent primary that only the operator's own goal-reveal could open: the engine lets a mission succeed with it
  // locked (§2.1: nobody fails what they were never told), so the board would quote ¤ the deck never pays.
  if (s.objectiveSchema !== null) {
    const spawned = new Set(s.objectiveSchema.escalations.map((e) => e.goal.name));
    for (const g of allGoals(s.objectiveSchema)) {
      if (g.role === 'primary' && g.reveal === 'latent' && g.at === null && !spawned.has(g.name)) {
        problem(g.pos, `goal ${g.name}: a :latent :primary that nothing in the schema reveals, so the mission succeeds with it locked while the board quotes its ¤: give it :at (variable name), spawn it from an escalation, or make it :optional or :briefed`);
      }
    }
  }

  if (s.brief !== null) {
    const names = new Set(['target', ...s.nounGenerators, ...s.conditionGenerators]);
    for (const p of briefPlaceholders(s.brief)) {
      if (!names.has(p)) problem(s.at.brief, `:brief uses {${p}}, which is neither {target} nor one of this schema's generators`);
    }
  }
  return out;
}

/** Every goal a schema can put in an instance: the spine, every pool, every escalation, with their group children. */
function allGoals(o: ObjectiveSchema): GoalSpec[] {
  const out: GoalSpec[] = [];
  const walk = (g: GoalSpec): void => {
    out.push(g);
    for (const c of g.group?.children ?? []) walk(c);
  };
  for (const phase of o.phases) phase.forEach(walk);
  for (const pool of o.pools) pool.goals.forEach(walk);
  for (const e of o.escalations) walk(e.goal);
  return out;
}
