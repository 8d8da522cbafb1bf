import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { distUrl } from '../runtime/paths.js';
import type { CampaignSummary } from './campaign.js';
import { MAX_CAMPAIGNS } from './defaults.js';
import type { FaultRates } from './faults/index.js';
import { replayCommand } from './replay-command.js';

/** What one pool task gets: `(seed, config) → summary`. */
export interface CampaignTask {
  readonly seed: number;
  readonly missions: number;
  readonly faults: FaultRates | null;
  readonly skimCredit: number | null;
  /** Keep the per-mission series (only a report needs it). */
  readonly series: boolean;
  /** Where the task reports each settled mission (transferred to the pool thread). */
  readonly progress?: MessagePort;
}

export interface SoakConfig {
  readonly campaigns: number;
  readonly missions: number;
  readonly workers: number;
  /** Campaign i plays seed `seed + i`. */
  readonly seed: number;
  readonly faults: FaultRates | null;
  readonly skimCredit: number | null;
  /** Bring back each campaign's per-mission series (for `--report`). */
  readonly series?: boolean;
}

export interface SoakViolation {
  readonly seed: number;
  readonly mission: number;
  readonly invariant: string;
  readonly tick: number;
  readonly detail: string;
  readonly replay: string;
}

/** A campaign that threw instead of finishing (a bug in nosh, not a violation): the soak goes on without it. */
export interface SoakFailure {
  readonly seed: number;
  readonly error: string;
  readonly replay: string;
}

export interface SoakResult {
  readonly config: SoakConfig;
  /** In campaign order (seed, seed+1, …), whatever order the pool finished them in; failed campaigns are left out. */
  readonly summaries: readonly CampaignSummary[];
  readonly failures: readonly SoakFailure[];
  readonly violations: number;
  /** Every violation kept, with the command that reproduces it. */
  readonly details: readonly SoakViolation[];
  readonly missions: number;
  readonly wallMs: number;
  readonly missionsPerSec: number;
  /** Stopped by its signal (Ctrl-C) before every campaign ran: the summaries are the campaigns that finished. */
  readonly interrupted: boolean;
}

export interface SoakProgress {
  /** Campaigns finished, of `total`. */
  readonly done: number;
  readonly total: number;
  /** Missions settled so far across all campaigns (running ones included), of `plannedMissions`. */
  readonly missions: number;
  readonly plannedMissions: number;
  readonly violations: number;
  readonly elapsedMs: number;
}

export type CampaignPool = Piscina<CampaignTask, CampaignSummary>;

export function createCampaignPool(workers: number): CampaignPool {
  return new Piscina<CampaignTask, CampaignSummary>({ filename: distUrl('workers/campaign-task.js').href, minThreads: workers, maxThreads: workers, idleTimeout: 1_000 });
}

/** Tasks handed to the pool at once, per worker: enough to keep every thread busy, few enough that 100,000 campaigns do not queue 100,000 tasks. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Run the campaigns on a piscina pool, `workers` at a time (on `pool` if
 * given: the caller owns it then). A campaign that throws does not end the
 * soak: it is reported with its seed and replay command, and the rest go on.
 */
export async function runSoak(config: SoakConfig, onProgress: (p: SoakProgress) => void = () => {}, given?: CampaignPool, signal?: AbortSignal): Promise<SoakResult> {
  checkConfig(config);
  const pool = given ?? createCampaignPool(Math.min(config.workers, config.campaigns));
  const started = performance.now();
  const summaries: Array<CampaignSummary | undefined> = new Array(config.campaigns);
  const failures: SoakFailure[] = [];
  const tally = { done: 0, missions: 0, settled: 0, violations: 0 };
  const report = (): void =>
    onProgress({ done: tally.done, total: config.campaigns, missions: tally.settled, plannedMissions: config.campaigns * config.missions, violations: tally.violations, elapsedMs: performance.now() - started });
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < config.campaigns && signal?.aborted !== true; i = next++) {
      const outcome = await playOne(pool, config, config.seed + i, () => {
        tally.settled++;
        report();
      }, signal);
      if (outcome === 'aborted') return;
      if ('error' in outcome) failures.push(outcome);
      else {
        summaries[i] = outcome.summary;
        tally.missions += outcome.summary.missions;
        tally.violations += outcome.summary.violationCount;
        tally.settled += outcome.uncounted;
      }
      tally.done++;
      report();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(config.campaigns, config.workers * IN_FLIGHT_PER_WORKER) }, lane));
  } finally {
    if (given === undefined) await pool.destroy();
  }
  const played = summaries.filter((x): x is CampaignSummary => x !== undefined);
  const wallMs = performance.now() - started;
  return { config, summaries: played, failures, violations: tally.violations, details: detailsOf(config, played), missions: tally.missions, wallMs, missionsPerSec: tally.missions / (wallMs / 1000), interrupted: signal?.aborted === true };
}

/** One campaign on the pool, its settled missions reported as they happen over a port of its own. */
async function playOne(pool: CampaignPool, config: SoakConfig, seed: number, onMission: () => void, signal: AbortSignal | undefined): Promise<{ summary: CampaignSummary; uncounted: number } | SoakFailure | 'aborted'> {
  const channel = new MessageChannel();
  let heard = 0;
  channel.port1.on('message', (runs: number) => {
    for (; heard < runs; heard++) onMission();
  });
  const task: CampaignTask = { seed, missions: config.missions, faults: config.faults, skimCredit: config.skimCredit, series: config.series ?? false, progress: channel.port2 };
  try {
    const summary = await pool.run(task, { transferList: [channel.port2], ...(signal ? { signal } : {}) });
    // Messages still in flight when the task resolved are counted from the summary instead.
    return { summary, uncounted: Math.max(0, summary.missions - heard) };
  } catch (err) {
    // Interrupted: piscina ended the thread; the campaign is neither a result nor a failure.
    if (signal?.aborted === true) return 'aborted';
    return { seed, error: (err as Error).message, replay: replayCommand({ ...config, seed, mission: null }) };
  } finally {
    channel.port1.close();
  }
}

/** Each violation with its replay command (tracing its mission, unless it came past the missions asked: a campaign that overran). */
function detailsOf(config: SoakConfig, summaries: readonly CampaignSummary[]): SoakViolation[] {
  return summaries.flatMap((s) =>
    s.violations.map((v) => ({ seed: s.seed, mission: v.mission, invariant: v.invariant, tick: v.tick, detail: v.detail, replay: replayCommand({ ...config, seed: s.seed, mission: v.mission > 0 && v.mission <= config.missions ? v.mission : null, hash: s.traceHash }) })),
  );
}

function checkConfig(c: SoakConfig): void {
  if (!Number.isSafeInteger(c.campaigns) || c.campaigns < 1 || c.campaigns > MAX_CAMPAIGNS) throw new RangeError(`campaigns must be between 1 and ${MAX_CAMPAIGNS}, got ${c.campaigns}`);
  if (!Number.isSafeInteger(c.workers) || c.workers < 1 || c.workers > 256) throw new RangeError(`workers must be between 1 and 256, got ${c.workers}`);
  if (!Number.isSafeInteger(c.seed + c.campaigns)) throw new RangeError(`seed ${c.seed} + ${c.campaigns} campaigns is past the largest safe integer`);
}
