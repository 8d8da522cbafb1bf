import { readFileSync } from 'node:fs';
import { deckCatalog } from '../actors/catalog.js';
import { Mission, defaultVariables, readContractSchemas } from '../src/objectives/index.js';
import { projectRoot } from '../src/runtime/paths.js';
import { Runtime } from '../src/runtime/runtime.js';
import { bareEchoWorker } from './kernel.js';
import { compareLatency, round } from './measure.js';

/**
 * A clock tick reaching the hold ticker on its own worker and its verdict
 * arriving back at Mission Control (here: the main thread's `$mc`), in
 * realtime mode, for a GLASS PAYROLL mission with every limb drawn; against
 * a bare postMessage round trip measured in the same run.
 */
export async function tickSuite(timeMs = 4000): Promise<Record<string, number>> {
  const text = readFileSync(new URL('actors/cartridge/games/ice-breaker/glass-payroll.lisp', projectRoot), 'utf8');
  const [schema] = readContractSchemas(text, 'glass-payroll.lisp');
  if (!schema) throw new Error('glass-payroll.lisp holds no schema');
  const mission = Mission.instantiate(schema, { seed: 1, threat: 3 });
  const worker = await bareEchoWorker();
  const rt = new Runtime({ seed: 1, catalog: deckCatalog, placement: 'threads', clock: 'realtime' });
  try {
    await rt.spawn('hold-ticker');
    let waiting: (() => void) | null = null;
    rt.external$.subscribe((e) => {
      if (e.kind === 'holds/verdicts') waiting?.();
    });
    rt.send('hold-ticker', 'holds/watch', { mission: 'bench', replyTo: '$mc', spec: mission.watchSpec(), variables: defaultVariables(), verbose: true }, { after: 0 });
    let n = 0;
    const tick = (): Promise<void> =>
      new Promise<void>((resolve) => {
        waiting = resolve;
        rt.send('hold-ticker', 'tick', { tick: ++n, at: 0 }, { after: 0, from: '$clock' });
      });
    await tick();
    const { baseline, candidate, ratioP50 } = await compareLatency({ name: 'raw round trip', fn: worker.roundTrip }, { name: 'tick → verdict', fn: tick }, timeMs);
    return {
      tickLatencyP50Us: round(candidate.p50Us),
      tickLatencyP99Us: round(candidate.p99Us),
      rawRttP50Us: round(baseline.p50Us),
      tickRatioP50: round(ratioP50, 3),
    };
  } finally {
    await worker.terminate();
    await rt.shutdown();
  }
}
