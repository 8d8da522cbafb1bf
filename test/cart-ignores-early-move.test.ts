import { describe, expect, it } from 'vitest';
import { deckCatalog } from '../actors/catalog.js';
import type { CapabilityResultBody, CartPrompt } from '../actors/cartridge/messages.js';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import type { TraceRecord } from '../src/runtime/trace/record.js';

/**
 * A cart sends a move's next prompt together with its telemetry, timed to land when the move has
 * played out. An operator outside the deck hears that prompt as soon as it is routed, and one can
 * always move before being asked: either way, a move that comes while the last one is playing out
 * must wait for it, never play on top of it.
 */
async function play(seed: number, copies: number): Promise<{ result: CapabilityResultBody; records: readonly TraceRecord[] }> {
  const trace = new MemorySink();
  const rt = new Runtime({ seed, catalog: deckCatalog, placement: 'inline', sinks: [trace] });
  try {
    await rt.spawn('cartridge', { id: 'cart', args: { cart: 'ice-breaker' } });
    let result: CapabilityResultBody | null = null;
    rt.external$.subscribe((e) => {
      if (e.kind === 'cart/prompt') {
        const p = e.body as CartPrompt;
        for (let n = 0; n < copies; n++) rt.send('cart', 'cart/move', { callId: p.callId, move: p.prompt.suggested }, { from: '$op' });
      }
      if (e.kind === 'capability/result' && e.to === '$mc') result = e.body as CapabilityResultBody;
    });
    rt.send('cart', 'capability/call', { callId: 'c1', params: { seed, threat: 4, mission: { target: 'payroll' } }, operator: '$op', watchers: ['$mc'] });
    for (let t = 50; result === null && t < 5000; t += 50) await rt.run(t);
    if (result === null) throw new Error(`seed ${seed}: the call never ended`);
    return { result, records: trace.records };
  } finally {
    await rt.shutdown();
  }
}

/** Ticks at which the cart played a move (a handled move that caused telemetry) before the prompt that move answers had landed. */
function playedEarly(records: readonly TraceRecord[]): number[] {
  const causes = new Set<string>();
  for (const r of records) if (r.type === 'send' && r.from === 'cart' && r.kind === 'cart/telemetry' && r.cause !== null) causes.add(r.cause);
  let promptDue = 0;
  const early: number[] = [];
  for (const r of records) {
    if (r.type === 'handle' && r.actor === 'cart' && r.kind === 'cart/move' && causes.has(`${r.from}#${r.seq}`) && r.tick < promptDue) early.push(r.tick);
    // The prompt a played move sends lands when that move has played out (an illegal move is asked again at once).
    if (r.type === 'send' && r.from === 'cart' && r.kind === 'cart/prompt' && r.cause !== null && causes.has(r.cause)) promptDue = Math.max(promptDue, r.due);
  }
  return early;
}

describe('a move that comes while the last one is playing out', () => {
  it('waits until it has played out, for an operator who answers each prompt once or twice', async () => {
    for (const seed of [2, 9]) {
      for (const copies of [1, 2]) {
        const { result, records } = await play(seed, copies);
        expect(result.result.turns).toBeGreaterThan(1);
        expect(playedEarly(records)).toEqual([]);
        expect(records.some((r) => r.type === 'mark' && r.actor === 'cart' && r.name === 'early move')).toBe(true);
      }
    }
  });
});
