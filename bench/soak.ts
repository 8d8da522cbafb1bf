import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { get } from 'node:http';
import { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { Bench } from 'tinybench';
import { runCampaign } from '../src/campaign/campaign.js';
import { parseFaultRates } from '../src/campaign/faults/index.js';
import { type CampaignPool, type SoakConfig, createCampaignPool, runSoak, soakPoolOptions } from '../src/campaign/soak.js';
import { SoakLive } from '../src/campaign/soak-live.js';
import { startDashboard } from '../src/cli/dashboard/server.js';
import { DEFAULT_TICK_MS } from '../src/runtime/clock.js';
import { distUrl } from '../src/runtime/paths.js';
import type { CompressionJob, CompressionRun } from './fixtures/compression-worker.js';
import { median, round } from './measure.js';

export interface SoakBenchSize {
  /** Campaigns per worker in each timed round of the W run (the 1-worker run plays the same campaigns), and missions in each. */
  readonly campaignsPerWorker: number;
  readonly missions: number;
  /** Campaigns each pool thread plays before anything is timed (JIT warm-up, once per thread). */
  readonly warmupPerWorker: number;
  /** Timed rounds, 1 worker and W workers alternating (the ratio is the median of the rounds'). */
  readonly rounds: number;
  /** Missions in the memory run (heap read at a tenth of it and at the end). */
  readonly memoryMissions: number;
  /** Pool size for the W run (default: every core). */
  readonly workers?: number;
}

/** Issue 12's must-show rates: what a faulted soak is measured with. */
export const FAULTED_RATES = 'crash=0.05,reboot=0.05,delay=0.05,stall=0.02,script=0.05,badblock=0.01';
/** Faults may cost at most this much wall time per mission over a clean soak (issue 12). */
export const FAULT_COST_BOUND = 1.5;

export const DEFAULT_SOAK_SIZE: SoakBenchSize = { campaignsPerWorker: 6, missions: 40, warmupPerWorker: 3, rounds: 2, memoryMissions: 10_000 };

/** The dashboard may slow a soak by at most this much (issue 16). */
export const DASHBOARD_OVERHEAD_BOUND = 1.05;

/** Ticks of the pure-JS ceiling work per task: about one 40-mission campaign's stepped ticks. */
const CEILING_TICKS = 150_000;
/** Campaigns played on one fresh thread for the compression figure: the first cold, the last COMPRESSION_TIMED warm. */
const COMPRESSION_RUNS = 6;
const COMPRESSION_TIMED = 3;

/**
 * Campaigns at scale, each figure against its own baseline in the same run:
 *  - scaling: campaigns per second on W warm pool threads against 1 warm
 *    thread, the same campaigns, in alternating rounds; every thread played
 *    `warmupPerWorker` campaigns first, so JIT warm-up is not timed;
 *  - machineScaling: the same measurement of a pure-JS, allocation-heavy
 *    loop shaped like a campaign (bench/fixtures/ceiling-task.ts) on pools
 *    started the same way, in the same rounds: what this machine's cores
 *    give at all; scalingVsMachine is the pool's share of it;
 *  - compression: deck time per wall second of one inline campaign counting
 *    only the ticks actually stepped, on a fresh thread: its first campaign
 *    (cold) and after warm-up (warm); missionCompression counts every tick
 *    from each acceptance to its settlement instead (deck time in play,
 *    stepped or jumped), and steppedTickUs is the wall time of a stepped tick;
 *  - faultCost: the W soak with faults over the clean one (wall time per mission);
 *  - dashboardOverhead: the W soak with `--dashboard` (series kept, SoakLive fed, the server
 *    pushing to one listening page) over the same soak without, alternating rounds on one warm pool;
 *  - heap after a tenth and all of a long campaign (growth).
 */
export async function soakSuite(size: SoakBenchSize = DEFAULT_SOAK_SIZE): Promise<Record<string, number>> {
  const workers = size.workers ?? availableParallelism();
  const campaigns = size.campaignsPerWorker * workers;
  const config = { campaigns, missions: size.missions, seed: 1, faults: null, skimCredit: null };
  const scale = await scalingRounds(config, workers, size);
  const overhead = await dashboardOverhead({ ...config, workers }, size);
  const faulted = await timeWarmPool({ ...config, workers, faults: parseFaultRates(FAULTED_RATES) }, size.warmupPerWorker);
  const campaignsPerSec1 = campaigns / (median(scale.one) / 1000);
  const campaignsPerSecW = campaigns / (median(scale.many) / 1000);
  const scaling = median(scale.one.map((t, i) => t / (scale.many[i] as number)));
  const machineScaling = median(scale.ceilingOne.map((t, i) => t / (scale.ceilingMany[i] as number)));
  const missionsPerSec = (campaigns * size.missions) / (median(scale.many) / 1000);
  const faultedMissionsPerSec = (campaigns * size.missions) / (faulted / 1000);
  const { compressionCold, compression, missionCompression, steppedTickUs } = await compressionOnFreshThread(size.missions);
  const memory = await heapOverCampaign(size.memoryMissions);
  return {
    campaigns,
    missions: size.missions,
    campaignsPerSec1: round(campaignsPerSec1, 3),
    campaignsPerSecW: round(campaignsPerSecW, 3),
    workers,
    scaling: round(scaling, 3),
    machineScaling: round(machineScaling, 3),
    scalingVsMachine: round(scaling / machineScaling, 3),
    missionsPerSec: round(missionsPerSec, 1),
    faultedMissionsPerSec: round(faultedMissionsPerSec, 1),
    faultCost: round(faulted / median(scale.many), 3),
    faultCostBound: FAULT_COST_BOUND,
    dashboardOverhead: round(overhead, 3),
    dashboardOverheadBound: DASHBOARD_OVERHEAD_BOUND,
    compressionCold: round(compressionCold, 0),
    compression: round(compression, 0),
    missionCompression: round(missionCompression, 0),
    steppedTickUs: round(steppedTickUs, 1),
    ...memory,
  };
}

type CleanConfig = Omit<SoakConfig, 'workers'>;

/** Wall ms of each timed round: campaigns on 1 and on W warm threads, and the ceiling work on each. */
async function scalingRounds(config: CleanConfig, workers: number, size: SoakBenchSize): Promise<{ one: number[]; many: number[]; ceilingOne: number[]; ceilingMany: number[] }> {
  const pools = [createCampaignPool(1), createCampaignPool(workers)] as const;
  const ceilings = [ceilingPool(1), ceilingPool(workers)] as const;
  const out = { one: [] as number[], many: [] as number[], ceilingOne: [] as number[], ceilingMany: [] as number[] };
  try {
    await warm(pools[0], { ...config, workers: 1 }, size.warmupPerWorker);
    await warm(pools[1], { ...config, workers }, size.warmupPerWorker);
    await ceilingRun(ceilings[0], workers * size.warmupPerWorker);
    await ceilingRun(ceilings[1], workers * size.warmupPerWorker);
    for (let r = 0; r < size.rounds; r++) {
      out.one.push(await timeOnce(`soak · 1 worker · round ${r + 1}`, () => runSoak({ ...config, workers: 1 }, undefined, pools[0])));
      out.many.push(await timeOnce(`soak · ${workers} workers · round ${r + 1}`, () => runSoak({ ...config, workers }, undefined, pools[1])));
      out.ceilingOne.push(await timeOnce(`ceiling · 1 thread · round ${r + 1}`, () => ceilingRun(ceilings[0], config.campaigns)));
      out.ceilingMany.push(await timeOnce(`ceiling · ${workers} threads · round ${r + 1}`, () => ceilingRun(ceilings[1], config.campaigns)));
    }
    return out;
  } finally {
    await Promise.all([...pools, ...ceilings].map((p) => p.destroy()));
  }
}

/** Every thread of the pool plays `perWorker` campaigns (seeds apart from the timed ones), so what is timed next runs warm. */
async function warm(pool: CampaignPool, config: SoakConfig, perWorker: number): Promise<void> {
  if (perWorker > 0) await runSoak({ ...config, campaigns: config.workers * perWorker, seed: 1_000_000 }, undefined, pool);
}

/** Median over rounds of (soak watched on the dashboard) / (the same soak unwatched), on one warm pool. */
async function dashboardOverhead(config: SoakConfig, size: SoakBenchSize): Promise<number> {
  const pool = createCampaignPool(config.workers);
  const ratios: number[] = [];
  try {
    await warm(pool, config, size.warmupPerWorker);
    for (let r = 0; r < size.rounds; r++) {
      const plain = await timeOnce(`soak · no dashboard · round ${r + 1}`, () => runSoak(config, undefined, pool));
      const watched = { ...config, series: true };
      const live = new SoakLive(watched);
      const dashboard = await startDashboard(live, 0);
      // A page listening: one SSE client that reads every event.
      const page = get(`${dashboard.url}events`, (res) => res.resume());
      try {
        const shown = await timeOnce(`soak · dashboard watched · round ${r + 1}`, async () => live.finish(await runSoak(watched, live.update, pool)));
        ratios.push(shown / plain);
      } finally {
        page.destroy();
        await dashboard.close();
      }
    }
    return median(ratios);
  } finally {
    await pool.destroy();
  }
}

/** One soak on a pool of its own, timed after the pool's threads are warm. */
async function timeWarmPool(config: SoakConfig, warmupPerWorker: number): Promise<number> {
  const pool = createCampaignPool(config.workers);
  try {
    await warm(pool, config, warmupPerWorker);
    return await timeOnce(`soak · ${config.workers} workers`, () => runSoak(config, undefined, pool));
  } finally {
    await pool.destroy();
  }
}

function ceilingPool(workers: number): Piscina<number, number> {
  return new Piscina<number, number>({ filename: distUrl('bench/fixtures/ceiling-task.js').href, ...soakPoolOptions(workers) });
}

/** `tasks` units of the ceiling work, as many at once as the pool has threads; every unit must hash the same. */
async function ceilingRun(pool: Piscina<number, number>, tasks: number): Promise<void> {
  const hashes = await Promise.all(Array.from({ length: tasks }, () => pool.run(CEILING_TICKS)));
  if (new Set(hashes).size !== 1) throw new Error('the ceiling work hashed differently on different threads');
}

/** One timed run under tinybench (a soak takes seconds: one iteration, no warm-up; the caller warms up). */
async function timeOnce(name: string, fn: () => Promise<unknown>): Promise<number> {
  const bench = new Bench({ name, iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 });
  bench.add(name, fn, { async: true });
  await bench.run();
  const r = bench.tasks[0]?.result;
  if (!r || !('latency' in r)) throw new Error(`benchmark '${name}' did not complete`);
  return r.latency.mean;
}

/** Deck time stepped per wall second (ticks where something happened × tick length, over the wall time), cold and warm. */
async function compressionOnFreshThread(missions: number): Promise<{ compressionCold: number; compression: number; missionCompression: number; steppedTickUs: number }> {
  const job: CompressionJob = { seed: 1, missions, runs: COMPRESSION_RUNS };
  const worker = new Worker(distUrl('bench/fixtures/compression-worker.js'), { workerData: job });
  try {
    const runs = await new Promise<CompressionRun[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the compression worker exited with code ${code} before it reported`)));
    });
    const rate = (r: CompressionRun): number => (r.steppedTicks * DEFAULT_TICK_MS) / r.ms;
    const warm = runs.slice(-COMPRESSION_TIMED);
    return {
      compressionCold: rate(runs[0] as CompressionRun),
      compression: median(warm.map(rate)),
      // Ticks a mission spends waiting (a hold judged ahead, a move in flight) are jumped, not stepped, yet they are deck time played.
      missionCompression: median(warm.map((r) => (r.missionTicks * DEFAULT_TICK_MS) / r.ms)),
      steppedTickUs: median(warm.map((r) => (r.ms * 1000) / r.steppedTicks)),
    };
  } finally {
    await worker.terminate();
  }
}

/** Heap (after a full collection) once mission N/10 and mission N have settled in one inline campaign. */
async function heapOverCampaign(missions: number): Promise<{ heapMission: number; heapMb1k: number; heapMb10k: number; heapGrowth: number }> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const early = Math.max(1, Math.round(missions / 10));
  const heap: Record<number, number> = {};
  let settled = 0;
  await runCampaign({
    seed: 2,
    missions,
    placement: 'inline',
    checkInvariants: true,
    series: true,
    onEnvelope: (e) => {
      if (e.kind !== 'deck/event' || (e.body as { type: string }).type !== 'settled') return;
      settled++;
      if (settled === early || settled === missions) {
        gc();
        heap[settled] = process.memoryUsage().heapUsed / 2 ** 20;
      }
    },
  });
  const a = heap[early] ?? Number.NaN;
  const b = heap[missions] ?? Number.NaN;
  return { heapMission: missions, heapMb1k: round(a, 1), heapMb10k: round(b, 1), heapGrowth: round(b / a, 3) };
}
