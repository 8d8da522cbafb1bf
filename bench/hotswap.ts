import { Worker } from 'node:worker_threads';
import { benchCatalog } from '../actors/catalog.js';
import { distUrl } from '../src/runtime/paths.js';
import { Runtime } from '../src/runtime/runtime.js';
import { measureLatency, round } from './measure.js';

const CARTS = ['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge'];
/** Pause before each swap: long enough for a standby worker to start (a real deck swaps minutes apart). */
const PACE_MS = 80;

/**
 * A Hot Swap, timed from the swap request to the new cart's first telemetry
 * (realtime, threads placement: the old cart's worker terminated, a standby
 * worker booted as the new cart, the call delivered and answered), against
 * a bare `new Worker` from construction to 'online', measured in the same run.
 * `cold` is the same swap with no standby worker. Swaps are paced (a pause,
 * not timed, before each) as a deck's are, a mission or more apart, so the
 * standby pool has refilled as it would have.
 */
export async function hotswapSuite(timeMs = 3000): Promise<Record<string, number>> {
  const bare = await measureLatency('bare new Worker → online', bareSpawn, timeMs / 3);
  const warm = await swapLatency({ warmWorkers: 2, warmPreload: ['cartridge'] }, timeMs / 3);
  const cold = await swapLatency({ warmWorkers: 0 }, timeMs / 3);
  return {
    hotSwapMs: round(warm / 1000, 3),
    bareSpawnMs: round(bare.p50Us / 1000, 3),
    hotSwapRatio: round(warm / bare.p50Us, 3),
    coldSwapMs: round(cold / 1000, 3),
    coldSwapRatio: round(cold / bare.p50Us, 3),
  };
}

async function bareSpawn(): Promise<void> {
  const w = new Worker(distUrl('bench/fixtures/bare-echo-worker.js'));
  await new Promise((resolve) => w.once('online', resolve));
  await w.terminate();
}

/** Median µs from swap request to the new cart's first telemetry. */
async function swapLatency(pool: { warmWorkers: number; warmPreload?: string[] }, timeMs: number): Promise<number> {
  const rt = new Runtime({ seed: 1, catalog: benchCatalog, placement: 'threads', clock: 'realtime', ...pool });
  try {
    await rt.spawn('swap-probe');
    await new Promise((resolve) => setTimeout(resolve, 300));
    let waiting: { id: string; resolve: () => void } | null = null;
    rt.external$.subscribe((e) => {
      const body = e.body as { callId?: string; event?: string };
      if (e.kind === 'cart/telemetry' && waiting && body.callId === waiting.id) waiting.resolve();
    });
    let n = 0;
    const lat = await measureLatency(
      'hot swap → first telemetry',
      () =>
        new Promise<void>((resolve) => {
          const id = `s${++n}`;
          waiting = { id, resolve };
          rt.send('swap-probe', 'swap', { cart: CARTS[n % CARTS.length] as string, callId: id, replyTo: '$bench' }, { after: 0 });
        }),
      timeMs,
      () => new Promise((resolve) => setTimeout(resolve, PACE_MS)),
    );
    return lat.p50Us;
  } finally {
    await rt.shutdown();
  }
}
