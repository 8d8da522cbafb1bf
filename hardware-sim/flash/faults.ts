import type { Rng } from '../../src/runtime/rng.js';
import type { LogStore } from './log-store.js';
import { MAX_ERASE_COUNT, type NorFlash } from './nor-flash.js';
import { HEADER_SIZE } from './record-header.js';

/**
 * The flash's part of the soak's fault catalogue, as operations on a chip and
 * its log store. Each either happens or is refused with a reason; the actor
 * puts both on the trace. Randomness comes from the rng the caller seeds.
 */

/** Bits one `flash/corrupt` may flip: bit rot, not a wiped chip. */
export const MAX_CORRUPT_BITS = 64;
/** `flash/wear` ages a block by at most this many endurances at once. */
export const MAX_WEAR_ENDURANCES = 10;
/** Longest a `flash/fill` holds its blocks: a day of deck time at 30 ticks a second. */
export const MAX_FILL_TICKS = 30 * 86_400;
/** Fills holding blocks at once. */
export const MAX_FILLS = 16;

export type Refused = { readonly refused: string };

/**
 * A block goes bad: from its next erase on it keeps stuck bits, so the log
 * store's erase check finds it and skips it, as it does a worn-out block.
 * Never a block the current record lives in (that one is not erased until a
 * newer record exists elsewhere anyway), and never more than a quarter of the
 * chip bad in all, counting blocks already found bad.
 */
export function goBad(chip: NorFlash, store: LogStore, rng: Rng): { readonly block: number } | Refused {
  const { blockCount } = chip.geometry;
  const limit = Math.floor(blockCount / 4);
  const bad = new Set([...chip.defectiveBlocks, ...store.badBlocks]);
  if (bad.size >= limit) return { refused: `${bad.size} of ${blockCount} blocks are bad already; at most ${limit} may be` };
  const live = new Set(store.currentBlocks());
  const eligible = blocks(blockCount).filter((b) => !bad.has(b) && !live.has(b));
  if (eligible.length === 0) return { refused: 'every block that is not bad holds the current record' };
  const block = rng.pick(eligible);
  chip.markDefective(block);
  return { block };
}

/** A seeded block ages `erases` erases at once (wear from outside the model): past its endurance, its erases leave stuck bits. */
export function addWear(chip: NorFlash, rng: Rng, erases: number): { readonly block: number; readonly count: number } | Refused {
  const block = rng.int(chip.geometry.blockCount);
  if (chip.eraseCount(block) + erases > MAX_ERASE_COUNT) return { refused: `block ${block} has ${chip.eraseCount(block)} erases; ${erases} more overflow its counter` };
  return { block, count: chip.addWear(block, erases) };
}

/**
 * Blocks another user of the chip takes: up to `count` free ones, in ring
 * order after the current record (the ones the next commits would use
 * first), never the current record's, nor ones already taken or found bad.
 */
export function chooseFill(chip: NorFlash, store: LogStore, alreadyTaken: ReadonlySet<number>, count: number): number[] {
  const { blockCount } = chip.geometry;
  const live = store.currentBlocks();
  const bad = new Set(store.badBlocks);
  const start = live.length === 0 ? 0 : ((live[live.length - 1] as number) + 1) % blockCount;
  const out: number[] = [];
  for (let i = 0; i < blockCount && out.length < count; i++) {
    const b = (start + i) % blockCount;
    if (!live.includes(b) && !alreadyTaken.has(b) && !bad.has(b)) out.push(b);
  }
  return out;
}

/** Where `flash/corrupt` aims: the newest (current) record's header and payload, or the whole chip. */
export function corruptionRegion(chip: NorFlash, store: LogStore, target: 'newest' | 'anywhere'): { readonly address: number; readonly length: number } | Refused {
  if (target === 'anywhere') return { address: 0, length: chip.size };
  const record = store.currentRecord;
  if (record === null) return { refused: 'the chip holds no record to corrupt' };
  return { address: record.address, length: HEADER_SIZE + record.length };
}

/** Flip `bits` distinct seeded bits inside the region (wrapping past the chip's end); returns the byte addresses hit, ascending. */
export function flipBits(chip: NorFlash, region: { readonly address: number; readonly length: number }, bits: number, rng: Rng): number[] {
  const span = region.length * 8;
  const chosen = new Set<number>();
  // Bounded: distinct picks from at least 256 bits (a bare header) for at most 64 flips.
  for (let attempt = 0; attempt < bits * 64 && chosen.size < Math.min(bits, span); attempt++) chosen.add(rng.int(span));
  const hit = new Set<number>();
  for (const bit of chosen) {
    const address = (region.address + Math.floor(bit / 8)) % chip.size;
    chip.rot(address, 1 << (bit % 8));
    hit.add(address);
  }
  return [...hit].sort((a, b) => a - b);
}

function blocks(count: number): number[] {
  return Array.from({ length: count }, (_, b) => b);
}
