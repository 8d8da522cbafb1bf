import type { CampaignSummary } from './campaign.js';
import { FAULT_KINDS, type FaultKind } from './faults/index.js';
import { replayCommand } from './replay-command.js';
import type { SoakConfig, SoakResult } from './soak.js';

/**
 * What a soak's last `--json` line says, built once: the CLI prints it, and the
 * dashboard's final state carries it and takes its numbers from it, so the page
 * and the line cannot disagree.
 */
export function soakJsonLine(r: SoakResult): Record<string, unknown> {
  const bySeed = new Map(r.summaries.map((s) => [s.seed, s.traceHash]));
  const hashes = Array.from({ length: r.config.campaigns }, (_, i) => bySeed.get(r.config.seed + i) ?? null);
  const line: Record<string, unknown> = { campaigns: r.config.campaigns, missions: r.missions, violations: r.violations, missionsPerSec: Math.round(r.missionsPerSec * 10) / 10, workers: r.config.workers, hashes };
  // Only there when something went wrong beyond a violation, so a clean soak's line keeps its documented shape.
  const stopped = stoppedEarly(r.config, r.summaries);
  if (r.interrupted) {
    line.interrupted = true;
    line.finished = r.summaries.length;
  }
  if (r.details.length > 0) line.details = r.details;
  if (stopped.length > 0) line.stopped = stopped;
  if (r.failures.length > 0) line.failed = r.failures;
  return line;
}

export interface StoppedCampaign {
  readonly seed: number;
  readonly ended: string;
  readonly replay: string;
}

/** Campaigns that ended before their missions were played (a tick bound, a stall, an actor that kept crashing). */
export function stoppedEarly(config: SoakConfig, summaries: readonly CampaignSummary[]): StoppedCampaign[] {
  return summaries
    .filter((s) => s.ended !== 'done')
    .map((s) => ({ seed: s.seed, ended: s.ended, replay: replayCommand({ ...config, seed: s.seed, mission: null, hash: s.traceHash }) }));
}

/** Faults of one kind: injected across the campaigns, and how many of those struck a campaign that still finished clean (done, no violation). */
export interface FaultTally {
  readonly kind: FaultKind;
  readonly injected: number;
  readonly survived: number;
}

/** Totals over finished campaigns that the report and the dashboard both show. */
export interface SoakTotals {
  readonly succeeded: number;
  readonly failed: number;
  readonly abandoned: number;
  readonly hotSwaps: number;
  readonly restarts: number;
  readonly aborts: number;
  readonly scriptErrors: number;
  readonly powerCycles: number;
  readonly faults: readonly FaultTally[];
}

export function soakTotals(summaries: readonly CampaignSummary[]): SoakTotals {
  const sum = (k: 'succeeded' | 'failed' | 'abandoned' | 'hotSwaps' | 'restarts' | 'aborts' | 'scriptErrors' | 'powerCycles'): number => summaries.reduce((n, s) => n + s[k], 0);
  const clean = (s: CampaignSummary): boolean => s.ended === 'done' && s.violationCount === 0;
  const faults = FAULT_KINDS.map((kind) => ({
    kind,
    injected: summaries.reduce((n, s) => n + (s.faults?.[kind] ?? 0), 0),
    survived: summaries.reduce((n, s) => n + (clean(s) ? (s.faults?.[kind] ?? 0) : 0), 0),
  }));
  return {
    succeeded: sum('succeeded'),
    failed: sum('failed'),
    abandoned: sum('abandoned'),
    hotSwaps: sum('hotSwaps'),
    restarts: sum('restarts'),
    aborts: sum('aborts'),
    scriptErrors: sum('scriptErrors'),
    powerCycles: sum('powerCycles'),
    faults,
  };
}
