import { Worker } from 'node:worker_threads';
import { benchCatalog } from '../actors/catalog.js';
import { distUrl } from '../src/runtime/paths.js';
import { Runtime } from '../src/runtime/runtime.js';
import { type Latency, compareLatency, measureLatency, round } from './measure.js';

/**
 * The kernel's cost over bare postMessage, measured in one run:
 *  - raw: main thread ↔ a bare echo worker (postMessage both ways, nothing else);
 *  - kernel: main thread ↔ the `echo` actor on its own worker through the
 *    threads transport in realtime mode (envelope, validation at both ends,
 *    the Observable mailbox, the actor cell, trace counting);
 *  - inline: one envelope stepped into an actor and its reply routed out, in
 *    lockstep inline placement (with the trace hash).
 * Both round trips cross the same thread boundary twice, so their ratio is the
 * kernel's overhead. Raw and kernel run in alternating rounds (medians);
 * the *Cold figures are each one's first call in this process.
 */
export async function kernelSuite(timeMs = 4000): Promise<Record<string, number>> {
  const worker = await bareEchoWorker();
  const rt = new Runtime({ seed: 1, catalog: benchCatalog, placement: 'threads', clock: 'realtime' });
  try {
    await rt.spawn('echo');
    const { baseline: raw, candidate: kernel, ratioP50, ratioP99 } = await compareLatency(
      { name: 'raw postMessage round trip', fn: worker.roundTrip },
      { name: 'kernel threads round trip', fn: kernelRoundTrip(rt) },
      timeMs,
    );
    const inline = await inlineDispatch(timeMs / 4);
    return {
      rawRttColdUs: round(raw.firstUs),
      kernelRttColdUs: round(kernel.firstUs),
      rawRttP50Us: round(raw.p50Us),
      rawRttP99Us: round(raw.p99Us),
      kernelRttP50Us: round(kernel.p50Us),
      kernelRttP99Us: round(kernel.p99Us),
      inlineDispatchColdUs: round(inline.firstUs),
      inlineDispatchUs: round(inline.meanUs),
      ratioP50: round(ratioP50, 3),
      ratioP99: round(ratioP99, 3),
    };
  } finally {
    await worker.terminate();
    await rt.shutdown();
  }
}

/** A bare echo worker: postMessage there and back, nothing else; the raw round trip other suites compare against. */
export async function bareEchoWorker(): Promise<{ roundTrip: () => Promise<void>; terminate: () => Promise<number> }> {
  const worker = new Worker(distUrl('bench/fixtures/bare-echo-worker.js'));
  await new Promise((resolve) => worker.once('online', resolve));
  // Replies are matched by number, so a stray reply can never stand in for the awaited one.
  let waiting: { n: number; resolve: () => void } | null = null;
  worker.on('message', (m: { n: number }) => {
    if (waiting && m.n === waiting.n) waiting.resolve();
  });
  let n = 0;
  return {
    roundTrip: () =>
      new Promise<void>((resolve) => {
        waiting = { n: ++n, resolve };
        worker.postMessage({ n });
      }),
    terminate: () => worker.terminate(),
  };
}

function kernelRoundTrip(rt: Runtime): () => Promise<unknown> {
  let waiting: { n: number; resolve: () => void } | null = null;
  rt.external$.subscribe((e) => {
    if (waiting && (e.body as { n: number }).n === waiting.n) waiting.resolve();
  });
  let n = 0;
  return () =>
    new Promise<void>((resolve) => {
      waiting = { n: ++n, resolve };
      rt.send('echo', 'ping', { n }, { after: 0 });
    });
}

async function inlineDispatch(timeMs: number): Promise<Latency> {
  const rt = new Runtime({ seed: 1, catalog: benchCatalog, placement: 'inline', clock: 'lockstep' });
  await rt.spawn('echo');
  let n = 0;
  try {
    // One iteration: the client's envelope is stepped into echo at the next tick and echo's reply is routed back out.
    const lat = await measureLatency('inline lockstep dispatch', async () => {
      rt.send('echo', 'ping', { n: n++ });
      await rt.run(rt.tick + 1);
    }, timeMs);
    return lat;
  } finally {
    await rt.shutdown();
  }
}
