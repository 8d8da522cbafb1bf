import { runQueueWorker } from '../../campaign/queue/queue-worker.js';
import { checkReachable } from '../../campaign/queue/soak-queue.js';

export interface WorkerOptions {
  url: string;
  concurrency: number;
  queue: string;
  lockDuration: number;
  stalledInterval: number;
}

/** `nosh worker`: until the first SIGINT/SIGTERM (finish what runs), or the second (hand it back). */
export async function workerAction(opts: WorkerOptions): Promise<void> {
  await checkReachable(opts.url);
  const stop = new AbortController();
  const release = new AbortController();
  const onSignal = (): void => (stop.signal.aborted ? release.abort() : stop.abort());
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runQueueWorker({
      url: opts.url,
      concurrency: opts.concurrency,
      stem: opts.queue,
      lockDurationMs: opts.lockDuration,
      stalledIntervalMs: opts.stalledInterval,
      log: (line) => process.stdout.write(`${line}\n`),
      stop: stop.signal,
      release: release.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
