import { Bench } from 'tinybench';

export interface Latency {
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
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || (result.state !== 'completed' && result.state !== 'aborted-with-statistics')) {
    const why = result && 'error' in result ? `: ${result.error.message}` : '';
    throw new Error(`benchmark task '${name}' did not complete (${result?.state ?? 'no result'})${why}`);
  }
  return {
    p50Us: result.latency.p50 * 1000,
    p99Us: result.latency.p99 * 1000,
    meanUs: result.latency.mean * 1000,
    samples: result.latency.samplesCount,
  };
}

/**
 * Measure a baseline and a candidate in alternating short rounds. These
 * machines are noisy: a burst of other work, or the scheduler putting both
 * threads on one core for a while, lands on a pair of neighbouring rounds
 * rather than skewing whichever task happened to run then. Figures are the
 * medians over rounds; ratios are the medians of the per-round ratios.
 */
export async function compareLatency(
  baseline: { name: string; fn: Task },
  candidate: { name: string; fn: Task },
  totalMs = 4000,
  rounds = 10,
  iterations = 64,
): Promise<{ baseline: Latency; candidate: Latency; ratioP50: number; ratioP99: number }> {
  const perRound = totalMs / (2 * rounds);
  const a: Latency[] = [];
  const b: Latency[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await measureLatency(baseline.name, baseline.fn, perRound, undefined, iterations));
    b.push(await measureLatency(candidate.name, candidate.fn, perRound, undefined, iterations));
  }
  return {
    baseline: medianLatency(a),
    candidate: medianLatency(b),
    ratioP50: median(a.map((x, i) => (b[i] as Latency).p50Us / x.p50Us)),
    ratioP99: median(a.map((x, i) => (b[i] as Latency).p99Us / x.p99Us)),
  };
}

function medianLatency(xs: readonly Latency[]): Latency {
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
