import { afterEach, describe, expect, it } from 'vitest';
import { chipOnMemory, newChipMemory } from '../hardware-sim/flash/chip-memory.js';
import { LogStore } from '../hardware-sim/flash/log-store.js';
import type { Placement } from '../src/runtime/coordinator.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { flashDeck, seededState } from './helpers/flash-deck.js';

/** 3000 bytes: the tail the record leaves in its own block cannot take a second one, so a commit needs a free block. */
const SIZE = 3000;
const mountedState = (memory: SharedArrayBuffer): string | null => {
  const { state } = LogStore.mount(chipOnMemory(memory));
  return state === null ? null : Buffer.from(state).toString('base64');
};

describe('flash/fill: the flash is full for a while', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  for (const placement of ['inline', 'threads'] satisfies Placement[]) {
    it(`${placement}: a commit while full answers flash/failed and the chip keeps the previous state; after the release commits land again`, async () => {
      const memory = newChipMemory();
      const deck = await flashDeck(placement, { image: null, memory });
      rt = deck.rt;
      const [a, b, c] = [seededState(1, SIZE), seededState(2, SIZE), seededState(3, SIZE)];
      rt.send('flash', 'flash/write', { state: a, tag: 'a' }, { after: 1 });
      rt.send('flash', 'flash/fill', { blocks: 64, ticks: 40 }, { after: 5 });
      rt.send('flash', 'flash/write', { state: b, tag: 'b' }, { after: 10 });
      await rt.run(20);

      const [fill] = deck.marks('flash fill');
      // Every block but the one record a's lives in.
      expect(fill).toMatchObject({ asked: 64, ticks: 40, blocks: Array.from({ length: 63 }, (_, i) => i + 1) });
      expect(((await rt.inspect('flash')).state as { takenBlocks: number[] }).takenBlocks).toHaveLength(63);
      expect(deck.bodies('flash/ack')).toMatchObject([{ tag: 'a', seq: 1 }]);
      const failed = deck.bodies<{ tag: string; error: string }>('flash/failed');
      expect(failed).toMatchObject([{ tag: 'b' }]);
      expect(failed[0]?.error).toMatch(/^no room for the new record without erasing block 0, which holds the current state \(bad blocks: none; taken: 1, 2, .*, 63\)$/);
      expect(deck.marks('flash commit failed')).toMatchObject([{ tag: 'b', error: failed[0]?.error }]);
      // The actor did not crash over it, and the chip still holds a.
      expect(deck.trace.of('crash')).toEqual([]);
      expect(await deck.read()).toMatchObject({ state: a, seq: 1, damaged: false });
      expect(mountedState(memory)).toBe(a);

      rt.send('flash', 'flash/write', { state: c, tag: 'c' }, { after: 40 });
      await rt.run(70);
      expect(deck.marks('flash fill released')).toMatchObject([{ fill: fill?.fill, blocks: fill?.blocks }]);
      expect(deck.bodies('flash/ack')).toMatchObject([{ tag: 'a', seq: 1 }, { tag: 'c', seq: 2 }]);
      expect(await deck.read()).toMatchObject({ state: c, seq: 2 });
      expect(mountedState(memory)).toBe(c);
    });
  }

  it('a release scheduled by a controller that crashed frees nothing of its successor', async () => {
    const deck = await flashDeck('inline', { image: null, memory: newChipMemory() });
    rt = deck.rt;
    rt.send('flash', 'flash/write', { state: seededState(1, SIZE), tag: 'a' }, { after: 1 });
    rt.send('flash', 'flash/fill', { blocks: 4, ticks: 30 }, { after: 2 });
    await rt.run(5);
    rt.kill('flash');
    await rt.run(15);
    rt.send('flash', 'flash/fill', { blocks: 2, ticks: 100 });
    await rt.run(60);
    expect(deck.marks('flash fill').map((m) => m.fill)).toEqual(['f0-0', 'f1-0']);
    expect(deck.marks('flash fill release ignored')).toEqual([{ fill: 'f0-0' }]);
    expect(((await rt.inspect('flash')).state as { takenBlocks: number[] }).takenBlocks).toEqual([1, 2]);
  });
});
