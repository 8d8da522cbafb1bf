import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runQueuedSoak } from '../src/campaign/queue/queue-soak.js';
import { DEFAULT_QUEUE } from '../src/campaign/defaults.js';
import { type SoakConfig, createCampaignPool, runSoak } from '../src/campaign/soak.js';
import { distUrl } from '../src/runtime/paths.js';
import { startRedis } from './fixtures/redis-server.js';
import { median, round, timeOne } from './measure.js';

export interface QueueBenchSize {
  /** Campaigns per timed soak, and missions in each. */
  readonly campaigns: number;
  readonly missions: number;
  /** Timed rounds, local and queued alternating (the ratio is the median of the rounds'). */
  readonly rounds: number;
}

export const DEFAULT_QUEUE_SIZE: QueueBenchSize = { campaigns: 12, missions: 20, rounds: 2 };
/** Two worker processes of one thread each, against a local pool of two threads: the same cores either way. */
const WORKERS = 2;
/** The queue may cost at most 10% (issue 15). */
export const QUEUE_RATIO_TARGET = 0.9;

/**
 * A queued soak's missions per second, through a redis-server of its own and 2 real `nosh worker`
 * processes (one thread each), against a local soak on a warm 2-thread pool, in alternating rounds.
 * Both sides are warm (every thread played campaigns first); each round plays seeds of its own, so no
 * queued round is a free re-submission of another.
 */
export async function queueSuite(size: QueueBenchSize = DEFAULT_QUEUE_SIZE): Promise<Record<string, number>> {
  const redis = await startRedis();
  const cli = fileURLToPath(distUrl('src/cli/main.js'));
  const workers: ChildProcess[] = Array.from({ length: WORKERS }, () => spawn(process.execPath, [cli, 'worker', redis.url, '--concurrency', '1'], { stdio: 'ignore' }));
  const pool = createCampaignPool(WORKERS);
  const config = (seed: number, campaigns = size.campaigns): SoakConfig => ({ campaigns, missions: size.missions, workers: WORKERS, seed, faults: null, skimCredit: null });
  const queued = async (c: SoakConfig): Promise<void> => {
    const outcome = await runQueuedSoak(c, { url: redis.url, stem: DEFAULT_QUEUE, onProgress: () => {}, log: () => {} });
    if (outcome.kind !== 'done' || outcome.result.failures.length > 0) throw new Error(`bench queue: the queued soak did not complete (${outcome.kind})`);
  };
  try {
    // Warm-up: every thread on both sides plays campaigns before anything is timed.
    await Promise.all([runSoak(config(1_000_000, 2 * WORKERS), undefined, pool), queued(config(2_000_000, 2 * WORKERS))]);
    const local: number[] = [];
    const queue: number[] = [];
    for (let r = 0; r < size.rounds; r++) {
      const seed = 1 + r * size.campaigns;
      local.push(await timeOne(() => runSoak(config(seed), undefined, pool)));
      queue.push(await timeOne(() => queued(config(seed))));
    }
    const missions = size.campaigns * size.missions;
    return {
      campaigns: size.campaigns,
      missions: size.missions,
      workers: WORKERS,
      localMissionsPerSec: round(missions / (median(local) / 1e6), 1),
      queueMissionsPerSec: round(missions / (median(queue) / 1e6), 1),
      queueRatio: round(median(local.map((t, i) => t / (queue[i] as number))), 3),
    };
  } finally {
    await pool.destroy();
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once('exit', resolve)))));
    await redis.stop();
  }
}
