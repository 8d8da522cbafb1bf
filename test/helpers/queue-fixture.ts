import { afterAll, beforeAll } from 'vitest';
import { type NoshProcess, startNosh } from './nosh-process.js';
import { type RedisServer, startRedis } from '../../bench/fixtures/redis-server.js';

/** What a queue test's hooks set up: its own redis-server, and `workers` real `nosh worker` processes on it, ready. */
export interface QueueFixture {
  readonly redis: RedisServer;
  readonly workers: readonly NoshProcess[];
  /** The first worker. */
  readonly worker: NoshProcess;
}

/**
 * Registers beforeAll/afterAll for a describe block: a redis-server of its own and `count` `nosh worker`s
 * started with `args`, waited for until they wait for campaigns; afterwards the workers are stopped
 * (SIGKILL for any a test left running past SIGTERM) and Redis stopped by its PID.
 */
export function queueFixture(count = 1, args: readonly string[] = ['--concurrency', '1']): QueueFixture {
  const fixture = {
    redis: undefined as unknown as RedisServer,
    workers: [] as NoshProcess[],
    get worker(): NoshProcess {
      const [first] = fixture.workers;
      if (first === undefined) throw new Error('queueFixture(0) has no worker');
      return first;
    },
  };
  beforeAll(async () => {
    fixture.redis = await startRedis();
    for (let i = 0; i < count; i++) fixture.workers.push(startNosh(['worker', fixture.redis.url, ...args]));
    await Promise.all(fixture.workers.map((w) => w.waitFor(/waiting for campaigns/)));
  });
  afterAll(async () => {
    await Promise.all(fixture.workers.map((w) => w.stop('SIGKILL')));
    await fixture.redis.stop();
  });
  return fixture;
}
