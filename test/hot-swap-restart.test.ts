import { afterEach, describe, expect, it } from 'vitest';
import type { CartPrompt } from '../actors/cartridge/messages.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import { testCatalog } from './fixtures/catalog.js';

describe('Hot Swap is an actor restart', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('replaces the cart behind the same id on a fresh worker, keeping its mailbox; both placements trace it alike', async () => {
    const hashes: Array<string | null> = [];
    for (const placement of ['threads', 'inline'] as const) {
      const trace = new MemorySink();
      rt = new Runtime({ seed: 4, catalog: testCatalog, placement, sinks: [trace] });
      await rt.spawn('swapper');
      await rt.run(2);
      const before = await rt.inspect('slot');
      expect(before.state).toMatchObject({ cart: 'ice-breaker' });
      const prompts: Envelope[] = [];
      rt.external$.subscribe((e) => prompts.push(e));
      rt.send('swapper', 'swap', { cart: 'neongrid' });
      // Sent to the slot at the same tick as the swap request: it waits in the mailbox and the new cart answers it.
      rt.send('slot', 'capability/call', { callId: 'k1', params: { seed: 1, threat: 2, mission: {} }, operator: '$op', watchers: [] }, { after: 3 });
      await rt.run(10);
      const after = await rt.inspect('slot');
      expect(after).toMatchObject({ id: 'slot', incarnation: 1, state: { cart: 'neongrid', calls: 1 } });
      if (placement === 'threads') expect(after.threadId).not.toBe(before.threadId);
      expect(trace.of('swap')).toMatchObject([{ actor: 'slot', from: 'cartridge', to: 'cartridge', incarnation: 1 }]);
      expect((prompts[0]?.body as CartPrompt).cart).toBe('neongrid');
      hashes.push((await rt.shutdown()).traceHash);
      rt = null;
    }
    expect(hashes[0]).toBe(hashes[1]);
  });
});
