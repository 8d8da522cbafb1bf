import type { TraceRecord } from '../../runtime/trace/record.js';
import type { TraceSink } from '../../runtime/trace/sink.js';
import { FactReader } from './facts.js';
import type { Invariant, Violation } from './invariant.js';
import type { ContentFacts } from './model/content.js';
import { type CampaignFacts, World } from './model/world.js';

/** Violations kept in full per campaign; the rest are counted. */
export const MAX_KEPT_VIOLATIONS = 50;

/**
 * Runs the invariants over the trace as the campaign plays: a sink, so it
 * sees every record in canonical order without touching the actors. Each fact
 * is checked against the reference model as it stood, the model takes it in,
 * and it is checked again; the invariants only read the model, so their order
 * does not matter.
 */
export class InvariantChecker implements TraceSink {
  readonly violations: Violation[] = [];
  count = 0;
  /** Every violation counted by invariant (the kept list stops at MAX_KEPT_VIOLATIONS; this does not). */
  readonly byInvariant: Record<string, number> = {};
  readonly world: World;
  private readonly reader = new FactReader();

  constructor(
    content: ContentFacts,
    campaign: CampaignFacts,
    private readonly invariants: readonly Invariant[],
  ) {
    this.world = new World(content, campaign);
  }

  write(r: TraceRecord): void {
    const fact = this.reader.read(r);
    if (fact === null) return;
    const w = this.world;
    w.tick = r.tick;
    if (fact.kind === 'resolve') w.resolving(fact.due, fact.how);
    if (fact.kind === 'power-cut') w.cut();
    for (const inv of this.invariants) this.report(inv, inv.before?.(fact, w) ?? null, r.tick);
    w.apply(fact);
    for (const inv of this.invariants) this.report(inv, inv.after?.(fact, w) ?? null, r.tick);
    w.adopt(fact);
  }

  close(): void {}

  private report(inv: Invariant, detail: string | null, tick: number): void {
    if (detail === null) return;
    this.count++;
    this.byInvariant[inv.name] = (this.byInvariant[inv.name] ?? 0) + 1;
    if (this.violations.length < MAX_KEPT_VIOLATIONS) this.violations.push({ invariant: inv.name, mission: this.world.missionIndex, tick, detail });
  }
}
