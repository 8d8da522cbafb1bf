import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PredicateValue } from '../../src/lisp/compile-predicate.js';
import { drawLimbs } from '../../src/objectives/limbs.js';
import { Mission, type MissionOptions, type VerbResult } from '../../src/objectives/mission.js';
import { type ObjectiveSchema, readContractSchemas } from '../../src/objectives/schema.js';
import { defaultVariables } from '../../src/objectives/variables.js';

export const GLASS_PAYROLL_FILE = fileURLToPath(new URL('../../actors/cartridge/games/ice-breaker/glass-payroll.lisp', import.meta.url));

/** The shipped GLASS PAYROLL schema, read from the ICE BREAKER cart's file. */
export function glassPayroll(): ObjectiveSchema {
  const schemas = readContractSchemas(readFileSync(GLASS_PAYROLL_FILE, 'utf8'), GLASS_PAYROLL_FILE);
  if (schemas.length !== 1) throw new Error(`expected one schema in ${GLASS_PAYROLL_FILE}, found ${schemas.length}`);
  return schemas[0] as ObjectiveSchema;
}

/** One schema from Lisp source text. */
export function schemaOf(text: string): ObjectiveSchema {
  const schemas = readContractSchemas(text, 'test.lisp');
  if (schemas.length !== 1) throw new Error(`expected one schema, found ${schemas.length}`);
  return schemas[0] as ObjectiveSchema;
}

/** The first seed from 0 whose drawn limbs are exactly `names` (pool order). */
export function seedDrawing(schema: ObjectiveSchema, names: readonly string[]): number {
  for (let seed = 0; seed < 10_000; seed++) {
    const drawn = drawLimbs(schema, seed).flatMap((d) => d.goals.map((g) => g.name));
    if (drawn.join(' ') === names.join(' ')) return seed;
  }
  throw new Error(`no seed below 10000 draws ${names.join(', ')}`);
}

export function instance(schema: ObjectiveSchema, options: Partial<MissionOptions> = {}): Mission {
  return Mission.instantiate(schema, { seed: 1, ...options });
}

/** A full variables record: every variable at rest, then the overrides. */
export function vars(overrides: Record<string, PredicateValue> = {}): Record<string, PredicateValue> {
  return { ...defaultVariables(), ...overrides };
}

/** Assert a verb succeeded and return its events. */
export function ok(result: VerbResult): Extract<VerbResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the verb to succeed: ${result.error.message}`);
  return result;
}

/** Assert a verb was refused and return its error. */
export function refused(result: VerbResult): Extract<VerbResult, { ok: false }>['error'] {
  if (result.ok) throw new Error(`expected the verb to be refused, but ${result.goal} is now ${result.state}`);
  return result.error;
}

export function states(m: Mission): Record<string, string> {
  return Object.fromEntries(m.snapshot().goals.map((g) => [g.name, g.state]));
}
