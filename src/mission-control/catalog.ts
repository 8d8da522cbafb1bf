import type { CartContent } from './cart-content.js';
import type { ModuleDef } from './modules.js';
import type { RewardSpec } from '../objectives/rewards.js';
import type { ObjectiveSchema } from '../objectives/schema.js';
import { primaryCreditRewards } from './objectives.js';
import { formatProblem } from './problems.js';
import type { ContractSchema } from './schema.js';

/** A schema with what generation reads from it again and again, worked out once. */
export interface CatalogSchema {
  readonly schema: ContractSchema;
  /** The objective engine's schema (spine phases, limbs, compiled conditions). */
  readonly objectives: ObjectiveSchema;
  /** The spine primaries' ¤ rewards: what the board quotes, scaled at each contract's rate. */
  readonly primaryCredits: readonly RewardSpec[];
  /** The modules providing its capabilities (whatever their tier), in capability order. */
  readonly providers: readonly ModuleDef[];
  /** Their affinities, in order, without repeats: what flavours generated names. */
  readonly affinities: readonly string[];
}

/** Cart content ready for generation: only content without problems gets here. */
export interface Catalog {
  readonly modules: readonly ModuleDef[];
  readonly schemas: readonly CatalogSchema[];
  readonly schemaByName: ReadonlyMap<string, CatalogSchema>;
}

export class CartContentError extends Error {
  override readonly name = 'CartContentError';
}

/** Build the catalog, refusing content with problems (run `nosh validate-schema` to see them all). */
export function buildCatalog(content: CartContent): Catalog {
  if (content.problems.length > 0) {
    const shown = content.problems.slice(0, 5).map(formatProblem).join('\n');
    const more = content.problems.length > 5 ? `\n… and ${content.problems.length - 5} more` : '';
    throw new CartContentError(`cart content has ${content.problems.length} problem(s):\n${shown}${more}`);
  }
  const schemas = content.schemas.map((schema) => {
    // Content with problems never gets here, so the engine read every schema.
    const objectives = schema.objectiveSchema as ObjectiveSchema;
    const providers: ModuleDef[] = [];
    for (const cap of schema.requiredCapabilities) {
      const m = content.modules.find((x) => x.provides.includes(cap));
      if (m !== undefined && !providers.includes(m)) providers.push(m);
    }
    const affinities = [...new Set(providers.flatMap((m) => m.affinities))];
    return { schema, objectives, primaryCredits: primaryCreditRewards(objectives), providers, affinities };
  });
  return { modules: content.modules, schemas, schemaByName: new Map(schemas.map((s) => [s.schema.name, s])) };
}
