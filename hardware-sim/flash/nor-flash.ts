import type { Rng } from '../../src/runtime/rng.js';
import { FlashError, PowerLossError, hex } from './errors.js';
import { DEFAULT_COSTS, type FlashCosts, type FlashGeometry, checkGeometry, flashBytes } from './geometry.js';

/** Where a chip's contents persist (an image file); written through on every change. */
export interface FlashBacking {
  writeData(offset: number, bytes: Uint8Array): void;
  writeEraseCount(block: number, count: number): void;
  sync(): void;
  close(): void;
}

export interface FlashSnapshot {
  readonly data: Uint8Array;
  readonly eraseCounts: Uint32Array;
  readonly cycles: number;
  readonly steps: number;
}

export interface NorFlashOptions {
  readonly costs?: FlashCosts;
  readonly data?: Uint8Array;
  readonly eraseCounts?: Uint32Array;
  /** One byte per block, non-zero for a block with a defect (every erase leaves stuck bits); held outside the chip object when it must outlive it. */
  readonly defects?: Uint8Array;
  readonly backing?: FlashBacking;
}

/**
 * Whether `bytes[from .. from+length)` are all 0xFF. Word at a time where the bytes sit on a
 * 4-byte boundary (a 4 KiB block is a thousand compares), byte at a time at the ragged ends.
 */
export function isErasedRange(bytes: Uint8Array, from: number, length: number): boolean {
  const end = from + length;
  let i = from;
  while (i < end && (bytes.byteOffset + i) % 4 !== 0) if (bytes[i++] !== 0xff) return false;
  const words = (end - i) >>> 2;
  if (words > 0) {
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    for (let w = 0; w < words; w++) if (view[w] !== 0xffff_ffff) return false;
    i += words * 4;
  }
  while (i < end) if (bytes[i++] !== 0xff) return false;
  return true;
}

/** Most erases a block's counter holds: the counter is a u32 on the image and in shared memory. */
export const MAX_ERASE_COUNT = 0xffff_ffff;

/**
 * A NOR flash chip: erased bytes read 0xFF, programming can only clear bits
 * (and only within one page), erasing sets a whole block back to 0xFF and
 * wears it; past its endurance an erase leaves stuck bits. Every program and
 * erase is one *step*, the unit at which power can be cut.
 */
export class NorFlash {
  readonly geometry: FlashGeometry;
  readonly costs: FlashCosts;
  private readonly data: Uint8Array;
  private readonly eraseCounts: Uint32Array;
  private readonly defects: Uint8Array;
  private readonly backing: FlashBacking | null;
  cycles = 0;
  steps = 0;
  private cut: { atStep: number; rng: Rng } | null = null;
  private powered = true;

  constructor(geometry: FlashGeometry, options: NorFlashOptions = {}) {
    this.geometry = checkGeometry(geometry);
    this.costs = options.costs ?? DEFAULT_COSTS;
    const size = flashBytes(geometry);
    this.data = options.data ?? new Uint8Array(size).fill(0xff);
    this.eraseCounts = options.eraseCounts ?? new Uint32Array(geometry.blockCount);
    if (this.data.length !== size) throw new FlashError(`flash data is ${this.data.length} bytes, geometry says ${size}`);
    if (this.eraseCounts.length !== geometry.blockCount) throw new FlashError(`flash has ${this.eraseCounts.length} erase counters for ${geometry.blockCount} blocks`);
    this.defects = options.defects ?? new Uint8Array(geometry.blockCount);
    if (this.defects.length !== geometry.blockCount) throw new FlashError(`flash has ${this.defects.length} defect flags for ${geometry.blockCount} blocks`);
    this.backing = options.backing ?? null;
  }

  get size(): number {
    return this.data.length;
  }

  read(address: number, length: number): Uint8Array {
    this.assertPowered('read');
    this.assertRange(address, length, 'read');
    this.cycles += length * this.costs.readCyclesPerByte;
    return this.data.slice(address, address + length);
  }

  /**
   * Whether `length` bytes from `address` read erased (0xFF): a read, at a read's cycles, that
   * copies nothing (a driver's erase check runs on every commit; a 4 KiB copy per block was most of it).
   */
  isErased(address: number, length: number): boolean {
    this.assertPowered('read');
    this.assertRange(address, length, 'read');
    this.cycles += length * this.costs.readCyclesPerByte;
    return isErasedRange(this.data, address, length);
  }

  /** Program bytes within one page. Setting a bit that is 0 back to 1 is refused: only an erase does that. */
  program(address: number, bytes: Uint8Array): void {
    this.assertPowered('program');
    this.assertRange(address, bytes.length, 'program');
    const { pageSize } = this.geometry;
    if (bytes.length === 0) return;
    if (Math.floor(address / pageSize) !== Math.floor((address + bytes.length - 1) / pageSize)) {
      throw new FlashError(`program at ${hex(address)} (${bytes.length} bytes) crosses a ${pageSize}-byte page boundary`);
    }
    for (let i = 0; i < bytes.length; i++) {
      const old = this.data[address + i] as number;
      if (((bytes[i] as number) & ~old & 0xff) !== 0) {
        throw new FlashError(
          `program at ${hex(address + i)} would set bits 0→1 (0x${old.toString(16).padStart(2, '0')} → 0x${(bytes[i] as number).toString(16).padStart(2, '0')}); erase the block first`,
        );
      }
    }
    this.cycles += this.costs.programCyclesPerPage + bytes.length * this.costs.programCyclesPerByte;
    const torn = this.takeStep();
    let n = bytes.length;
    if (torn) n = torn.int(bytes.length);
    for (let i = 0; i < n; i++) this.data[address + i] = (this.data[address + i] as number) & (bytes[i] as number);
    if (torn && n < bytes.length) {
      // The byte being programmed when power went: some of its bits made it.
      this.data[address + n] = (this.data[address + n] as number) & ((bytes[n] as number) | torn.int(256));
    }
    this.backing?.writeData(address, this.data.subarray(address, address + bytes.length));
    if (torn) this.powerLost(`program at ${hex(address)}`);
  }

  /** Erase one block to 0xFF. A worn-out block keeps some bits stuck at 0; verify after erasing. */
  erase(block: number): void {
    this.assertPowered('erase');
    this.assertBlock(block, 'erase');
    const { blockSize } = this.geometry;
    const start = block * blockSize;
    this.cycles += this.costs.eraseCyclesPerBlock;
    const torn = this.takeStep();
    const count = (this.eraseCounts[block] as number) + 1;
    this.eraseCounts[block] = count;
    if (torn) {
      // Interrupted erase: a prefix is erased, the rest has only some bits raised.
      const done = torn.int(blockSize);
      this.data.fill(0xff, start, start + done);
      for (let i = start + done; i < start + blockSize; i++) this.data[i] = (this.data[i] as number) | torn.int(256);
    } else {
      this.data.fill(0xff, start, start + blockSize);
      if (count > this.geometry.endurance || this.defects[block] !== 0) this.leaveStuckBits(block, count);
    }
    this.backing?.writeEraseCount(block, count);
    this.backing?.writeData(start, this.data.subarray(start, start + blockSize));
    if (torn) this.powerLost(`erase of block ${block}`);
  }

  eraseCount(block: number): number {
    return this.eraseCounts[block] ?? 0;
  }

  /**
   * Fault injection: the block has aged `erases` erases more than it was
   * erased (wear from outside the model), so it may wear out early. Written
   * through like a real erase's count.
   */
  addWear(block: number, erases: number): number {
    this.assertBlock(block, 'wear');
    const count = (this.eraseCounts[block] as number) + erases;
    if (!Number.isSafeInteger(erases) || erases < 0 || count > MAX_ERASE_COUNT) {
      throw new FlashError(`wear of ${erases} erases on block ${block} (at ${this.eraseCounts[block]}) is outside the counter's 0..${MAX_ERASE_COUNT}`);
    }
    this.eraseCounts[block] = count;
    this.backing?.writeEraseCount(block, count);
    return count;
  }

  /** Fault injection: the block goes bad; from its next erase on, some bits stay stuck at 0. */
  markDefective(block: number): void {
    this.assertBlock(block, 'defect');
    this.defects[block] = 1;
  }

  isDefective(block: number): boolean {
    return (this.defects[block] ?? 0) !== 0;
  }

  get defectiveBlocks(): number[] {
    const out: number[] = [];
    for (let b = 0; b < this.defects.length; b++) if (this.defects[b] !== 0) out.push(b);
    return out;
  }

  /**
   * Fault injection, bit rot: XOR `mask` into the byte at `address`. Not an
   * operation of the chip (no power, cost or step): charge leaking out of
   * cells, or in, while nobody looks. Written through to the backing.
   */
  rot(address: number, mask: number): void {
    this.assertRange(address, 1, 'rot');
    if (!Number.isInteger(mask) || mask < 1 || mask > 0xff) throw new FlashError(`rot at ${hex(address)} needs a mask of 1..0xff, got ${mask}`);
    this.data[address] = (this.data[address] as number) ^ mask;
    this.backing?.writeData(address, this.data.subarray(address, address + 1));
  }

  /** Flush the backing image (one fsync): the driver calls this at the end of a commit. */
  sync(): void {
    this.backing?.sync();
  }

  close(): void {
    this.backing?.close();
  }

  /** Cut power during the `afterSteps`-th program/erase from now (0 = the next one). */
  armPowerCut(afterSteps: number, rng: Rng): void {
    if (!Number.isSafeInteger(afterSteps) || afterSteps < 0) throw new RangeError(`armPowerCut needs a step count >= 0, got ${afterSteps}`);
    this.cut = { atStep: this.steps + afterSteps, rng };
  }

  disarmPowerCut(): void {
    this.cut = null;
  }

  get isPowered(): boolean {
    return this.powered;
  }

  /** Power comes back: the chip keeps whatever the cut left. */
  powerOn(): void {
    this.powered = true;
    this.cut = null;
  }

  snapshot(): FlashSnapshot {
    return { data: this.data.slice(), eraseCounts: this.eraseCounts.slice(), cycles: this.cycles, steps: this.steps };
  }

  restore(s: FlashSnapshot): void {
    this.data.set(s.data);
    this.eraseCounts.set(s.eraseCounts);
    this.cycles = s.cycles;
    this.steps = s.steps;
    this.powered = true;
    this.cut = null;
  }

  private takeStep(): Rng | null {
    const step = this.steps++;
    if (this.cut && step >= this.cut.atStep) return this.cut.rng;
    return null;
  }

  private powerLost(during: string): never {
    this.powered = false;
    this.cut = null;
    throw new PowerLossError(`power lost during ${during} (step ${this.steps - 1})`);
  }

  /**
   * Past endurance the oxide is tired (or the block has a defect): a few bits
   * per erase stay at 0, placed by the block and its erase count.
   */
  private leaveStuckBits(block: number, count: number): void {
    const { blockSize } = this.geometry;
    let h = (Math.imul(block + 1, 2654435761) ^ Math.imul(count, 40503)) >>> 0;
    for (let i = 0; i < 4; i++) {
      h = (Math.imul(h, 1103515245) + 12345) >>> 0;
      const at = block * blockSize + (h % blockSize);
      this.data[at] = (this.data[at] as number) & ~(1 << (h >>> 29)) & 0xff;
    }
  }

  private assertBlock(block: number, op: string): void {
    if (!Number.isSafeInteger(block) || block < 0 || block >= this.geometry.blockCount) {
      throw new FlashError(`${op} of block ${block}: the chip has blocks 0..${this.geometry.blockCount - 1}`);
    }
  }

  private assertPowered(op: string): void {
    if (!this.powered) throw new PowerLossError(`${op} while the chip has no power (call powerOn after a power loss)`);
  }

  private assertRange(address: number, length: number, op: string): void {
    if (!Number.isSafeInteger(address) || !Number.isSafeInteger(length) || address < 0 || length < 0 || address + length > this.data.length) {
      throw new FlashError(`${op} of ${length} bytes at ${hex(address)} is outside the ${this.data.length}-byte chip`);
    }
  }
}
