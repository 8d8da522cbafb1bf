import { describe, expect, it } from 'vitest';
import { LogStore } from '../hardware-sim/flash/log-store.js';
import { NorFlash } from '../hardware-sim/flash/nor-flash.js';
import { sameBytes } from '../hardware-sim/flash/torture.js';
import { rngFromSeed } from '../src/runtime/rng.js';

function state(i: number, size: number): Uint8Array {
  const rng = rngFromSeed(`state:${i}`);
  const bytes = new Uint8Array(size);
  for (let j = 0; j < size; j++) bytes[j] = rng.int(256);
  return bytes;
}

describe('wear on the deck-state flash', () => {
  it('spreads erases evenly over every block', () => {
    const chip = new NorFlash({ pageSize: 256, blockSize: 4096, blockCount: 16, endurance: 100_000 });
    const { store } = LogStore.mount(chip);
    for (let i = 0; i < 400; i++) store.commit(state(i, 1500 + (i % 7) * 300));
    const counts = Array.from({ length: 16 }, (_, b) => chip.eraseCount(b));
    expect(Math.min(...counts)).toBeGreaterThan(5);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('detects a worn-out block, avoids it from then on, and never loses state', () => {
    const chip = new NorFlash({ pageSize: 256, blockSize: 4096, blockCount: 12, endurance: 50 });
    // Two blocks arrive at the end of their life.
    for (let i = 0; i < 50; i++) {
      chip.erase(2);
      chip.erase(5);
    }
    let { store } = LogStore.mount(chip);
    const seenBad = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const last = state(i, 2000);
      store.commit(last);
      for (const b of store.badBlocks) seenBad.add(b);
      if (i % 25 === 24) {
        // Reboot now and then: bad blocks are rediscovered from the chip itself.
        const mounted = LogStore.mount(chip);
        expect(mounted.state && sameBytes(mounted.state, last)).toBe(true);
        store = mounted.store;
      }
      expect(sameBytes(store.read() as Uint8Array, last)).toBe(true);
    }
    expect([...seenBad].sort()).toEqual([2, 5]);
    // Worn blocks are tried once per reboot at most, then avoided.
    for (const b of [2, 5]) expect(chip.eraseCount(b)).toBeLessThanOrEqual(50 + 1 + 200 / 25);
    for (const b of [0, 1, 3, 4, 6, 7, 8, 9, 10, 11]) expect(chip.eraseCount(b)).toBeLessThan(50);
  });

  it('says so clearly when too many blocks are bad to commit', () => {
    const chip = new NorFlash({ pageSize: 256, blockSize: 4096, blockCount: 6, endurance: 1 });
    const { store } = LogStore.mount(chip);
    expect(() => {
      for (let i = 0; i < 100; i++) store.commit(state(i, 3000));
    }).toThrow(/no room for|holds the current state/);
    // What was committed last is still there.
    expect(LogStore.mount(chip).state).not.toBeNull();
  });
});
