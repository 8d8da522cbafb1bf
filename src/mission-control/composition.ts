import type { CatalogSchema } from './catalog.js';
import type { ModuleDef } from './modules.js';
import { type Registry, SUPERSEDED_WEIGHT } from './registry.js';

/**
 * Decision: a contract that needs a Hot Swap (a Recent cart not in the slot)
 * keeps half its weight: Inserted is "preferred (no Hot Swap prompt)", Recent
 * still composes and shows up, marked.
 */
export const SWAP_WEIGHT = 0.5;

/** A schema composed against the registry as it stands now (seed 004 §2.2, §3.2.1–§3.2.3). */
export interface Composition {
  readonly entry: CatalogSchema;
  /** The distinct modules providing the required capabilities, in capability order. */
  readonly contributors: readonly ModuleDef[];
  /** max(:threat-cap) over the contributors. */
  readonly ceiling: number;
  /** The schema's range clipped to [low, min(high, ceiling)]. */
  readonly threatRange: readonly [number, number];
  readonly systemOnly: boolean;
  /** Some contributor is a Recent cart not in the slot. */
  readonly swapRequired: boolean;
  /** Selection weight: :opportunity-weight, × 5% if superseded, × SWAP_WEIGHT if a swap is needed. */
  readonly weight: number;
}

export type Rejection =
  | { readonly reason: 'unknown-capability'; readonly capability: string }
  | { readonly reason: 'not-composable'; readonly module: string; readonly tier: string }
  | { readonly reason: 'system-multi-phase' }
  | { readonly reason: 'threat-above-ceiling'; readonly ceiling: number };

/** What each schema composes to against a registry (immutable once built), kept with the registry. */
const composed = new WeakMap<Registry, Map<CatalogSchema, Composition | Rejection>>();

/** A schema against the registry: a pure function of the two, so worked out once per registry. */
export function compose(entry: CatalogSchema, registry: Registry): Composition | Rejection {
  let known = composed.get(registry);
  if (known === undefined) composed.set(registry, (known = new Map()));
  let c = known.get(entry);
  if (c === undefined) known.set(entry, (c = composeNow(entry, registry)));
  return c;
}

function composeNow(entry: CatalogSchema, registry: Registry): Composition | Rejection {
  const { schema } = entry;
  const contributors: ModuleDef[] = [];
  for (const cap of schema.requiredCapabilities) {
    const m = registry.provider(cap);
    if (m === undefined) return { reason: 'unknown-capability', capability: cap };
    // Historical carts are excluded from composition: that is the decay model's purpose.
    if (!registry.composable(m.name)) return { reason: 'not-composable', module: m.name, tier: registry.tier(m.name) };
    if (!contributors.includes(m)) contributors.push(m);
  }
  const systemOnly = contributors.every((m) => m.system);
  if (systemOnly && schema.phaseCount > 1) return { reason: 'system-multi-phase' };
  const ceiling = Math.max(...contributors.map((m) => m.threatCap));
  const [low, high] = schema.threatRange;
  const top = Math.min(high, ceiling);
  if (low > top) return { reason: 'threat-above-ceiling', ceiling };
  const swapRequired = contributors.some((m) => registry.tier(m.name) === 'recent');
  let weight = schema.opportunityWeight;
  if (contributors.some((m) => m.system && registry.isSuperseded(m.name))) weight *= SUPERSEDED_WEIGHT;
  if (swapRequired) weight *= SWAP_WEIGHT;
  return { entry, contributors, ceiling, threatRange: [low, top], systemOnly, swapRequired, weight };
}

export function isComposition(c: Composition | Rejection): c is Composition {
  return 'entry' in c;
}

/** Every schema that composes now, in catalog (name) order. */
export function composeAll(schemas: readonly CatalogSchema[], registry: Registry): Composition[] {
  const out: Composition[] = [];
  for (const s of schemas) {
    const c = compose(s, registry);
    if (isComposition(c)) out.push(c);
  }
  return out;
}
