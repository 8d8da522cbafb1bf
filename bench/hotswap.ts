import { Worker } from 'node:worker_threads';
import { benchCatalog } from '../actors/catalog.js';
import { distUrl } from '../src/runtime/paths.js';
import { Runtime } from '../src/runtime/runtime.js';
import { type Latency, measureLatency, median, round } from './measure.js';

const CARTS = ['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge'];
/** Pause before each swap: long enough for a standby worker to start (a real deck swaps minutes apart). */
const PACE_MS = 80;

/** Alternating rounds of bare spawns, warm swaps and cold swaps, and samples of each per round. */
const ROUNDS = 5;
const PER_ROUND = 8;

/**
 * A Hot Swap, timed from the swap request to the new cart's first telemetry
 * (realtime, threads placement: the old cart's worker terminated, a standby
 * worker booted as the new cart, the call delivered and answered), against
 * a bare `new Worker` from construction to 'online', measured in the same run
 * in alternating rounds (bare, warm, cold, bare, …; figures are medians over
 * rounds, ratios the medians of the rounds' ratios). The warm runtime uses
 * the defaults (standby workers on; they learn to preload the cart's code
 * once it has been asked for); `cold` is the same swap with no standby
 * worker. `hotSwapFirstMs` is the first swap of the run (JIT-cold), the
 * others are p50s after warm-up. Swaps are paced (a pause, not timed, before
 * each) as a deck's are, a mission or more apart, so the standby pool has
 * refilled as it would have.
 */
export async function hotswapSuite(timeMs = 3000, rounds = ROUNDS): Promise<Record<string, number>> {
  const warmRt = await swapRuntime({});
  const coldRt = await swapRuntime({ warmWorkers: 0 });
  try {
    const per = timeMs / (3 * rounds);
    const bare: Latency[] = [];
    const warm: Latency[] = [];
    const cold: Latency[] = [];
    for (let r = 0; r < rounds; r++) {
      bare.push(await measureLatency('bare new Worker → online', bareSpawn, per, undefined, PER_ROUND));
      warm.push(await warmRt.measure(per));
      cold.push(await coldRt.measure(per));
    }
    const p50 = (xs: Latency[]): number => median(xs.map((x) => x.p50Us));
    const ratio = (xs: Latency[]): number => median(xs.map((x, i) => x.p50Us / (bare[i] as Latency).p50Us));
    return {
      hotSwapFirstMs: round((warm[0] as Latency).firstUs / 1000, 3),
      hotSwapMs: round(p50(warm) / 1000, 3),
      bareSpawnFirstMs: round((bare[0] as Latency).firstUs / 1000, 3),
      bareSpawnMs: round(p50(bare) / 1000, 3),
      hotSwapRatio: round(ratio(warm), 3),
      coldSwapMs: round(p50(cold) / 1000, 3),
      coldSwapRatio: round(ratio(cold), 3),
    };
  } finally {
    await warmRt.shutdown();
    await coldRt.shutdown();
  }
}

async function bareSpawn(): Promise<void> {
  const w = new Worker(distUrl('bench/fixtures/bare-echo-worker.js'));
  await new Promise((resolve) => w.once('online', resolve));
  await w.terminate();
}

/** A runtime whose swap-probe swaps carts on request; `measure` times swaps to the new cart's first telemetry. */
async function swapRuntime(pool: { warmWorkers?: number }): Promise<{ measure: (timeMs: number) => Promise<Latency>; shutdown: () => Promise<unknown> }> {
  const rt = new Runtime({ seed: 1, catalog: benchCatalog, placement: 'threads', clock: 'realtime', ...pool });
  await rt.spawn('swap-probe');
  await new Promise((resolve) => setTimeout(resolve, 300));
  let waiting: { id: string; cart: string; resolve: () => void } | null = null;
  // Only the new cart's telemetry counts: the old one's, were it to answer, names the old cart.
  rt.external$.subscribe((e) => {
    const body = e.body as { callId?: string; cart?: string };
    if (e.kind === 'cart/telemetry' && waiting && body.callId === waiting.id && body.cart === waiting.cart) waiting.resolve();
  });
  let n = 0;
  const swap = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const id = `s${++n}`;
      const cart = CARTS[n % CARTS.length] as string;
      waiting = { id, cart, resolve };
      rt.send('swap-probe', 'swap', { cart, callId: id, replyTo: '$bench' }, { after: 0 });
    });
  const pace = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, PACE_MS));
  return { measure: (timeMs) => measureLatency('hot swap → first telemetry', swap, timeMs, pace, PER_ROUND), shutdown: () => rt.shutdown() };
}
