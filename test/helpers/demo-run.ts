import { startDemo } from '../../src/cli/demo-scenario.js';
import type { Placement } from '../../src/runtime/coordinator.js';
import { Runtime, type RunSummary } from '../../src/runtime/runtime.js';
import { testCatalog } from '../fixtures/catalog.js';

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
