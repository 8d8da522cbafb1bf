import { describe, expect, it } from 'vitest';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import { testCatalog } from './fixtures/catalog.js';

describe('realtime clock', () => {
  it.each(['threads', 'inline'] as const)('%s: delivers as envelopes arrive, honouring delays in wall time', async (placement) => {
    const trace = new MemorySink();
    const rt = new Runtime({ seed: 1, catalog: testCatalog, placement, clock: 'realtime', tick: { tickMs: 5 }, sinks: [trace] });
    await rt.spawn('pong');
    await rt.spawn('ping', { args: { peer: 'pong', rounds: 10 } });
    const started = performance.now();
    await rt.run(rt.tick + 150);
    const elapsed = performance.now() - started;
    const summary = await rt.shutdown();
    // Ten rounds of 1–3 ticks of think time plus a 1-tick reply each: done well inside 150 ticks of 5 ms.
    expect(trace.of('handle').filter((r) => r.actor === 'ping')).toHaveLength(10);
    expect(elapsed).toBeGreaterThan(100);
    expect(summary.traceHash).toBeNull();
    expect(summary.envelopes).toBe(20);
  });

  it('without a trace file, message records are counted, not shipped, so measuring barely disturbs the run', async () => {
    const rt = new Runtime({ seed: 1, catalog: testCatalog, placement: 'threads', clock: 'realtime', tick: { tickMs: 5 } });
    await rt.spawn('pong');
    await rt.spawn('ping', { args: { peer: 'pong', rounds: 10 } });
    await rt.run(rt.tick + 150);
    const summary = await rt.shutdown();
    expect(summary).toMatchObject({ envelopes: 20, handled: 20, traceHash: null });
  });
});
