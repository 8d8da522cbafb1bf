import { Bench } from 'tinybench';
import type { PredicateValue } from '../src/lisp/compile-predicate.js';
import { Mission } from '../src/objectives/mission.js';
import { type ObjectiveSchema, readContractSchemas } from '../src/objectives/schema.js';
import { defaultVariables } from '../src/objectives/variables.js';
import { bareEchoWorker } from './kernel.js';
import { compareLatency, round, timeOne } from './measure.js';

/** Hold goals in the benchmark mission (the figure). */
export const HOLD_GOALS = 32;
/** Ticks per measured iteration: enough that tinybench's own per-iteration cost is noise. */
const BATCH = 4096;
/** Distinct variable records (a power of two), so no tick can be folded to a constant. */
const RECORDS = 1024;

/**
 * The objective engine's per-tick and per-resolve costs, in one run:
 *  - holdTickNs: one `Mission.tick` of a mission with 32 open `:hold` goals
 *    (four predicate shapes) and an armed escalation, over varied variable
 *    records that keep every hold holding (the steady state of a run);
 *  - settleUs: one full `settle('complete')` of that mission after the spine is
 *    played: all 32 holds close at resolve, every reward lands in a bucket;
 *  - rawRttUs: a bare postMessage round trip to a worker, measured in the same
 *    run in alternating rounds with the tick batches (bench/kernel.ts's echo);
 *  - holdTickFractionOfRtt: holdTickNs over that round trip. Target < 0.01:
 *    holds must never dominate a tick whose messages cross threads.
 */
export async function objectivesSuite(timeMs = 4000): Promise<Record<string, number>> {
  const schema = benchSchema();
  const records = tickRecords();
  const mission = Mission.instantiate(schema, { seed: 1 });
  // Cold: the first tick of all, before the proof below runs a thousand.
  const holdTickColdUs = await timeOne(() => mission.tick(records[0] as Record<string, PredicateValue>));
  proveHoldsAreLive(schema, mission, records);

  let sink = 0;
  const tickBatch = (): void => {
    let events = 0;
    for (let i = 0; i < BATCH; i++) events += mission.tick(records[i & (RECORDS - 1)] as Record<string, PredicateValue>).length;
    sink += events + 1;
  };
  const worker = await bareEchoWorker();
  let raw;
  try {
    raw = await compareLatency({ name: 'raw postMessage round trip', fn: worker.roundTrip }, { name: `hold tick ×${BATCH}`, fn: tickBatch }, timeMs);
  } finally {
    await worker.terminate();
  }
  if (sink === 0 || mission.status !== 'running') throw new Error('the tick loop did no work, or a hold broke during the benchmark');
  const holdTickNs = (raw.candidate.p50Us * 1000) / BATCH;
  const settle = await settleLatency(schema, timeMs / 2);
  return {
    holdGoals: HOLD_GOALS,
    holdTickColdNs: round(holdTickColdUs * 1000, 1),
    holdTickNs: round(holdTickNs, 1),
    settleColdUs: round(settle.coldUs, 2),
    settleUs: round(settle.p50Us, 2),
    rawRttUs: round(raw.baseline.p50Us, 2),
    holdTickFractionOfRtt: round(raw.ratioP50 / BATCH, 5),
  };
}

/** A mission with the GLASS PAYROLL spine shape, 32 hold goals and one escalation. */
export function benchSchema(): ObjectiveSchema {
  const shapes = [
    (i: number) => `(< trace ${60 + i})`,
    (i: number) => `(and (< trace ${60 + i}) (>= timer 0))`,
    () => '(not lockdown)',
    (i: number) => `(<= (+ alarms noise) ${8 + i})`,
  ];
  const holds = Array.from({ length: HOLD_GOALS }, (_, i) => `    (goal hold-${i} :role :optional :hold ${(shapes[i % shapes.length] as (i: number) => string)(i)} :reward ((rep 1 :on-resolve)))`);
  const text = `(defcontract-schema :bench-holds
  :payout-formula extract-payout
  :objectives
  (spine
    (goal breach :role :primary :reward ((¤ (scale 600))))
    (goal exfil :role :primary :requires breach :reward ((¤ (scale 900)))
      :branch ((mirror :reward ((rep 4 :on-resolve))) (corrupt :reward ((¤ (scale 700)) (access :ledger-followon)))))
${holds.join('\n')})
  (limbs
    (escalation (on (>= trace 95) (goal escape :role :primary :reveal :latent :fail-on timeout)))))`;
  const [schema] = readContractSchemas(text, 'bench-holds.lisp');
  return schema as ObjectiveSchema;
}

/** Varied records under every hold's threshold (an LCG, so every run ticks the same records). */
function tickRecords(): Record<string, PredicateValue>[] {
  const out: Record<string, PredicateValue>[] = [];
  let s = 12345;
  for (let i = 0; i < RECORDS; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push({ ...defaultVariables(), trace: s % 60, timer: (s >>> 8) % 1000, alarms: (s >>> 4) % 4, noise: (s >>> 12) % 4, tick: i });
  }
  return out;
}

/** The benchmark must measure real checks: every record holds, and a hot trace breaks every trace hold. */
function proveHoldsAreLive(schema: ObjectiveSchema, mission: Mission, records: readonly Record<string, PredicateValue>[]): void {
  for (const r of records) if (mission.tick(r).length !== 0) throw new Error('a benchmark record broke a hold');
  if (mission.watchSpec().holds.length !== HOLD_GOALS) throw new Error(`expected ${HOLD_GOALS} live holds`);
  const probe = Mission.instantiate(schema, { seed: 1 });
  const forfeits = probe.tick({ ...defaultVariables(), trace: 200, alarms: 100, lockdown: true }).filter((e) => e.kind === 'goal/changed' && e.to === 'forfeit');
  if (forfeits.length !== HOLD_GOALS) throw new Error(`a violating record forfeited ${forfeits.length} holds, not ${HOLD_GOALS}`);
}

/** The first settlement (cold) and the median of one full settlement; each settles a fresh mission prepared outside the timing. */
async function settleLatency(schema: ObjectiveSchema, timeMs: number): Promise<{ coldUs: number; p50Us: number }> {
  const first = played(schema, 1_000_000);
  const coldUs = await timeOne(() => first.settle('complete'));
  let seed = 0;
  let mission = played(schema, seed);
  const bench = new Bench({ name: 'settle', time: timeMs, warmupTime: Math.min(200, timeMs / 3) });
  bench.add(
    'settle a mission with 32 holds',
    () => {
      const result = mission.settle('complete');
      if (!result.ok || result.settlement.outcome !== 'success') throw new Error('benchmark settlement did not succeed');
    },
    { beforeEach: () => void (mission = played(schema, ++seed)) },
  );
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || (result.state !== 'completed' && result.state !== 'aborted-with-statistics')) {
    const why = result && 'error' in result ? `: ${result.error.message}` : '';
    throw new Error(`settle benchmark did not complete${why}`);
  }
  return { coldUs, p50Us: result.latency.p50 * 1000 };
}

function played(schema: ObjectiveSchema, seed: number): Mission {
  const m = Mission.instantiate(schema, { seed });
  for (const step of [() => m.complete('breach'), () => m.choose('corrupt'), () => m.complete('corrupt'), () => m.complete('exfil')]) {
    if (!step().ok) throw new Error('benchmark mission did not play');
  }
  return m;
}
