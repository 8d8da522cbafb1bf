import { Bench } from 'tinybench';

export interface Latency {
  /** The first call, before tinybench's warm-up: the cold figure when nothing ran it before in this process. */
  readonly firstUs: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly meanUs: number;
  readonly samples: number;
}

type Task = () => Promise<unknown> | unknown;

/**
 * Run one task under tinybench for `timeMs` and at least `iterations` times,
 * and report its latency in µs. A task of tens of milliseconds (a process
 * spawn) needs fewer than tinybench's default 64 to stay within its time.
 */
export async function measureLatency(name: string, fn: Task, timeMs = 1500, beforeEach?: () => Promise<void>, iterations = 64): Promise<Latency> {
  const bench = new Bench({ name, time: timeMs, iterations, warmupTime: Math.min(200, timeMs / 3), warmupIterations: Math.min(16, iterations) });
  // async: true, so tinybench does not probe the task with an extra (unawaited) call.
  bench.add(name, fn, { async: true, ...(beforeEach ? { beforeEach } : {}) });
  await beforeEach?.();
  const firstUs = await timeOne(fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || (result.state !== 'completed' && result.state !== 'aborted-with-statistics')) {
    const why = result && 'error' in result ? `: ${result.error.message}` : '';
    throw new Error(`benchmark task '${name}' did not complete (${result?.state ?? 'no result'})${why}`);
  }
  return {
    firstUs,
    p50Us: result.latency.p50 * 1000,
    p99Us: result.latency.p99 * 1000,
    meanUs: result.latency.mean * 1000,
    samples: result.latency.samplesCount,
  };
}

/** µs of one call: a cold figure when it is the first call of its code in a fresh process. */
export async function timeOne(fn: Task): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) * 1000;
}

/**
 * Measure a baseline and a candidate in alternating short rounds. These
 * machines are noisy: a burst of other work, or the scheduler putting both
 * threads on one core for a while, lands on a pair of neighbouring rounds
 * rather than skewing whichever task happened to run then. Figures are the
 * medians over rounds; ratios are the medians of the per-round ratios;
 * `firstUs` is each task's first call of the first round (cold).
 */
export async function compareLatency(
  baseline: { name: string; fn: Task },
  candidate: { name: string; fn: Task; beforeEach?: () => Promise<void> },
  totalMs = 4000,
  rounds = 10,
  iterations = 64,
): Promise<{ baseline: Latency; candidate: Latency; ratioP50: number; ratioP99: number }> {
  const perRound = totalMs / (2 * rounds);
  const a: Latency[] = [];
  const b: Latency[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await measureLatency(baseline.name, baseline.fn, perRound, undefined, iterations));
    b.push(await measureLatency(candidate.name, candidate.fn, perRound, candidate.beforeEach, iterations));
  }
  return {
    baseline: { ...medianLatency(a), firstUs: (a[0] as Latency).firstUs },
    candidate: { ...medianLatency(b), firstUs: (b[0] as Latency).firstUs },
    ratioP50: median(a.map((x, i) => (b[i] as Latency).p50Us / x.p50Us)),
    ratioP99: median(a.map((x, i) => (b[i] as Latency).p99Us / x.p99Us)),
  };
}

function medianLatency(xs: readonly Latency[]): Omit<Latency, 'firstUs'> {
  return {
    p50Us: median(xs.map((x) => x.p50Us)),
    p99Us: median(xs.map((x) => x.p99Us)),
    meanUs: median(xs.map((x) => x.meanUs)),
    samples: xs.reduce((n, x) => n + x.samples, 0),
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
