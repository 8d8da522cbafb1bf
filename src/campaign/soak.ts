import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { distUrl } from '../runtime/paths.js';
import type { CampaignSummary } from './campaign.js';
import { MAX_CAMPAIGNS } from './defaults.js';
import type { FaultRates } from './faults/index.js';
import { replayCommand } from './replay-command.js';

/** What one pool task gets: a batch of campaigns, `(seeds, config) → outcomes` in the seeds' order. */
export interface CampaignTask {
  readonly seeds: readonly number[];
  readonly missions: number;
  readonly faults: FaultRates | null;
  readonly skimCredit: number | null;
  /** Keep the per-mission series (only a report needs it). */
  readonly series: boolean;
  /**
   * Where the task reports each settled mission as `[index in seeds, runs, threadId]`, and each campaign it
   * finishes as `{ k, outcome, thread }` (transferred to the pool thread): so an interrupted batch still
   * hands over the campaigns it finished.
   */
  readonly progress?: MessagePort;
}

/** One campaign of a batch: its summary, or what it threw (the rest of the batch still plays). */
export type CampaignOutcome = { readonly seed: number; readonly summary: CampaignSummary } | { readonly seed: number; readonly error: string };

/** A campaign of a batch, finished: what the task posts on its progress port. */
export interface FinishedCampaign {
  readonly k: number;
  readonly outcome: CampaignOutcome;
  /** The pool thread that played it (`threadId`), for the dashboard's per-worker load. */
  readonly thread: number;
}

/**
 * What just happened, with a progress report: a mission settled or a campaign finished, and who
 * played it, for the dashboard's per-worker load: a pool thread here (`thread 3`), a `nosh worker`
 * of a queued soak (`host:pid`); null when only the batch's return said so.
 */
export type SoakEvent =
  /** A worker took the campaign (said by a queued soak's workers; a local pool's first mission says it). */
  | { readonly type: 'started'; readonly seed: number; readonly worker: string }
  | { readonly type: 'mission'; readonly seed: number; readonly worker: string | null }
  | { readonly type: 'campaign'; readonly seed: number; readonly worker: string | null; readonly summary: CampaignSummary | null; readonly failure: SoakFailure | null };

/** A pool thread of this soak, as the dashboard names it. */
export function poolThreadName(threadId: number | null): string | null {
  return threadId === null ? null : `thread ${threadId}`;
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
  /** Campaigns handed to the pool and not finished yet. */
  readonly running: number;
  /** What this report is about (absent only for reports that are not about one event). */
  readonly event?: SoakEvent;
}

export type CampaignPool = Piscina<CampaignTask, CampaignOutcome[]>;

/** How a soak's pool threads are started; `nosh bench soak` starts its pure-JS ceiling pool the same way. */
export function soakPoolOptions(workers: number): { minThreads: number; maxThreads: number; idleTimeout: number } {
  return { minThreads: workers, maxThreads: workers, idleTimeout: 1_000 };
}

export function createCampaignPool(workers: number): CampaignPool {
  return new Piscina<CampaignTask, CampaignOutcome[]>({ filename: distUrl('workers/campaign-task.js').href, ...soakPoolOptions(workers) });
}

/** Tasks handed to the pool at once, per worker: enough to keep every thread busy, few enough that 100,000 campaigns do not queue 100,000 tasks. */
const IN_FLIGHT_PER_WORKER = 2;
/** A task plays about this many missions (short campaigns are batched, so a thread is not handed one tiny task after another). */
const MISSIONS_PER_TASK = 40;
/** Tasks per worker at least, so the last batches do not leave one thread idle while another plays a long one. */
const TASKS_PER_WORKER = 8;
const MAX_BATCH = 16;

/** Campaigns per pool task: batch short campaigns, never so many that the pool's tail runs unbalanced. */
export function batchSize(config: Pick<SoakConfig, 'campaigns' | 'missions' | 'workers'>): number {
  const byMissions = Math.floor(MISSIONS_PER_TASK / Math.max(1, config.missions));
  const byBalance = Math.floor(config.campaigns / (config.workers * TASKS_PER_WORKER));
  return Math.max(1, Math.min(MAX_BATCH, byMissions, byBalance));
}

/**
 * Run the campaigns on a piscina pool, `workers` at a time (on `pool` if
 * given: the caller owns it then), in batches of consecutive seeds. A
 * campaign that throws does not end the soak: it is reported with its seed
 * and replay command, and the rest go on. Results are folded by campaign
 * index, so they come out in seed order whatever the batching and the
 * worker count.
 */
export async function runSoak(config: SoakConfig, onProgress: (p: SoakProgress) => void = () => {}, given?: CampaignPool, signal?: AbortSignal): Promise<SoakResult> {
  checkConfig(config);
  const pool = given ?? createCampaignPool(Math.min(config.workers, config.campaigns));
  const started = performance.now();
  const summaries: Array<CampaignSummary | undefined> = new Array(config.campaigns);
  const failures: SoakFailure[] = [];
  const tally = { done: 0, started: 0, missions: 0, settled: 0, violations: 0 };
  const report = (event: SoakEvent): void =>
    onProgress({
      done: tally.done,
      total: config.campaigns,
      missions: tally.settled,
      plannedMissions: config.campaigns * config.missions,
      violations: tally.violations,
      elapsedMs: performance.now() - started,
      running: tally.started - tally.done,
      event,
    });
  const batch = batchSize(config);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let first = next; first < config.campaigns && signal?.aborted !== true; first = next) {
      next = Math.min(config.campaigns, first + batch);
      const seeds = Array.from({ length: next - first }, (_, k) => config.seed + first + k);
      // Each campaign is taken once, when the task reports it or when the batch returns, whichever comes first.
      const taken = seeds.map(() => false);
      tally.started += seeds.length;
      const take = (k: number, outcome: BatchOutcome, thread: number | null): void => {
        if (taken[k] !== false) return;
        taken[k] = true;
        const seed = config.seed + first + k;
        if ('error' in outcome) failures.push(outcome);
        else {
          summaries[first + k] = outcome.summary;
          tally.violations += outcome.summary.violationCount;
          tally.settled += outcome.uncounted;
        }
        tally.done++;
        report({ type: 'campaign', seed, worker: poolThreadName(thread), summary: 'error' in outcome ? null : outcome.summary, failure: 'error' in outcome ? outcome : null });
      };
      const outcomes = await playBatch(pool, config, seeds, (k, thread) => {
        tally.settled++;
        report({ type: 'mission', seed: config.seed + first + k, worker: poolThreadName(thread) });
      }, take, signal);
      if (outcomes === 'aborted') {
        tally.started -= taken.filter((t) => !t).length;
        return;
      }
      outcomes.forEach((outcome, k) => take(k, outcome, null));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(Math.ceil(config.campaigns / batch), config.workers * IN_FLIGHT_PER_WORKER) }, lane));
  } finally {
    if (given === undefined) await pool.destroy();
  }
  return foldSoak(config, summaries, failures, performance.now() - started, signal?.aborted === true);
}

/**
 * A soak's result from its campaigns, whoever played them (this pool, or `nosh worker`s through a
 * queue): `summaries` indexed by campaign (seed - config.seed), holes for campaigns that did not
 * finish. Folded in seed order, so the result is the same whatever the scheduling.
 */
export function foldSoak(config: SoakConfig, summaries: readonly (CampaignSummary | undefined)[], failures: readonly SoakFailure[], wallMs: number, interrupted: boolean): SoakResult {
  const played = summaries.filter((x): x is CampaignSummary => x !== undefined);
  const missions = played.reduce((n, s) => n + s.missions, 0);
  const violations = played.reduce((n, s) => n + s.violationCount, 0);
  const bySeed = [...failures].sort((a, b) => a.seed - b.seed);
  return { config, summaries: played, failures: bySeed, violations, details: detailsOf(config, played), missions, wallMs, missionsPerSec: missions / (wallMs / 1000), interrupted };
}

/** A campaign that threw, with the command that replays it. */
export function campaignFailure(config: Pick<SoakConfig, 'missions' | 'faults' | 'skimCredit'>, seed: number, error: string): SoakFailure {
  return { seed, error, replay: replayCommand({ ...config, seed, mission: null }) };
}

export type BatchOutcome = { readonly summary: CampaignSummary; readonly uncounted: number } | SoakFailure;

/**
 * One batch on the pool (a soak's, or one queued campaign in `nosh worker`), its settled missions and finished campaigns reported as they happen
 * over a port of its own. Interrupted, it returns 'aborted' once the campaigns the batch had
 * finished are handed to `take`: Ctrl-C loses only the campaigns still playing.
 */
export async function playBatch(
  pool: CampaignPool,
  config: Pick<SoakConfig, 'missions' | 'faults' | 'skimCredit' | 'series'>,
  seeds: readonly number[],
  onMission: (k: number, thread: number | null) => void,
  take: (k: number, outcome: BatchOutcome, thread: number | null) => void,
  signal: AbortSignal | undefined,
): Promise<BatchOutcome[] | 'aborted'> {
  const channel = new MessageChannel();
  const heard = seeds.map(() => 0);
  const failure = (seed: number, error: string): SoakFailure => campaignFailure(config, seed, error);
  const outcomeOf = (o: CampaignOutcome, k: number): BatchOutcome =>
    'error' in o ? failure(o.seed, o.error) : { summary: o.summary, uncounted: Math.max(0, o.summary.missions - (heard[k] ?? 0)) };
  const hear = (message: unknown): void => {
    if (!Array.isArray(message)) {
      const { k, outcome, thread } = message as FinishedCampaign;
      if (k >= 0 && k < seeds.length) take(k, outcomeOf(outcome, k), thread);
      return;
    }
    // A settlement a power cut lost and the deck played again comes with the same run count: it counts once.
    const [k, runs, thread] = message as [number, number, number];
    const before = heard[k];
    if (before === undefined) return;
    for (let n = before; n < runs; n++) onMission(k, thread);
    heard[k] = Math.max(before, runs);
  };
  channel.port1.on('message', hear);
  const task: CampaignTask = { seeds, missions: config.missions, faults: config.faults, skimCredit: config.skimCredit, series: config.series ?? false, progress: channel.port2 };
  try {
    const outcomes = await pool.run(task, { transferList: [channel.port2], ...(signal ? { signal } : {}) });
    // Messages still in flight when the task resolved are counted from the summary instead.
    return outcomes.map(outcomeOf);
  } catch (err) {
    // Piscina ended the thread (Ctrl-C) or it died: what it had posted is still queued on our end of the port.
    for (let m = receiveMessageOnPort(channel.port1); m !== undefined; m = receiveMessageOnPort(channel.port1)) hear(m.message);
    if (signal?.aborted === true) return 'aborted';
    // The thread itself died (not a campaign throwing, which the task reports): the batch's unfinished campaigns failed.
    return seeds.map((seed) => failure(seed, (err as Error).message));
  } finally {
    channel.port1.close();
  }
}

/** Each violation with its replay command (tracing its mission, unless it came past the missions asked: a campaign that overran). */
export function detailsOf(config: SoakConfig, summaries: readonly CampaignSummary[]): SoakViolation[] {
  return summaries.flatMap((s) =>
    s.violations.map((v) => ({ seed: s.seed, mission: v.mission, invariant: v.invariant, tick: v.tick, detail: v.detail, replay: replayCommand({ ...config, seed: s.seed, mission: v.mission > 0 && v.mission <= config.missions ? v.mission : null, hash: s.traceHash }) })),
  );
}

function checkConfig(c: SoakConfig): void {
  if (!Number.isSafeInteger(c.campaigns) || c.campaigns < 1 || c.campaigns > MAX_CAMPAIGNS) throw new RangeError(`campaigns must be between 1 and ${MAX_CAMPAIGNS}, got ${c.campaigns}`);
  if (!Number.isSafeInteger(c.workers) || c.workers < 1 || c.workers > 256) throw new RangeError(`workers must be between 1 and 256, got ${c.workers}`);
  if (!Number.isSafeInteger(c.seed + c.campaigns)) throw new RangeError(`seed ${c.seed} + ${c.campaigns} campaigns is past the largest safe integer`);
}
