import { afterEach, describe, expect, it } from 'vitest';
import { deckCatalog } from '../actors/catalog.js';
import type { CartPrompt } from '../actors/cartridge/messages.js';
import { Runtime } from '../src/runtime/runtime.js';

/** One call played to its end by an outside operator taking the cart's suggestions: what it reported, in order. */
async function play(rt: Runtime, callId: string, seed: number): Promise<unknown[]> {
  const heard: unknown[] = [];
  let done = false;
  const sub = rt.external$.subscribe((e) => {
    const body = e.body as { callId?: string };
    if (body.callId !== callId) return;
    if (e.kind === 'cart/prompt' && e.to === '$op') rt.send('cart', 'cart/move', { callId, move: (e.body as CartPrompt).prompt.suggested }, { from: '$op' });
    if (e.to !== '$mc') return;
    const { callId: _id, ...rest } = e.body as Record<string, unknown>;
    heard.push([e.kind, rest]);
    if (e.kind === 'capability/result') done = true;
  });
  rt.send('cart', 'capability/call', { callId, params: { seed, threat: 4, mission: { target: 'payroll' } }, operator: '$op', watchers: ['$mc'] });
  for (let t = rt.tick + 50; !done && t < rt.tick + 20_000; t += 50) await rt.run(t);
  sub.unsubscribe();
  expect(done).toBe(true);
  return heard;
}

describe('a game is seeded by its call', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('the same call with the same seed plays the same game, later in the same cart; another seed plays another', async () => {
    rt = new Runtime({ seed: 5, catalog: deckCatalog, placement: 'inline' });
    await rt.spawn('cartridge', { id: 'cart', args: { cart: 'ice-breaker' } });
    const first = await play(rt, 'c1', 42);
    const again = await play(rt, 'c2', 42);
    expect(again).toEqual(first);
    const others = [await play(rt, 'c3', 43), await play(rt, 'c4', 44), await play(rt, 'c5', 45)];
    expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(first))).toBe(true);
  });
});
