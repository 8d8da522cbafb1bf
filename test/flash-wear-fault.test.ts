import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GEOMETRY } from '../hardware-sim/flash/geometry.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { flashDeck, seededState } from './helpers/flash-deck.js';

describe('flash/wear: a block aged from outside wears out early', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('the seeded block reaches its endurance at once; the log finds it worn on its next erase and commits go on', async () => {
    const deck = await flashDeck('inline', { image: null });
    rt = deck.rt;
    rt.send('flash', 'flash/wear', { seed: 4, erases: DEFAULT_GEOMETRY.endurance }, { after: 1 });
    // Past the bound: a malformed envelope, rejected, not clamped.
    rt.send('flash', 'flash/wear', { seed: 5, erases: 10 * DEFAULT_GEOMETRY.endurance + 1 }, { after: 1 });
    for (let i = 0; i < 80; i++) rt.send('flash', 'flash/write', { state: seededState(i, 3000), tag: `s${i}` }, { after: 2 + i });
    await rt.run(100);

    const [worn] = deck.marks('flash wear');
    expect(worn).toMatchObject({ seed: 4, erases: DEFAULT_GEOMETRY.endurance, count: DEFAULT_GEOMETRY.endurance });
    expect(deck.trace.of('reject').filter((r) => r.actor === 'flash').map((r) => r.field)).toEqual(['body.erases']);
    expect(deck.bodies('flash/ack')).toHaveLength(80);
    const view = (await rt.inspect('flash')).state as { badBlocks: number[]; defectiveBlocks: number[] };
    expect(view.badBlocks).toEqual([worn?.block]);
    expect(view.defectiveBlocks).toEqual([]);
    expect((await deck.read()).state).toBe(seededState(79, 3000));
  });
});
