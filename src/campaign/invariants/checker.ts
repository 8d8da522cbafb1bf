import type { Catalog } from '../../mission-control/catalog.js';
import type { TraceRecord } from '../../runtime/trace/record.js';
import type { TraceSink } from '../../runtime/trace/sink.js';
import { factOf } from './fact.js';
import type { Invariant, Violation } from './invariant.js';

/** Violations kept in full per campaign; the rest are counted. */
export const MAX_KEPT_VIOLATIONS = 50;

/**
 * Runs the invariants over the trace as the campaign plays: a sink, so it
 * sees every envelope in canonical order without touching the actors, and
 * costs nothing per mission beyond the checks' own bounded memory.
 */
export class InvariantChecker implements TraceSink {
  readonly violations: Violation[] = [];
  count = 0;
  /** Every violation counted by invariant (the kept list stops at MAX_KEPT_VIOLATIONS; this does not). */
  readonly byInvariant: Record<string, number> = {};
  private world: { catalog: Catalog; inserted: string | null; mission: number };

  constructor(
    catalog: Catalog,
    private readonly invariants: readonly Invariant[],
  ) {
    this.world = { catalog, inserted: null, mission: 0 };
  }

  write(r: TraceRecord): void {
    const fact = factOf(r);
    if (fact === null) return;
    if (fact.kind === 'accepted') this.world.mission++;
    for (const inv of this.invariants) {
      const detail = inv.check(fact, this.world);
      if (detail !== null) this.report({ invariant: inv.name, mission: this.world.mission, tick: r.tick, detail });
    }
    if (fact.kind === 'slot') this.world.inserted = fact.cart;
  }

  close(): void {}

  private report(v: Violation): void {
    this.count++;
    this.byInvariant[v.invariant] = (this.byInvariant[v.invariant] ?? 0) + 1;
    if (this.violations.length < MAX_KEPT_VIOLATIONS) this.violations.push(v);
  }
}
