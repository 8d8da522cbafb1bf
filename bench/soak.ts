import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Bench } from 'tinybench';
import { runCampaign } from '../src/campaign/campaign.js';
import { parseFaultRates } from '../src/campaign/faults/index.js';
import { type SoakConfig, createCampaignPool, runSoak } from '../src/campaign/soak.js';
import { DEFAULT_TICK_MS } from '../src/runtime/clock.js';
import { round } from './measure.js';

export interface SoakBenchSize {
  /** Campaigns per worker in the scaling runs, and missions in each. */
  readonly campaignsPerWorker: number;
  readonly missions: number;
  /** Missions in the memory run (heap read at a tenth of it and at the end). */
  readonly memoryMissions: number;
  /** Pool size for the W run (default: every core). */
  readonly workers?: number;
}

/** Issue 12's must-show rates: what a faulted soak is measured with. */
export const FAULTED_RATES = 'crash=0.05,reboot=0.05,delay=0.05,stall=0.02,script=0.05,badblock=0.01';
/** Faults may cost at most this much wall time per mission over a clean soak (issue 12). */
export const FAULT_COST_BOUND = 1.5;

export const DEFAULT_SOAK_SIZE: SoakBenchSize = { campaignsPerWorker: 4, missions: 40, memoryMissions: 10_000 };

/**
 * Campaigns at scale, each figure against its own baseline in the same run:
 * campaigns per second on W pool workers against 1 (scaling), deck time
 * per wall second in one inline campaign counting only the ticks actually
 * stepped (compression), the same soak with faults against the clean one
 * (faultCost: wall time per mission, faulted over clean), and the heap after
 * a tenth and all of a long campaign (growth).
 */
export async function soakSuite(size: SoakBenchSize = DEFAULT_SOAK_SIZE): Promise<Record<string, number>> {
  const workers = size.workers ?? availableParallelism();
  const campaigns = size.campaignsPerWorker * workers;
  const config = { campaigns, missions: size.missions, seed: 1, faults: null, skimCredit: null };
  const one = await timePool({ ...config, workers: 1 });
  const many = await timePool({ ...config, workers });
  const faulted = await timePool({ ...config, workers, faults: parseFaultRates(FAULTED_RATES) });
  const campaignsPerSec1 = campaigns / (one / 1000);
  const campaignsPerSecW = campaigns / (many / 1000);
  const missionsPerSec = (campaigns * size.missions) / (many / 1000);
  const faultedMissionsPerSec = (campaigns * size.missions) / (faulted / 1000);
  const memory = await heapOverCampaign(size.memoryMissions);
  return {
    campaigns,
    missions: size.missions,
    campaignsPerSec1: round(campaignsPerSec1, 3),
    campaignsPerSecW: round(campaignsPerSecW, 3),
    workers,
    scaling: round(campaignsPerSecW / campaignsPerSec1, 3),
    missionsPerSec: round(missionsPerSec, 1),
    faultedMissionsPerSec: round(faultedMissionsPerSec, 1),
    faultCost: round(faulted / many, 3),
    faultCostBound: FAULT_COST_BOUND,
    compression: round(await compression(size.missions * 2), 0),
    ...memory,
  };
}

/** Campaigns on a pool whose threads have already started and loaded the deck (a soak of hours amortises that). */
async function timePool(config: SoakConfig): Promise<number> {
  const pool = createCampaignPool(config.workers);
  try {
    await runSoak({ ...config, campaigns: config.workers, missions: 1, seed: 1_000_000 }, undefined, pool);
    return await timeOnce(`soak · ${config.workers} workers`, () => runSoak(config, undefined, pool));
  } finally {
    await pool.destroy();
  }
}

/** One timed run under tinybench (a soak takes seconds: one iteration, no warm-up). */
async function timeOnce(name: string, fn: () => Promise<unknown>): Promise<number> {
  const bench = new Bench({ name, iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 });
  bench.add(name, fn, { async: true });
  await bench.run();
  const r = bench.tasks[0]?.result;
  if (!r || !('latency' in r)) throw new Error(`benchmark '${name}' did not complete`);
  return r.latency.mean;
}

/** Deck time stepped per wall second: ticks where something happened × tick length, over the wall time. */
async function compression(missions: number): Promise<number> {
  let stepped = 0;
  const ms = await timeOnce('one inline campaign', async () => {
    stepped = (await runCampaign({ seed: 1, missions, placement: 'inline' })).steppedTicks;
  });
  return (stepped * DEFAULT_TICK_MS) / ms;
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
