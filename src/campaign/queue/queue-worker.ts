import { hostname } from 'node:os';
import { type Job, Queue, WaitingError, Worker } from 'bullmq';
import { type CampaignSummary } from '../campaign.js';
import { createCampaignPool, playBatch } from '../soak.js';
import { codeVersion } from './code-version.js';
import { type CampaignJobData, type CampaignJobProgress, type SoakJobData, otherVersionQueues, queueNameOf, redisConnection } from './soak-queue.js';

export interface QueueWorkerOptions {
  readonly url: string;
  /** Campaigns at once: the pool's threads, and BullMQ's concurrency. */
  readonly concurrency: number;
  /** The queue name's stem; the code version is appended. */
  readonly stem: string;
  /** How long a taken job stays ours without a renewal (renewed every half of it). */
  readonly lockDurationMs: number;
  /** How often this worker looks for jobs whose worker stopped renewing (killed, cut off). */
  readonly stalledIntervalMs: number;
  readonly log: (line: string) => void;
  /** Aborted: take nothing more, finish the campaigns running, then return. */
  readonly stop: AbortSignal;
  /** Aborted (after `stop`): hand the running campaigns back to the queue now instead of finishing them. */
  readonly release: AbortSignal;
}

/** Jobs a worker's stall check may find stalled before BullMQ fails them: a campaign's worker may be killed more than once. */
const MAX_STALLED = 3;
/** How often a worker looks for campaigns queued by another build, to say it cannot take them. */
const VERSION_SCAN_MS = 5_000;
/** A campaign's progress is written to Redis at most this often. */
const PROGRESS_EVERY_MS = 250;

/**
 * `nosh worker`: take campaigns from this build's queue and play them on a pool of warm
 * threads (the same pool and task as a local soak), until `stop`. A campaign that throws is
 * thrown to BullMQ, which retries it (attempts and backoff are the job's); its result is the
 * campaign's summary, which the coordinator folds.
 */
export async function runQueueWorker(opts: QueueWorkerOptions): Promise<void> {
  const version = codeVersion();
  const name = queueNameOf(opts.stem, version);
  const pool = createCampaignPool(opts.concurrency);
  const connection = redisConnection(opts.url, (up, why) => opts.log(up ? `worker: Redis at ${opts.url} is back; taking campaigns again` : `worker: lost Redis at ${opts.url} (${why}); reconnecting`));
  const running = new Set<Promise<unknown>>();
  // The name the coordinator's dashboard shows this worker under (BullMQ's worker name too).
  const me = `${hostname()}:${process.pid}`;
  const progress = (job: Job, runs: number): void => void job.updateProgress({ runs, worker: me } satisfies CampaignJobProgress).catch(() => {}); // progress is a nicety; the result is what counts

  const processor = async (job: Job, token?: string): Promise<unknown> => {
    if (job.name === 'soak') return { campaigns: (job.data as SoakJobData).config.campaigns };
    const data = job.data as CampaignJobData;
    const rerun = job.stalledCounter > 0 ? ', again: the worker that had it stopped answering' : '';
    opts.log(`worker: took seed ${data.seed} of ${data.soakId} (attempt ${job.attemptsMade + 1}${rerun})`);
    const started = performance.now();
    progress(job, 0);
    let runs = 0;
    let said = 0;
    const outcomes = await playBatch(pool, data, [data.seed], () => {
      runs++;
      if (performance.now() - said < PROGRESS_EVERY_MS) return;
      said = performance.now();
      progress(job, runs);
    }, () => {}, opts.release);
    if (outcomes === 'aborted') {
      await job.moveToWait(token);
      opts.log(`worker: released seed ${data.seed} of ${data.soakId} back to the queue`);
      throw new WaitingError();
    }
    const [outcome] = outcomes;
    if (outcome === undefined || 'error' in outcome) {
      const error = outcome?.error ?? 'the pool returned no outcome';
      opts.log(`worker: seed ${data.seed} of ${data.soakId} threw: ${error}`);
      throw new Error(error);
    }
    const s: CampaignSummary = outcome.summary;
    opts.log(`worker: finished seed ${data.seed} of ${data.soakId} · ${s.missions} missions · ${s.violationCount} violations · hash ${s.traceHash?.slice(0, 12) ?? 'none'} · ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return s;
  };

  const worker = new Worker(name, (job, token) => {
    const p = processor(job, token);
    running.add(p);
    return p.finally(() => running.delete(p));
  }, {
    connection,
    concurrency: opts.concurrency,
    lockDuration: opts.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs,
    maxStalledCount: MAX_STALLED,
    name: me,
    autorun: false,
  });
  worker.on('error', (err) => opts.log(`worker: ${err.message}`));

  // Campaigns queued by another build sit in that build's queue: say so, once per queue, and take none.
  const peer = new Map<string, Queue>();
  const told = new Set<string>();
  const scanVersions = async (): Promise<void> => {
    for (const other of await otherVersionQueues(connection, opts.stem, version)) {
      if (told.has(other)) continue;
      const queue = peer.get(other) ?? new Queue(other, { connection });
      peer.set(other, queue);
      const counts = await queue.getJobCounts('wait', 'prioritized', 'delayed', 'waiting-children', 'active');
      const queued = (counts.wait ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0);
      if (queued === 0) continue;
      told.add(other);
      opts.log(`worker: queue ${other} holds ${queued} campaigns of code version ${other.slice(opts.stem.length + 1)}; this worker is code version ${version} and takes none of them (run a worker built from the same code as that soak)`);
    }
  };
  const scanner = setInterval(() => void scanVersions().catch(() => {}), VERSION_SCAN_MS);

  opts.log(`worker: code version ${version} · queue ${name} at ${opts.url} · ${opts.concurrency} thread${opts.concurrency === 1 ? '' : 's'} · waiting for campaigns`);
  await scanVersions().catch(() => {});
  void worker.run().catch((err: Error) => opts.log(`worker: ${err.message}`));
  await new Promise<void>((resolve) => (opts.stop.aborted ? resolve() : opts.stop.addEventListener('abort', () => resolve(), { once: true })));
  clearInterval(scanner);
  opts.log(running.size > 0 ? `worker: stopping · finishing ${running.size} running campaign${running.size === 1 ? '' : 's'} (signal again to hand them back to the queue now)` : 'worker: stopping');
  await worker.close();
  await Promise.all([...peer.values()].map((q) => q.close()));
  await pool.destroy();
  await connection.quit().catch(() => connection.disconnect());
  opts.log('worker: stopped');
}
