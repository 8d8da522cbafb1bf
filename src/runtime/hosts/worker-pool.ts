import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { distUrl } from '../paths.js';
import type { WorkerBoot, WorkerControl } from './worker-main.js';

/** A worker that has not said it is ready by then is treated as failed to start. */
const START_TIMEOUT_MS = 30_000;
/**
 * Standby workers are started this long after one is taken, not at once: a thread start is tens of
 * milliseconds of CPU, and on a machine of few cores it would run alongside the Hot Swap (or spawn)
 * that took the standby, which is what the standby is there to make fast.
 */
const REFILL_DELAY_MS = 50;
/** Actor modules a pool learns to preload from what it was asked for (on top of those it was told). */
const MAX_LEARNED = 8;
export const MAX_WARM_WORKERS = 16;

/** A started actor-host worker with the kernel loaded, not yet hosting an actor. */
export interface WarmWorker {
  readonly worker: Worker;
  readonly control: Comlink.Remote<WorkerControl>;
  readonly controlPort: MessagePort;
}

/**
 * Keeps a few actor-host workers started ahead of need, so spawning or
 * restarting an actor (a Hot Swap is a restart) costs a boot message, not a
 * thread start. Each imports the actor modules the pool was told to preload
 * and those it was recently asked for, so the actor it boots finds its code
 * loaded. Warm workers are unreferenced: they never keep the process up.
 */
export class WorkerPool {
  private readonly idle: Array<Promise<WarmWorker | null>> = [];
  /** Modules of actors restarted or swapped, most recent last. */
  private readonly learned: string[] = [];
  private closed = false;
  private static readonly shared = new Map<string, WorkerPool>();

  /**
   * One pool per process and size: runtimes created one after another (tests,
   * replays, benchmarks) reuse warm workers instead of each starting its own.
   */
  static sharedPool(warm: number, preload: readonly string[] = []): WorkerPool {
    const key = `${warm}|${preload.join(',')}`;
    let pool = WorkerPool.shared.get(key);
    if (!pool) {
      pool = new WorkerPool(warm, preload);
      WorkerPool.shared.set(key, pool);
    }
    return pool;
  }

  constructor(
    readonly warm: number,
    /** Modules each warm worker imports while it waits, so booting one of them costs no load. */
    readonly preload: readonly string[] = [],
  ) {
    if (!Number.isSafeInteger(warm) || warm < 0 || warm > MAX_WARM_WORKERS) {
      throw new RangeError(`warm workers must be an integer in 0..${MAX_WARM_WORKERS}, got ${warm}`);
    }
    this.refill();
  }

  /**
   * A ready worker: a warm one when there is one, else a fresh one that
   * starts loading `moduleUrl` (the actor it is for) as it starts. An actor
   * that is `again` (restarted or swapped: incarnation > 0) is likely to be
   * again, so the standbys started from now on preload its module.
   */
  async take(moduleUrl?: string, again = false): Promise<WarmWorker> {
    if (moduleUrl !== undefined && again) this.learn(moduleUrl);
    while (this.idle.length > 0) {
      const next = await (this.idle.shift() as Promise<WarmWorker | null>);
      this.refillSoon();
      if (next && next.worker.threadId >= 0) return hold(next);
    }
    // Someone is waiting for this one: it imports only the actor it is for.
    const fresh = await startWorker(moduleUrl === undefined ? this.preload : [moduleUrl], false);
    this.refillSoon();
    return hold(fresh);
  }

  private learn(moduleUrl: string): void {
    const at = this.learned.indexOf(moduleUrl);
    if (at >= 0) this.learned.splice(at, 1);
    this.learned.push(moduleUrl);
    if (this.learned.length > MAX_LEARNED) this.learned.shift();
  }

  /** What a new worker imports as it starts: the modules this pool was told to preload, and those it learned. */
  private modules(): string[] {
    return [...new Set([...this.preload, ...this.learned])];
  }

  /** Starting a thread takes milliseconds of this thread's time (and a core): not while someone waits for the worker just taken. */
  private refillSoon(): void {
    setTimeout(() => this.refill(), REFILL_DELAY_MS).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.idle.splice(0);
    await Promise.all(pending.map(async (p) => {
      const w = await p;
      if (w) await release(w);
    }));
  }

  private refill(): void {
    while (!this.closed && this.idle.length < this.warm) {
      this.idle.push(
        startWorker(this.modules(), true).then(
          (w) => {
            // An idle worker and its control port must not keep the process alive.
            w.worker.unref();
            w.controlPort.unref();
            return w;
          },
          () => null,
        ),
      );
    }
  }
}

function hold(w: WarmWorker): WarmWorker {
  w.worker.ref();
  w.controlPort.ref();
  return w;
}

/**
 * A started actor-host worker that has imported `preload` (actor modules), in one round trip: it
 * reads the list from its workerData. A standby (`rehearse`) also warms those actors' code first.
 */
export async function startWorker(preload: readonly string[] = [], rehearse = false): Promise<WarmWorker> {
  const { port1, port2 } = new MessageChannel();
  const boot: WorkerBoot = { control: port2, preload, rehearse };
  const worker = new Worker(distUrl('bundle/workers/actor-host.js'), { workerData: boot, transferList: [port2] });
  const control = Comlink.wrap<WorkerControl>(port1 as unknown as Comlink.Endpoint);
  const warm: WarmWorker = { worker, control, controlPort: port1 };
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', (err) => reject(new Error(`actor-host worker failed to start: ${err.message}`)));
    worker.once('exit', (code) => reject(new Error(`actor-host worker exited with code ${code} while starting`)));
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`actor-host worker not ready after ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    timer.unref();
  });
  try {
    await Promise.race([control.ready(), failed, timeout]);
  } catch (err) {
    await release(warm);
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return warm;
}

export async function release(w: WarmWorker): Promise<void> {
  w.control[Comlink.releaseProxy]();
  w.controlPort.close();
  await w.worker.terminate();
}
