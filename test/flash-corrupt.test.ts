import { afterEach, describe, expect, it } from 'vitest';
import { chipOnMemory, newChipMemory } from '../hardware-sim/flash/chip-memory.js';
import { LogStore } from '../hardware-sim/flash/log-store.js';
import { NorFlash } from '../hardware-sim/flash/nor-flash.js';
import { HEADER_SIZE } from '../hardware-sim/flash/record-header.js';
import type { Placement } from '../src/runtime/coordinator.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { flashDeck, seededState } from './helpers/flash-deck.js';

const g = { pageSize: 256, blockSize: 4096, blockCount: 8, endurance: 1000 };
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A small chip with three commits; the newest is the one to hit. */
function threeCommits(): { chip: NorFlash; newest: { address: number; length: number } } {
  const chip = new NorFlash(g);
  const { store } = LogStore.mount(chip);
  store.commit(bytes('first state'));
  store.commit(bytes('second state'));
  const { address } = store.commit(bytes('third state, the newest'));
  return { chip, newest: { address, length: HEADER_SIZE + 23 } };
}

describe('bit rot in the newest record is caught by its CRCs at mount', () => {
  it('any single flipped bit of its header or payload: mount falls back to the previous record and names the damaged one', () => {
    const { newest } = threeCommits();
    for (let bit = 0; bit < newest.length * 8; bit++) {
      const { chip } = threeCommits();
      chip.rot(newest.address + Math.floor(bit / 8), 1 << (bit % 8));
      const { state, report } = LogStore.mount(chip);
      const where = `bit ${bit} of the record`;
      expect(new TextDecoder().decode(state as Uint8Array), where).toBe('second state');
      expect(report.recoveredSeq, where).toBe(2);
      expect(report.dropped.map((d) => d.address), where).toEqual([newest.address]);
      const inHeader = bit < HEADER_SIZE * 8;
      expect(report.dropped[0]?.reason, where).toMatch(inHeader ? /^torn record: header CRC mismatch \(reads as commit #\d+\)$/ : /^torn record: payload CRC mismatch over 23 bytes$/);
      if (!inHeader) expect(report.dropped[0]?.seq, where).toBe(3);
    }
  });

  it('an old record\'s damaged header is history: nothing is dropped', () => {
    const { chip } = threeCommits();
    chip.rot(0 + 9, 0x40);
    const { state, report } = LogStore.mount(chip);
    expect(new TextDecoder().decode(state as Uint8Array)).toBe('third state, the newest');
    expect(report.dropped).toEqual([]);
  });

  it('records that span blocks: a hit in the newest one\'s sequence field is still found by where it lies, the oldest one\'s is not', () => {
    const big = (i: number): Uint8Array => new Uint8Array(3000).fill(i);
    for (let bit = 64; bit < 96; bit++) {
      const chip = new NorFlash(g);
      const { store } = LogStore.mount(chip);
      const [old, , newest] = [1, 2, 3].map((i) => store.commit(big(i)).address) as [number, number, number];
      chip.rot(newest + Math.floor(bit / 8), 1 << (bit % 8));
      chip.rot(old + Math.floor(bit / 8), 1 << (bit % 8));
      const { report } = LogStore.mount(chip);
      expect(report.recoveredSeq, `seq bit ${bit - 64}`).toBe(2);
      expect(report.dropped.map((d) => d.address), `seq bit ${bit - 64}`).toEqual([newest]);
    }
  });
});

describe('flash/corrupt on the actor', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  for (const placement of ['inline', 'threads'] satisfies Placement[]) {
    it(`${placement}: corrupting the newest record: the flash falls back to the one before, says it is damaged, and commits go on`, async () => {
      const deck = await flashDeck(placement, { image: null, memory: newChipMemory() });
      rt = deck.rt;
      const [a, b, c] = [seededState(1, 600), seededState(2, 600), seededState(3, 600)];
      rt.send('flash', 'flash/write', { state: a, tag: 'a' }, { after: 1 });
      rt.send('flash', 'flash/write', { state: b, tag: 'b' }, { after: 2 });
      rt.send('flash', 'flash/corrupt', { bits: 8, seed: 1, target: 'newest' }, { after: 5 });
      await rt.run(8);
      const state = await deck.read();
      expect(state).toMatchObject({ state: a, seq: 1, damaged: true, report: { recoveredSeq: 1 } });
      expect(state.report.dropped).toHaveLength(1);
      expect(state.report.dropped[0]?.reason).toMatch(/CRC mismatch/);
      expect(deck.marks('flash corrupt')).toMatchObject([{ bits: 8, seed: 1, target: 'newest', recoveredSeq: 1, dropped: 1 }]);
      expect(((await rt.inspect('flash')).state as { corruptions: number; bitsFlipped: number })).toMatchObject({ corruptions: 1, bitsFlipped: 8 });

      rt.send('flash', 'flash/write', { state: c, tag: 'c' });
      await rt.run(rt.tick + 5);
      expect(deck.bodies<{ tag: string }>('flash/ack').map((x) => x.tag)).toEqual(['a', 'b', 'c']);
      expect(await deck.read()).toMatchObject({ state: c, damaged: true });
    });
  }

  it('flips anywhere that miss the live record change nothing mounted', async () => {
    const memory = newChipMemory();
    const deck = await flashDeck('inline', { image: null, memory });
    rt = deck.rt;
    const b = seededState(2, 600);
    rt.send('flash', 'flash/write', { state: seededState(1, 600), tag: 'a' }, { after: 1 });
    rt.send('flash', 'flash/write', { state: b, tag: 'b' }, { after: 2 });
    await rt.run(5);
    const live = LogStore.mount(chipOnMemory(memory)).store.currentRecord;
    const before = new Uint8Array(memory).slice();
    rt.send('flash', 'flash/corrupt', { bits: 64, seed: 9, target: 'anywhere' });
    await rt.run(rt.tick + 2);

    const [mark] = deck.marks('flash corrupt');
    const at = mark?.at as number[];
    expect(at.length).toBeGreaterThan(32);
    // The premise: seed 9 misses the live record's bytes.
    const end = (live?.address as number) + HEADER_SIZE + (live?.length as number);
    expect(at.filter((x) => x >= (live?.address as number) && x < end)).toEqual([]);
    expect(new Uint8Array(memory).filter((x, i) => x !== before[i]).length).toBe(at.length);
    expect(await deck.read()).toMatchObject({ state: b, seq: 2, damaged: false, report: { recoveredSeq: 2, dropped: [] } });
  });

  it('a blank chip has no newest record to corrupt: refused, on the trace', async () => {
    const deck = await flashDeck('inline', { image: null });
    rt = deck.rt;
    rt.send('flash', 'flash/corrupt', { bits: 3, seed: 1, target: 'newest' });
    await rt.run(3);
    expect(deck.marks('flash corrupt refused')).toMatchObject([{ refused: 'the chip holds no record to corrupt' }]);
  });
});
