import { afterEach, describe, expect, it } from 'vitest';
import { chipOnMemory, newChipMemory } from '../hardware-sim/flash/chip-memory.js';
import { LogStore } from '../hardware-sim/flash/log-store.js';
import type { Placement } from '../src/runtime/coordinator.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { flashDeck, seededState } from './helpers/flash-deck.js';

/** 3000-byte states: about a block each, so 150 commits go round the 64-block chip twice. */
const SIZE = 3000;
const COMMITS = 150;

describe('flash/bad-block: blocks go bad under the log and commits go on around them', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  for (const placement of ['inline', 'threads'] satisfies Placement[]) {
    it(`${placement}: at most a quarter of the chip goes bad, never the current record's block; every commit lands and the last one mounts`, async () => {
      const memory = newChipMemory();
      const deck = await flashDeck(placement, { image: null, memory });
      rt = deck.rt;
      rt.send('flash', 'flash/write', { state: seededState(0, SIZE), tag: 's0' }, { after: 1 });
      for (let seed = 1; seed <= 20; seed++) rt.send('flash', 'flash/bad-block', { seed }, { after: 3 });
      for (let i = 1; i <= COMMITS; i++) rt.send('flash', 'flash/write', { state: seededState(i, SIZE), tag: `s${i}` }, { after: 3 + i });
      await rt.run(COMMITS + 20);

      const bad = deck.marks('flash bad-block').map((m) => m.block as number);
      expect(bad).toHaveLength(16);
      expect(new Set(bad).size).toBe(16);
      // s0 lives in block 0: the current record's block is never the one to go bad.
      expect(bad).not.toContain(0);
      expect(deck.marks('flash bad-block refused').map((m) => m.refused)).toEqual(Array(4).fill('16 of 64 blocks are bad already; at most 16 may be'));

      expect(deck.bodies('flash/failed')).toEqual([]);
      expect(deck.bodies<{ tag: string }>('flash/ack').map((a) => a.tag)).toEqual(Array.from({ length: COMMITS + 1 }, (_, i) => `s${i}`));
      // The log went round the chip twice: its erase checks found every injected block bad, and only those.
      const view = (await rt.inspect('flash')).state as { badBlocks: number[]; defectiveBlocks: number[] };
      expect(view.defectiveBlocks).toEqual([...bad].sort((a, b) => a - b));
      expect(view.badBlocks).toEqual(view.defectiveBlocks);

      const last = seededState(COMMITS, SIZE);
      expect((await deck.read()).state).toBe(last);
      const mounted = LogStore.mount(chipOnMemory(memory));
      expect(Buffer.from(mounted.state as Uint8Array).toString('base64')).toBe(last);
      expect(mounted.report.dropped).toEqual([]);
    });
  }
});
