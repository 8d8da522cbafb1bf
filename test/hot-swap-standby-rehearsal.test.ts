import { afterEach, describe, expect, it } from 'vitest';
import { benchCatalog } from '../actors/catalog.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';

const CARTS = ['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge', 'terminal', 'sonar'];

describe('Hot Swap onto a standby that rehearsed the cartridge (realtime, threads)', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('answers each call from the new cart, after its init, and nothing rehearsed reaches the run', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 1, catalog: benchCatalog, placement: 'threads', clock: 'realtime', sinks: [trace] });
    const heard: Envelope[] = [];
    rt.external$.subscribe((e) => heard.push(e));
    await rt.spawn('swap-probe');
    for (const [i, cart] of CARTS.entries()) {
      // Paced as a deck swaps (a standby is back by the next one), and sent the moment the swap is asked for.
      await new Promise((resolve) => setTimeout(resolve, 150));
      rt.send('swap-probe', 'swap', { cart, callId: `c${i}`, replyTo: '$test' }, { after: 0 });
      await waitFor(() => heard.some((e) => callOf(e) === `c${i}`));
    }

    // Realtime records reach the trace in batches: all of them are in once the runtime has shut down.
    await rt.shutdown();
    rt = null;
    for (const [i, cart] of CARTS.entries()) {
      const first = heard.find((e) => callOf(e) === `c${i}`);
      expect(first, `call c${i}`).toMatchObject({ kind: 'cart/telemetry', to: '$test', body: { event: 'link', cart } });
    }
    const swaps = trace.of('swap').filter((r) => r.actor === 'slot');
    expect(swaps.map((r) => r.to)).toEqual(CARTS.map(() => 'cartridge'));
    expect(swaps.map((r) => r.incarnation)).toEqual(CARTS.map((_, i) => i + 1));
    // Every call was handled by the incarnation its swap started, never by a rehearsal.
    const calls = trace.of('handle').filter((r) => r.actor === 'slot' && r.kind === 'capability/call');
    expect(calls).toHaveLength(CARTS.length);
    expect(JSON.stringify(trace.records)).not.toMatch(/rehearsal/);
    expect(heard.filter((e) => e.to !== '$test')).toEqual([]);
  });
});

function callOf(e: Envelope): string | undefined {
  return (e.body as { callId?: string }).callId;
}

async function waitFor(done: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out waiting for the new cart');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
