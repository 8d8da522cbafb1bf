import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { FaultRates } from '../faults/index.js';
import type { SoakConfig } from '../soak.js';

/** BullMQ's key prefix (its default), spelled out because the version scan reads keys directly. */
export const KEY_PREFIX = 'bull';
/** Tries per campaign: a campaign that throws on each is reported failed with its replay command. */
export const ATTEMPTS = 3;
/** The first retry waits this long, the next twice as long (BullMQ's exponential backoff). */
export const BACKOFF_MS = 1_000;

/** The queue a build of `version` takes campaigns from. */
export function queueNameOf(stem: string, version: string): string {
  return `${stem}.${version}`;
}

/** What a campaign job carries: enough to play it (and name it), nothing that varies between submissions. */
export interface CampaignJobData {
  readonly soakId: string;
  readonly seed: number;
  readonly missions: number;
  readonly faults: FaultRates | null;
  readonly skimCredit: number | null;
  readonly series: boolean;
}

/** What a worker writes as a campaign job's progress: missions settled so far, and who plays it (`host:pid`, the BullMQ worker's name). */
export interface CampaignJobProgress {
  readonly runs: number;
  readonly worker: string;
}

/** The progress a coordinator reads, or null for anything else (a job of another shape). */
export function campaignJobProgress(data: unknown): CampaignJobProgress | null {
  if (typeof data !== 'object' || data === null) return null;
  const { runs, worker } = data as Partial<CampaignJobProgress>;
  return Number.isSafeInteger(runs) && typeof worker === 'string' ? { runs: runs as number, worker } : null;
}

/** The soak (the flow's parent): its whole config, so `--attach` can fold it without the flags. */
export interface SoakJobData {
  readonly config: SoakConfig;
  readonly codeVersion: string;
}

/**
 * A soak's id: a hash of the code version and everything that decides its campaigns' results
 * (not `workers`, which only decides how fast). The same soak submitted again has the same id,
 * so BullMQ keeps the jobs it already has and nothing runs twice.
 */
export function soakIdOf(version: string, config: SoakConfig): string {
  const key = { version, seed: config.seed, campaigns: config.campaigns, missions: config.missions, faults: config.faults, skimCredit: config.skimCredit, series: config.series ?? false };
  return `soak-${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 16)}`;
}

/** A campaign's job id: its soak's (a hash of code version and config) and its seed. */
export function campaignJobId(soakId: string, seed: number): string {
  return `${soakId}-s${seed}`;
}

/** Redis could not be reached at the URL given: the CLI prints the one line and exits 1. */
export class RedisUnreachable extends Error {}

/**
 * A connection for BullMQ that waits out a Redis restart instead of failing (BullMQ asks for
 * `maxRetriesPerRequest: null`): commands queue until Redis is back. `onState` hears when the
 * link drops and when it is back, once each per outage.
 */
export function redisConnection(url: string, onState: (up: boolean, why: string) => void = () => {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2_000) });
  let down = false;
  let cause = 'connection closed';
  redis.on('error', (err: Error) => (cause = err.message));
  // 'reconnecting', not 'close': a Redis that shuts down cleanly sends no error, and our own quit() does not reconnect.
  redis.on('reconnecting', () => {
    if (!down) onState(false, cause);
    down = true;
  });
  redis.on('ready', () => {
    if (down) onState(true, 'reconnected');
    down = false;
  });
  return redis;
}

/** Fail fast, once, before anything waits on Redis forever: a wrong URL is one clear line, not a hang. */
export async function checkReachable(url: string): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5_000, enableOfflineQueue: false });
  // The socket's own error (ECONNREFUSED, ENOTFOUND) says more than connect()'s 'Connection is closed'.
  let cause: Error | null = null;
  probe.on('error', (err: Error) => (cause ??= err));
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    throw new RedisUnreachable(`cannot reach Redis at ${url}: ${(cause ?? (err as Error)).message || 'connection refused'}`);
  } finally {
    probe.disconnect();
  }
}

/** The queues of other code versions under `stem` that exist in this Redis (found by their meta key). */
export async function otherVersionQueues(redis: Redis, stem: string, version: string): Promise<string[]> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${KEY_PREFIX}:${stem}.*:meta`, 'COUNT', 1_000);
    cursor = next;
    for (const key of keys) names.add(key.slice(KEY_PREFIX.length + 1, -':meta'.length));
  } while (cursor !== '0');
  names.delete(queueNameOf(stem, version));
  return [...names].sort();
}
