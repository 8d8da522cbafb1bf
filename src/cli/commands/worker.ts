import { type Command, Option } from 'commander';
import { DEFAULT_LOCK_MS, DEFAULT_QUEUE, DEFAULT_STALLED_MS, defaultWorkers } from '../../campaign/defaults.js';
import type { WorkerOptions } from '../actions/worker.js';
import { integer, redisUrl } from '../options.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Take campaigns of queued soaks (nosh soak --queue) from Redis and play them on warm threads, on this host; runs until SIGINT/SIGTERM.')
    .argument('<redis-url>', 'the Redis the soaks are queued on, e.g. redis://10.0.0.5:6379', redisUrl('REDIS_URL'))
    .addOption(new Option('--concurrency <n>', 'campaigns at once (pool threads)').argParser(integer('--concurrency', 1, 256)).default(defaultWorkers(), `every core: ${defaultWorkers()}`))
    .option('--queue <name>', "the queue name's stem; this build's code version is appended, so a worker takes only campaigns it reproduces", DEFAULT_QUEUE)
    .option('--lock-duration <ms>', 'how long a taken campaign stays this worker\'s without renewal (renewed every half of it)', integer('--lock-duration', 1_000, 3_600_000), DEFAULT_LOCK_MS)
    .option('--stalled-interval <ms>', 'how often to look for campaigns whose worker died, to run them again', integer('--stalled-interval', 500, 3_600_000), DEFAULT_STALLED_MS)
    .addHelpText(
      'after',
      `
Examples:
  nosh worker redis://127.0.0.1:6379
  nosh worker redis://10.0.0.5:6379 --concurrency 16
  nosh worker redis://10.0.0.5:6379 --lock-duration 10000 --stalled-interval 5000   (re-run a dead worker's campaign sooner)

It prints each campaign it takes and finishes. SIGINT or SIGTERM: it takes nothing more, finishes its
running campaigns and exits 0; a second signal hands them back to the queue at once. It reconnects
when Redis restarts. A worker built from other code takes none of a soak's campaigns and says so.
See docs/scale-out.md.`,
    )
    .action(async (url: string, opts: Omit<WorkerOptions, 'url'>) => {
      const { workerAction } = await import('../actions/worker.js');
      await workerAction({ ...opts, url });
    });
}
