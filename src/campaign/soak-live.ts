import type { CampaignSummary } from './campaign.js';
import { type SoakConfig, type SoakEvent, type SoakFailure, type SoakProgress, type SoakResult, type SoakViolation, detailsOf } from './soak.js';
import { type SoakTotals, soakJsonLine, soakTotals, stoppedEarly, type StoppedCampaign } from './soak-summary.js';

/** Campaigns drawn as lines of their own in the credits and reputation charts; the band covers them all. */
const MAX_LINES = 12;
/** Campaigns drawn as nodes of the soak's task graph; the rest are one node each per status. */
export const MAX_GRAPH_CAMPAIGNS = 48;

export type CampaignStatus = 'queued' | 'running' | 'done' | 'violated' | 'stopped' | 'failed';

/** One mission index across the campaigns that played it: min, mean and max. */
export interface Band {
  readonly mission: number[];
  readonly min: number[];
  readonly mean: number[];
  readonly max: number[];
}

/** What the dashboard shows at one moment: built from the soak's progress reports, and at the end from its result. */
export interface SoakSnapshot {
  /** Grows by one with every change, so a page can tell it has seen updates. */
  readonly seq: number;
  readonly config: { readonly campaigns: number; readonly missions: number; readonly workers: number; readonly seed: number; readonly faults: boolean; readonly skimCredit: number | null };
  /** A queued soak's id (played by `nosh worker`s through Redis); null for a soak played here. */
  readonly soakId: string | null;
  readonly elapsedMs: number;
  readonly campaigns: { readonly total: number; readonly done: number; readonly running: number; readonly stopped: number; readonly failed: number };
  readonly missions: number;
  readonly plannedMissions: number;
  readonly missionsPerSec: number;
  /** Seconds left at the current rate; null before the first mission. */
  readonly etaSec: number | null;
  readonly violations: number;
  readonly details: readonly SoakViolation[];
  readonly stoppedEarly: readonly StoppedCampaign[];
  readonly failures: readonly SoakFailure[];
  /** Per campaign (the first few): credit_balance and reputation after each mission. */
  readonly lines: ReadonlyArray<{ readonly seed: number; readonly mission: number[]; readonly credits: number[]; readonly reputation: number[] }>;
  readonly creditsBand: Band;
  readonly reputationBand: Band;
  readonly byThreat: ReadonlyArray<{ readonly threat: number; readonly played: number; readonly succeeded: number }>;
  readonly totals: SoakTotals;
  /** Per worker (a pool thread here, a `nosh worker` of a queued soak), in natural order of their names. */
  readonly workers: ReadonlyArray<{ readonly worker: string; readonly campaigns: number; readonly missions: number; readonly running: number }>;
  readonly graph: ReadonlyArray<{ readonly seed: number; readonly status: CampaignStatus; readonly worker: string | null }>;
  readonly finished: boolean;
  readonly interrupted: boolean;
  /** The soak's final `--json` line (soakJsonLine), once it ended. */
  readonly final: Record<string, unknown> | null;
}

type Listener = (live: SoakLive) => void;

/**
 * The soak's state as it plays, an in-process event source: feed it every
 * progress report (`update`) and the result (`finish`), and it tells its
 * listeners something changed. Snapshots are built only when asked (a
 * dashboard nobody watches costs a counter). The finished state takes its
 * numbers from `soakJsonLine`, the builder of the `--json` line.
 */
export class SoakLive {
  private readonly listeners = new Set<Listener>();
  private readonly summaries = new Map<number, CampaignSummary>();
  private readonly failures = new Map<number, SoakFailure>();
  private readonly status = new Map<number, CampaignStatus>();
  private readonly workerOf = new Map<number, string>();
  /** Missions counted to a worker, per campaign: its summary brings the count up to what it played (progress may be sampled). */
  private readonly counted = new Map<number, number>();
  private readonly workers = new Map<string, { campaigns: number; missions: number }>();
  private progress: SoakProgress | null = null;
  private result: SoakResult | null = null;
  private seq = 0;

  /** `soakId`: the queued soak's id, when `nosh worker`s play it. */
  constructor(
    readonly config: SoakConfig,
    private readonly soakId: string | null = null,
  ) {}

  get changes(): number {
    return this.seq;
  }

  get finished(): boolean {
    return this.result !== null;
  }

  /** Called on every change; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update = (p: SoakProgress): void => {
    this.progress = p;
    if (p.event) this.hear(p.event);
    this.changed();
  };

  finish(result: SoakResult): void {
    this.result = result;
    for (const s of result.summaries) this.summaries.set(s.seed, s);
    for (const f of result.failures) this.failures.set(f.seed, f);
    this.changed();
  }

  /** Missions campaign `seed` has settled so far in this soak (0 for a seed outside it). */
  settled(seed: number): number {
    return this.summaries.get(seed)?.missions ?? this.counted.get(seed) ?? 0;
  }

  private hear(e: SoakEvent): void {
    const worker = e.worker ?? this.workerOf.get(e.seed) ?? null;
    if (worker !== null) this.workerOf.set(e.seed, worker);
    const load = worker === null ? null : (this.workers.get(worker) ?? { campaigns: 0, missions: 0 });
    if (load !== null && worker !== null) this.workers.set(worker, load);
    if (e.type === 'started') {
      if (!this.status.has(e.seed)) this.status.set(e.seed, 'running');
      return;
    }
    if (e.type === 'mission') {
      this.counted.set(e.seed, (this.counted.get(e.seed) ?? 0) + 1);
      if (load) load.missions++;
      if (!this.status.has(e.seed)) this.status.set(e.seed, 'running');
      return;
    }
    if (load) {
      load.campaigns++;
      load.missions += Math.max(0, (e.summary?.missions ?? 0) - (this.counted.get(e.seed) ?? 0));
    }
    if (e.summary) this.summaries.set(e.seed, e.summary);
    if (e.failure) this.failures.set(e.seed, e.failure);
    this.status.set(e.seed, e.failure ? 'failed' : statusOf(e.summary));
  }

  private changed(): void {
    this.seq++;
    for (const l of this.listeners) l(this);
  }

  snapshot(): SoakSnapshot {
    const c = this.config;
    const r = this.result;
    const final = r ? soakJsonLine(r) : null;
    const summaries = [...this.summaries.values()].sort((a, b) => a.seed - b.seed);
    const p = this.progress;
    const elapsedMs = r ? r.wallMs : (p?.elapsedMs ?? 0);
    // Once finished, the headline numbers are the --json line's.
    const missions = final ? (final.missions as number) : (p?.missions ?? 0);
    const missionsPerSec = final ? (final.missionsPerSec as number) : elapsedMs > 0 ? Math.round((missions / (elapsedMs / 1000)) * 10) / 10 : 0;
    const planned = c.campaigns * c.missions;
    const etaSec = final ? 0 : missions > 0 && missionsPerSec > 0 ? Math.max(0, (planned - missions) / missionsPerSec) : null;
    const details = r ? r.details : detailsOf(c, summaries);
    const stopped = stoppedEarly(c, summaries);
    const done = final ? summaries.length + this.failures.size : (p?.done ?? 0);
    const running = final ? 0 : (p?.running ?? 0);
    return {
      seq: this.seq,
      config: { campaigns: c.campaigns, missions: c.missions, workers: c.workers, seed: c.seed, faults: c.faults !== null, skimCredit: c.skimCredit },
      soakId: this.soakId,
      elapsedMs,
      campaigns: { total: final ? (final.campaigns as number) : c.campaigns, done, running, stopped: stopped.length, failed: this.failures.size },
      missions,
      plannedMissions: planned,
      missionsPerSec,
      etaSec,
      violations: final ? (final.violations as number) : (p?.violations ?? 0),
      details,
      stoppedEarly: stopped,
      failures: [...this.failures.values()],
      lines: summaries.slice(0, MAX_LINES).map((s) => {
        const pts = s.series?.points ?? [];
        return { seed: s.seed, mission: pts.map((x) => x.mission), credits: pts.map((x) => x.balance), reputation: pts.map((x) => x.reputation) };
      }),
      creditsBand: bandOf(summaries, 'balance'),
      reputationBand: bandOf(summaries, 'reputation'),
      byThreat: byThreat(summaries),
      totals: soakTotals(summaries),
      workers: [...this.workers].sort(([a], [b]) => byName(a, b)).map(([worker, load]) => ({ worker, ...load, running: [...this.workerOf].filter(([seed, w]) => w === worker && this.status.get(seed) === 'running').length })),
      graph: Array.from({ length: c.campaigns }, (_, i) => c.seed + i).map((seed) => ({ seed, status: this.status.get(seed) ?? (this.summaries.has(seed) ? statusOf(this.summaries.get(seed) ?? null) : 'queued'), worker: this.workerOf.get(seed) ?? null })),
      finished: r !== null,
      interrupted: r?.interrupted ?? false,
      final,
    };
  }
}

/** `thread 2` before `thread 10`. */
export function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function statusOf(s: CampaignSummary | null): CampaignStatus {
  if (s === null) return 'failed';
  if (s.ended !== 'done') return 'stopped';
  return s.violationCount > 0 ? 'violated' : 'done';
}

function bandOf(summaries: readonly CampaignSummary[], field: 'balance' | 'reputation'): Band {
  const at = new Map<number, number[]>();
  for (const s of summaries) for (const p of s.series?.points ?? []) at.set(p.mission, [...(at.get(p.mission) ?? []), p[field]]);
  const missions = [...at.keys()].sort((a, b) => a - b);
  const values = missions.map((m) => at.get(m) ?? []);
  return {
    mission: missions,
    min: values.map((v) => Math.min(...v)),
    mean: values.map((v) => Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10),
    max: values.map((v) => Math.max(...v)),
  };
}

function byThreat(summaries: readonly CampaignSummary[]): Array<{ threat: number; played: number; succeeded: number }> {
  const at = new Map<number, { played: number; succeeded: number }>();
  for (const s of summaries)
    for (const p of s.series?.points ?? []) {
      const t = at.get(p.threat) ?? { played: 0, succeeded: 0 };
      t.played++;
      if (p.outcome === 'success') t.succeeded++;
      at.set(p.threat, t);
    }
  return [...at].sort(([a], [b]) => a - b).map(([threat, t]) => ({ threat, ...t }));
}
