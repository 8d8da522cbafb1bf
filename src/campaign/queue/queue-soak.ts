import { FlowProducer, type Job, Queue, QueueEvents } from 'bullmq';
import type { CampaignSummary } from '../campaign.js';
import { type SoakConfig, type SoakEvent, type SoakFailure, type SoakProgress, type SoakResult, campaignFailure, foldSoak } from '../soak.js';
import { codeVersion } from './code-version.js';
import type { Redis } from 'ioredis';
import { ATTEMPTS, BACKOFF_MS, type CampaignJobData, type SoakJobData, campaignJobId, campaignJobProgress, checkReachable, otherVersionQueues, queueNameOf, redisConnection, soakIdOf } from './soak-queue.js';

export interface QueuedSoakOptions {
  readonly url: string;
  readonly stem: string;
  /** Re-attach to this soak (its config comes from the queue) instead of submitting `config`. */
  readonly attach?: string;
  readonly onProgress: (p: SoakProgress) => void;
  /** Status lines (queued, waiting for a worker, a stall, a retry): the CLI writes them to stderr. */
  readonly log: (line: string) => void;
  /** Aborted (Ctrl-C): stop watching; the soak runs on in the queue. */
  readonly signal?: AbortSignal;
}

export type QueuedSoakOutcome =
  | { readonly kind: 'done'; readonly soakId: string; readonly result: SoakResult; readonly resubmitted: boolean }
  /** Redis lost the soak (flushed, restarted without its data): which campaigns' results went with it. */
  | { readonly kind: 'lost'; readonly soakId: string; readonly config: SoakConfig; readonly lost: readonly number[]; readonly kept: number }
  | { readonly kind: 'detached'; readonly soakId: string }
  | { readonly kind: 'unknown'; readonly soakId: string; readonly queue: string };

/** How often the coordinator reads the soak's state from Redis (events only make the bar smoother). */
const POLL_MS = 500;
/** How often it says it is still waiting for a worker. */
const NO_WORKER_EVERY_MS = 5_000;

/**
 * `nosh soak --queue`: submit the soak as a BullMQ flow (a parent, a child per campaign) on this
 * build's queue, or find it there already, then watch it until every campaign has an answer and
 * fold the answers in seed order with the local soak's fold. Redis is the source of truth: the
 * results are read from the parent (its children's return values and failures), polled, so a
 * missed event (a Redis restart) costs nothing; QueueEvents only feeds the bar and the log.
 */
export async function runQueuedSoak(given: SoakConfig, opts: QueuedSoakOptions): Promise<QueuedSoakOutcome> {
  await checkReachable(opts.url);
  const version = codeVersion();
  const name = queueNameFor(opts.stem);
  const connection = redisConnection(opts.url, (up, why) => opts.log(up ? `soak: Redis at ${opts.url} is back` : `soak: lost Redis at ${opts.url} (${why}); reconnecting`));
  const queue = new Queue(name, { connection });
  // QueueEvents blocks on its stream: a connection of its own. Connections we pass in are ours to close.
  const eventsConnection = connection.duplicate();
  const events = new QueueEvents(name, { connection: eventsConnection });
  const flows = new FlowProducer({ connection });
  try {
    const soakId = opts.attach ?? soakIdFor(given);
    let parent = (await queue.getJob(soakId)) as Job<SoakJobData> | undefined;
    // Found without --attach: this command submitted nothing (the results are the first submission's).
    const resubmitted = parent !== undefined && opts.attach === undefined;
    if (parent === undefined && opts.attach !== undefined) return { kind: 'unknown', soakId, queue: name };
    if (parent === undefined) {
      await flows.add(soakFlow(name, soakId, version, given));
      parent = (await queue.getJob(soakId)) as Job<SoakJobData>;
      opts.log(`soak: queued as ${soakId} on ${name} at ${opts.url} (attach again: nosh soak --queue ${opts.url} --attach ${soakId})`);
    } else opts.log(`soak: ${soakId} is already on ${name}; attaching (nothing is submitted twice)`);
    const config = parent.data.config;
    return await watch({ queue, events, parent, config, soakId, resubmitted, opts, name, connection, version });
  } finally {
    await Promise.allSettled([events.close(), flows.close(), queue.close()]);
    for (const c of [eventsConnection, connection]) await c.quit().catch(() => c.disconnect());
  }
}

/** The id `runQueuedSoak` submits `config` under with this build. */
export function soakIdFor(config: SoakConfig): string {
  return soakIdOf(codeVersion(), config);
}

/** The queue this build's soaks and workers use under `stem`. */
export function queueNameFor(stem: string): string {
  return queueNameOf(stem, codeVersion());
}

/**
 * The config of a soak already on this build's queue (its parent job's), or null when the queue
 * has no such soak: `--attach` with a dashboard needs the soak's size before it watches.
 */
export async function queuedSoakConfig(url: string, stem: string, soakId: string): Promise<SoakConfig | null> {
  await checkReachable(url);
  const connection = redisConnection(url);
  const queue = new Queue(queueNameFor(stem), { connection });
  try {
    const parent = (await queue.getJob(soakId)) as Job<SoakJobData> | undefined;
    return parent?.data.config ?? null;
  } finally {
    await queue.close();
    await connection.quit().catch(() => connection.disconnect());
  }
}

function soakFlow(queueName: string, soakId: string, codeVersion: string, config: SoakConfig): Parameters<FlowProducer['add']>[0] {
  const data: SoakJobData = { config, codeVersion };
  return {
    name: 'soak',
    queueName,
    data,
    opts: { jobId: soakId },
    children: Array.from({ length: config.campaigns }, (_, i) => {
      const seed = config.seed + i;
      const child: CampaignJobData = { soakId, seed, missions: config.missions, faults: config.faults, skimCredit: config.skimCredit, series: config.series ?? false };
      return {
        name: 'campaign',
        queueName,
        data: child,
        // A campaign that fails every attempt is an answer too (reported with its replay), so the parent goes on without it.
        opts: { jobId: campaignJobId(soakId, seed), attempts: ATTEMPTS, backoff: { type: 'exponential', delay: BACKOFF_MS }, ignoreDependencyOnFailure: true },
      };
    }),
  };
}

interface Watch {
  readonly queue: Queue;
  readonly events: QueueEvents;
  readonly parent: Job<SoakJobData>;
  readonly config: SoakConfig;
  readonly soakId: string;
  readonly resubmitted: boolean;
  readonly opts: QueuedSoakOptions;
  readonly name: string;
  readonly connection: Redis;
  readonly version: string;
}

async function watch(w: Watch): Promise<QueuedSoakOutcome> {
  const { config, soakId, opts } = w;
  const started = performance.now();
  // What the events said so far, for the bar and for naming what a wipe lost; the result itself is read from Redis at the end.
  const heard = new Map<number, { missions: number; violations: number }>(); // answered campaigns
  const running = new Map<number, number>(); // seed → missions settled so far
  let answered = 0;
  const seedOf = (jobId: string | undefined): number | null => {
    const m = jobId?.startsWith(`${soakId}-s`) ? Number(jobId.slice(soakId.length + 2)) : Number.NaN;
    return Number.isSafeInteger(m) && m >= config.seed && m < config.seed + config.campaigns ? m : null;
  };
  // Every report carries what it is about (a worker took a campaign, a mission settled, a campaign answered), for the dashboard.
  const report = (event?: SoakEvent): void => {
    const done = [...heard.values()];
    const settled = done.reduce((n, s) => n + s.missions, 0) + [...running.values()].reduce((n, r) => n + r, 0);
    opts.onProgress({ done: Math.max(answered, heard.size), total: config.campaigns, missions: settled, plannedMissions: config.campaigns * config.missions, violations: done.reduce((n, s) => n + s.violations, 0), elapsedMs: performance.now() - started, running: running.size, ...(event ? { event } : {}) });
  };
  const answer = (seed: number, missions: number, violations: number, event: SoakEvent): void => {
    if (heard.has(seed)) return; // an event and the catch-up may both tell of it
    heard.set(seed, { missions, violations });
    running.delete(seed);
    report(event);
  };
  const progressed = (seed: number, data: unknown): void => {
    const p = campaignJobProgress(data);
    if (p === null || heard.has(seed)) return;
    const before = running.get(seed);
    if (before === undefined) report({ type: 'started', seed, worker: p.worker });
    // A campaign taken again (its worker stalled) counts again from 0: only runs past the last report are new missions.
    running.set(seed, p.runs);
    for (let n = before ?? 0; n < p.runs; n++) report({ type: 'mission', seed, worker: p.worker });
  };
  const completed = (seed: number, s: CampaignSummary | null, worker: string | null): void =>
    answer(seed, s?.missions ?? 0, s?.violationCount ?? 0, { type: 'campaign', seed, worker, summary: s, failure: null });
  const exhausted = (seed: number, attempts: number | string): void =>
    answer(seed, 0, 0, { type: 'campaign', seed, worker: null, summary: null, failure: campaignFailure(config, seed, `it threw on each of its ${attempts} attempts`) });
  w.events.on('progress', ({ jobId, data }) => {
    const seed = seedOf(jobId);
    if (seed !== null) progressed(seed, data);
  });
  w.events.on('completed', ({ jobId, returnvalue }) => {
    const seed = seedOf(jobId);
    if (seed !== null) completed(seed, (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as CampaignSummary | null, null);
  });
  w.events.on('retries-exhausted', ({ jobId, attemptsMade }) => {
    const seed = seedOf(jobId);
    if (seed !== null) exhausted(seed, attemptsMade);
  });
  w.events.on('stalled', ({ jobId }) => {
    const seed = seedOf(jobId);
    if (seed !== null) opts.log(`soak: seed ${seed} stalled (its worker stopped answering); it runs again on another worker`);
  });
  w.events.on('failed', ({ jobId, failedReason }) => {
    const seed = seedOf(jobId);
    if (seed !== null) opts.log(`soak: seed ${seed} threw (${failedReason}); each campaign is tried ${ATTEMPTS} times before it counts as failed`);
  });

  // What happened before this command watched (an --attach, a soak submitted again): told as if heard, once every listener is on.
  await catchUp(w.queue, soakId, config, { progressed, completed, exhausted });

  let lastWorkerCheck = performance.now();
  for (;;) {
    if (opts.signal?.aborted === true) return { kind: 'detached', soakId };
    // Redis is the truth, and counting is cheap: a missing parent means Redis lost the soak (flushed, or restarted without its data).
    const parent = await w.queue.getJob(soakId);
    if (parent === undefined || parent === null) return lostSoak(soakId, config, heard);
    const counts = await parent.getDependenciesCount();
    answered = (counts.processed ?? 0) + (counts.ignored ?? 0) + (counts.failed ?? 0);
    report();
    if ((counts.unprocessed ?? 0) === 0 && answered >= config.campaigns) break;
    if (performance.now() - lastWorkerCheck >= NO_WORKER_EVERY_MS) {
      lastWorkerCheck = performance.now();
      if ((await w.queue.getWorkersCount()) === 0) opts.log(`soak: waiting: no worker on ${w.name} at ${opts.url} (${answered}/${config.campaigns} campaigns answered); start one with: nosh worker ${opts.url}${await elsewhere(w)}`);
    }
    await sleep(POLL_MS, opts.signal);
  }
  // Every campaign has its answer in Redis: read them once, and fold them in seed order.
  const parent = await w.queue.getJob(soakId);
  if (parent === undefined || parent === null) return lostSoak(soakId, config, heard);
  const [values, failed] = await Promise.all([parent.getChildrenValues<CampaignSummary>(), parent.getIgnoredChildrenFailures()]);
  const key = (seed: number): string => `${w.queue.qualifiedName}:${campaignJobId(soakId, seed)}`;
  const summaries = Array.from({ length: config.campaigns }, (_, i) => values[key(config.seed + i)]);
  const failures: SoakFailure[] = [];
  for (let i = 0; i < config.campaigns; i++) {
    const reason = failed[key(config.seed + i)];
    if (summaries[i] === undefined) failures.push(campaignFailure(config, config.seed + i, reason ?? 'its result is missing from Redis'));
  }
  const result = foldSoak(config, summaries, failures, performance.now() - started, false);
  return { kind: 'done', soakId, result, resubmitted: w.resubmitted };
}

/** How many campaign jobs are read from Redis at once when catching up. */
const CATCH_UP_CHUNK = 100;

/**
 * Read every campaign job of the soak once and tell what each had done: answered (with the
 * worker that played it, BullMQ's `processedBy`), failed every attempt, or running (its progress).
 * A job not found is still queued, or Redis lost it; the polling loop finds out which.
 */
async function catchUp(queue: Queue, soakId: string, config: SoakConfig, tell: { progressed: (seed: number, data: unknown) => void; completed: (seed: number, s: CampaignSummary | null, worker: string | null) => void; exhausted: (seed: number, attempts: number) => void }): Promise<void> {
  for (let first = 0; first < config.campaigns; first += CATCH_UP_CHUNK) {
    const seeds = Array.from({ length: Math.min(CATCH_UP_CHUNK, config.campaigns - first) }, (_, k) => config.seed + first + k);
    const jobs = await Promise.all(seeds.map((seed) => queue.getJob(campaignJobId(soakId, seed)) as Promise<Job<CampaignJobData, CampaignSummary> | undefined>));
    jobs.forEach((job, k) => {
      const seed = seeds[k] as number;
      if (!job) return;
      if (job.finishedOn !== undefined && job.returnvalue !== null && job.returnvalue !== undefined) return tell.completed(seed, job.returnvalue, job.processedBy ?? campaignJobProgress(job.progress)?.worker ?? null);
      if (job.finishedOn !== undefined && job.attemptsMade >= ATTEMPTS) return tell.exhausted(seed, job.attemptsMade);
      if (job.processedOn !== undefined) tell.progressed(seed, job.progress);
    });
  }
}

/** Redis no longer has the soak: every result it held went with it; `heard` says which campaigns had answered. */
function lostSoak(soakId: string, config: SoakConfig, heard: ReadonlyMap<number, unknown>): QueuedSoakOutcome {
  const lost = Array.from({ length: config.campaigns }, (_, i) => config.seed + i).filter((s) => !heard.has(s));
  return { kind: 'lost', soakId, config, lost, kept: config.campaigns - lost.length };
}

/** Workers of other builds in the same Redis, which take none of this soak: said beside 'no worker', since they are the usual reason. */
async function elsewhere(w: Watch): Promise<string> {
  const others: string[] = [];
  for (const name of await otherVersionQueues(w.connection, w.opts.stem, w.version)) {
    const q = new Queue(name, { connection: w.connection });
    const n = await q.getWorkersCount();
    await q.close();
    if (n > 0) others.push(`${n} on ${name}`);
  }
  return others.length === 0 ? '' : ` (workers of another code version, which take none of these: ${others.join(', ')})`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const wake = (): void => {
      clearTimeout(t);
      signal?.removeEventListener('abort', wake);
      resolve();
    };
    const t = setTimeout(wake, ms);
    signal?.addEventListener('abort', wake, { once: true });
  });
}
