import type { Placement } from '../../src/runtime/coordinator.js';
import { Runtime, type RunSummary } from '../../src/runtime/runtime.js';
import { testCatalog } from '../fixtures/catalog.js';

/**
 * The kernel's demo: a ping-pong rally, a ticker handing work to an overseer,
 * and the overseer's flaky worker that crashes now and then, so a run shows
 * messaging, supervision, restarts and escalation.
 */
export async function startDemo(rt: Runtime): Promise<void> {
  await rt.spawn('pong');
  await rt.spawn('ping', { args: { peer: 'pong', rounds: 60 } });
  await rt.spawn('overseer');
  await rt.spawn('ticker', { args: { every: 5, workTo: 'overseer' } });
}

/** One lockstep run of the demo actor set: what `nosh run` runs. */
export async function demoRun(seed: number, placement: Placement, ticks: number, extra: { traceFile?: string; traceJsonl?: string } = {}): Promise<RunSummary> {
  const rt = new Runtime({ seed, catalog: testCatalog, placement, clock: 'lockstep', ...extra });
  try {
    await startDemo(rt);
    await rt.run(ticks);
  } finally {
    await rt.shutdown();
  }
  return rt.summary();
}
