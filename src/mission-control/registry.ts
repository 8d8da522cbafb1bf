import { cartLastSeenAt } from '../deck/cart-seen.js';
import type { Uds } from '../deck/uds.js';
import type { ModuleDef } from './modules.js';

/**
 * The four registry tiers of seed 004 §2.2, plus `unregistered` for a cart
 * this deck has never seen (which is no tier at all).
 */
export type Tier = 'system' | 'inserted' | 'recent' | 'historical' | 'unregistered';

/**
 * Decision: a cartridge stays Recent for 7 days of deck wall-clock time after
 * it was last in the slot. The seed leaves the window to a decay-model ADR; a
 * week keeps the carts of someone who plays weekly on the board, and lets a
 * cart shelved for a season fade to a memorial.
 */
export const RECENCY_WINDOW_MS = 7 * 24 * 3600 * 1000;

/** Seed 004 §2.3: a superseded baseline's schemas keep 5% of their weight (a variety floor). */
export const SUPERSEDED_WEIGHT = 0.05;

/**
 * The capability registry as a derived view (seed 004 §2.2): the module
 * definitions from cart content, over UDS cartridge_history and
 * cart_last_seen, plus whichever cart is in the slot now. Nothing here is
 * stored; it is rebuilt whenever its inputs change.
 */
export class Registry {
  private readonly tiers = new Map<string, Tier>();
  private readonly providers = new Map<string, ModuleDef>();
  private readonly superseded = new Set<string>();
  private readonly byName = new Map<string, ModuleDef>();
  /**
   * The first deck time at which a Recent cart turns Historical: until then (and from `now` on) the
   * tiers are this registry's, so a view built at `now` serves any later moment before it.
   */
  readonly stableUntil: number;

  constructor(
    readonly modules: readonly ModuleDef[],
    uds: Uds,
    /** The cart in the slot now, by name; null when the slot is empty. */
    readonly inserted: string | null,
    readonly now: number,
    readonly recencyWindowMs = RECENCY_WINDOW_MS,
  ) {
    if (inserted !== null) {
      const m = modules.find((x) => x.name === inserted);
      if (m === undefined) throw new RangeError(`no cartridge named '${inserted}' (cartridges: ${cartNames(modules).join(', ')})`);
      if (m.system) throw new RangeError(`'${inserted}' is a System baseline, not a cartridge: it cannot be inserted`);
    }
    for (const m of modules) {
      this.byName.set(m.name, m);
      this.tiers.set(m.name, this.computeTier(m, uds));
      for (const cap of m.provides) if (!this.providers.has(cap)) this.providers.set(cap, m);
    }
    let until = Number.POSITIVE_INFINITY;
    for (const m of modules) {
      const t = this.tiers.get(m.name);
      if (m.supersedes !== null && (t === 'inserted' || t === 'recent')) this.superseded.add(m.supersedes);
      const seen = t === 'recent' ? cartLastSeenAt(uds, m.bit) : null;
      if (seen !== null) until = Math.min(until, seen + recencyWindowMs + 1);
    }
    this.stableUntil = until;
  }

  /** Whether the tiers at deck time `t` are this registry's (later than it was built, before a tier turns). */
  holdsAt(t: number): boolean {
    return t >= this.now && t < this.stableUntil;
  }

  private computeTier(m: ModuleDef, uds: Uds): Tier {
    if (m.system) return 'system';
    if (m.name === this.inserted) return 'inserted';
    if ((uds.cartridgeHistory & m.bit) === 0) return 'unregistered';
    const seen = cartLastSeenAt(uds, m.bit);
    // A cart registered before last-seen times were kept has no timestamp: it is Historical.
    if (seen !== null && this.now - seen <= this.recencyWindowMs) return 'recent';
    return 'historical';
  }

  tier(module: string): Tier {
    return this.tiers.get(module) ?? 'unregistered';
  }

  /** System ∪ Inserted ∪ Recent compose; Historical and unregistered never do. */
  composable(module: string): boolean {
    const t = this.tier(module);
    return t === 'system' || t === 'inserted' || t === 'recent';
  }

  module(name: string): ModuleDef | undefined {
    return this.byName.get(name);
  }

  provider(capability: string): ModuleDef | undefined {
    return this.providers.get(capability);
  }

  /** Whether a cart that supersedes this baseline is Inserted or Recent (its schemas then weigh 5%). */
  isSuperseded(baseline: string): boolean {
    return this.superseded.has(baseline);
  }

  /** Modules by tier, for the operator's registry screen (Historical is the memorial / re-insert list). */
  byTier(tier: Tier): ModuleDef[] {
    return this.modules.filter((m) => this.tier(m.name) === tier);
  }
}

export function cartNames(modules: readonly ModuleDef[]): string[] {
  return modules.filter((m) => !m.system).map((m) => m.name);
}
