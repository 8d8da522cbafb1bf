import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { distUrl } from '../runtime/paths.js';
import type { CampaignSummary } from './campaign.js';
import type { FaultRates } from './faults.js';
import { replayCommand } from './replay-command.js';

/** What one pool task gets: `(seed, config) → summary`. */
export interface CampaignTask {
  readonly seed: number;
  readonly missions: number;
  readonly faults: FaultRates | null;
  readonly skimCredit: number | null;
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
}

export interface SoakViolation {
  readonly seed: number;
  readonly mission: number;
  readonly invariant: string;
  readonly tick: number;
  readonly detail: string;
  readonly replay: string;
}

export interface SoakResult {
  readonly config: SoakConfig;
  /** In campaign order (seed, seed+1, …), whatever order the pool finished them in. */
  readonly summaries: readonly CampaignSummary[];
  readonly violations: number;
  /** Every violation kept, with the command that reproduces it. */
  readonly details: readonly SoakViolation[];
  readonly missions: number;
  readonly wallMs: number;
  readonly missionsPerSec: number;
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

export const MAX_CAMPAIGNS = 100_000;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export type CampaignPool = Piscina<CampaignTask, CampaignSummary>;

export function createCampaignPool(workers: number): CampaignPool {
  return new Piscina<CampaignTask, CampaignSummary>({ filename: distUrl('workers/campaign-task.js').href, minThreads: workers, maxThreads: workers, idleTimeout: 1_000 });
}

/** Run the campaigns on a piscina pool, `workers` at a time (on `pool` if given: the caller owns it then). */
export async function runSoak(config: SoakConfig, onProgress: (p: SoakProgress) => void = () => {}, given?: CampaignPool): Promise<SoakResult> {
  checkConfig(config);
  const pool = given ?? createCampaignPool(config.workers);
  const started = performance.now();
  const summaries: CampaignSummary[] = new Array(config.campaigns);
  let done = 0;
  let missions = 0;
  let settled = 0;
  let violations = 0;
  const report = (): void =>
    onProgress({ done, total: config.campaigns, missions: settled, plannedMissions: config.campaigns * config.missions, violations, elapsedMs: performance.now() - started });
  try {
    await Promise.all(
      Array.from({ length: config.campaigns }, async (_, i) => {
        const seed = config.seed + i;
        const channel = new MessageChannel();
        channel.port1.on('message', () => {
          settled++;
          report();
        });
        const task: CampaignTask = { seed, missions: config.missions, faults: config.faults, skimCredit: config.skimCredit, progress: channel.port2 };
        const summary = await pool
          .run(task, { transferList: [channel.port2] })
          .catch((err: Error) => {
            throw new Error(`campaign seed ${seed} failed: ${err.message}\n  replay: ${replayCommand({ ...config, seed, mission: null })}`);
          })
          .finally(() => channel.port1.close());
        summaries[i] = summary;
        done++;
        missions += summary.missions;
        violations += summary.violationCount;
        report();
      }),
    );
  } finally {
    if (given === undefined) await pool.destroy();
  }
  const wallMs = performance.now() - started;
  return { config, summaries, violations, details: detailsOf(config, summaries), missions, wallMs, missionsPerSec: missions / (wallMs / 1000) };
}

function detailsOf(config: SoakConfig, summaries: readonly CampaignSummary[]): SoakViolation[] {
  return summaries.flatMap((s) =>
    s.violations.map((v) => ({ seed: s.seed, mission: v.mission, invariant: v.invariant, tick: v.tick, detail: v.detail, replay: replayCommand({ ...config, seed: s.seed, mission: v.mission > 0 ? v.mission : null }) })),
  );
}

function checkConfig(c: SoakConfig): void {
  if (!Number.isSafeInteger(c.campaigns) || c.campaigns < 1 || c.campaigns > MAX_CAMPAIGNS) throw new RangeError(`campaigns must be between 1 and ${MAX_CAMPAIGNS}, got ${c.campaigns}`);
  if (!Number.isSafeInteger(c.workers) || c.workers < 1 || c.workers > 256) throw new RangeError(`workers must be between 1 and 256, got ${c.workers}`);
  if (!Number.isSafeInteger(c.seed + c.campaigns)) throw new RangeError(`seed ${c.seed} + ${c.campaigns} campaigns is past the largest safe integer`);
}
