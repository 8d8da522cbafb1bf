import { readFileSync } from 'node:fs';
import { deckCatalog } from '../actors/catalog.js';
import { Mission, defaultVariables, readContractSchemas } from '../src/objectives/index.js';
import { projectRoot } from '../src/runtime/paths.js';
import { DEFAULT_TICK_MS } from '../src/runtime/clock.js';
import { Runtime } from '../src/runtime/runtime.js';
import { bareEchoWorker } from './kernel.js';
import { compareLatency, round, timeOne } from './measure.js';

/** Deck ticks per tick length of wall time, the most realtime allows: a deck tick every 33 µs. */
const TICK_SPEED = 1000;

/**
 * A clock tick reaching the hold ticker on its own worker and its verdict
 * arriving back at Mission Control (here: the main thread's `$mc`), in
 * realtime mode, for a GLASS PAYROLL mission with every limb drawn; against
 * a bare postMessage round trip measured in the same run. The deck clock runs
 * at 1000×, and a deck tick (33 µs) passes, untimed, before each tick is sent.
 */
export async function tickSuite(timeMs = 4000): Promise<Record<string, number>> {
  const text = readFileSync(new URL('actors/cartridge/games/ice-breaker/glass-payroll.lisp', projectRoot), 'utf8');
  const [schema] = readContractSchemas(text, 'glass-payroll.lisp');
  if (!schema) throw new Error('glass-payroll.lisp holds no schema');
  const mission = Mission.instantiate(schema, { seed: 1, threat: 3 });
  const worker = await bareEchoWorker();
  // The ticker judges each deck tick once, at the tick its envelope is due: at 1×, every tick sent within
  // 33 ms would be one deck tick, answered once. At 1000× a deck tick is 33 µs: waited out between ticks.
  const rt = new Runtime({ seed: 1, catalog: deckCatalog, placement: 'threads', clock: 'realtime', speed: TICK_SPEED });
  try {
    await rt.spawn('hold-ticker');
    let waiting: (() => void) | null = null;
    rt.external$.subscribe((e) => {
      if (e.kind === 'holds/verdicts') waiting?.();
    });
    const answered = new Promise<void>((resolve) => (waiting = resolve));
    rt.send('hold-ticker', 'holds/watch', { mission: 'bench', replyTo: '$mc', spec: mission.watchSpec(), variables: defaultVariables(), startTick: 0, verbose: true }, { after: 0 });
    // A verbose watch is judged at once: its verdict says the ticker took it. A refused one would leave every tick unanswered.
    await Promise.race([answered, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the hold ticker did not take the watch within 10 s')), 10_000).unref())]);
    const nextDeckTick = (): Promise<void> => {
      const until = performance.now() + DEFAULT_TICK_MS / TICK_SPEED + 0.002;
      while (performance.now() < until);
      return Promise.resolve();
    };
    let n = 0;
    const tick = (): Promise<void> =>
      new Promise<void>((resolve) => {
        waiting = resolve;
        rt.send('hold-ticker', 'tick', { tick: ++n, at: 0 }, { after: 0, from: '$clock' });
      });
    await nextDeckTick();
    const coldUs = await timeOne(tick);
    const { baseline, candidate, ratioP50 } = await compareLatency({ name: 'raw round trip', fn: worker.roundTrip }, { name: 'tick → verdict', fn: tick, beforeEach: nextDeckTick }, timeMs);
    return {
      tickLatencyColdUs: round(coldUs),
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
