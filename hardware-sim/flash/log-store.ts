import { CommitRefusedError } from './errors.js';
import { type DroppedRecord, type Placed, scanLog } from './mount-scan.js';
import type { NorFlash } from './nor-flash.js';
import { HEADER_SIZE, MAX_SEQUENCE, encodeHeader, payloadCrc } from './record-header.js';

export type { DroppedRecord, Placed };

export interface MountReport {
  /** Sequence number of the state recovered, or null on a blank chip (or one with no intact record). */
  readonly recoveredSeq: number | null;
  /** Records newer than the recovered one that failed a CRC (torn by a power loss, or damaged), newest first. */
  readonly dropped: readonly DroppedRecord[];
  /** Headers of older records still on the chip (history the log has not reused yet; payloads not checked). */
  readonly olderRecords: number;
}

/** Mount found a record it had to pass over (newer than the one recovered), or headers and no intact record. */
export function foundDamage(report: MountReport): boolean {
  return report.dropped.length > 0;
}

export interface Mounted {
  readonly store: LogStore;
  readonly state: Uint8Array | null;
  readonly report: MountReport;
}

/**
 * The deck's non-volatile state as a circular log of records on NOR flash.
 * A commit writes a whole new record (payload first, header last) into
 * erased space ahead of the newest one and never touches the blocks that
 * newest record lives in, so a power cut at any step leaves either the old
 * state or the new one. Blocks are reused in ring order, which spreads wear
 * evenly; a block that fails its erase check is skipped from then on.
 */
export class LogStore {
  private head: number;
  private lastSeq: number;
  private current: Placed | null;
  private readonly bad = new Set<number>();
  /** Blocks something else holds for now (the flash is full): passed over like bad ones, but given back. */
  private taken: ReadonlySet<number> = new Set();
  commits = 0;

  private constructor(
    private readonly chip: NorFlash,
    current: Placed | null,
    lastSeq: number,
  ) {
    this.current = current;
    this.lastSeq = lastSeq;
    this.head = current ? this.alignUp(current.address + HEADER_SIZE + current.length) % chip.size : 0;
  }

  /** Largest payload a commit accepts: half the chip, less a block, so a new record always fits beside the current one. */
  static maxPayload(chip: NorFlash): number {
    return (Math.floor(chip.geometry.blockCount / 2) - 1) * chip.geometry.blockSize - HEADER_SIZE;
  }

  /** Scan the chip: the newest intact record is the state; newer ones that fail a CRC are reported as dropped. */
  static mount(chip: NorFlash): Mounted {
    const scan = scanLog(chip.read(0, chip.size), chip.geometry, LogStore.maxPayload(chip));
    const store = new LogStore(chip, scan.current, scan.lastSeq);
    return { store, state: scan.state, report: { recoveredSeq: scan.current?.seq ?? null, dropped: scan.dropped, olderRecords: scan.olderRecords } };
  }

  get sequence(): number | null {
    return this.current?.seq ?? null;
  }

  get badBlocks(): readonly number[] {
    return [...this.bad].sort((a, b) => a - b);
  }

  /** Where the current state's record sits (null on a blank chip). */
  get currentRecord(): Placed | null {
    return this.current;
  }

  /** Blocks the current record lives in: a commit never erases them. */
  currentBlocks(): number[] {
    return this.current ? this.blocksOf(this.current.address, HEADER_SIZE + this.current.length) : [];
  }

  /** Blocks a commit must not use for now (another user of the chip holds them); replaces the previous set. */
  setTaken(blocks: Iterable<number>): void {
    this.taken = new Set(blocks);
  }

  /** The current state, read back from the chip. */
  read(): Uint8Array | null {
    return this.current ? readCircular(this.chip, this.current.address + HEADER_SIZE, this.current.length) : null;
  }

  /**
   * Commit a new state atomically. Throws PowerLossError if power is cut (the
   * chip then holds the old or the new state), CommitRefusedError when the
   * record cannot be placed (the old state is untouched).
   */
  commit(payload: Uint8Array): { seq: number; address: number } {
    const max = LogStore.maxPayload(this.chip);
    if (payload.length > max) throw new CommitRefusedError(`state of ${payload.length} bytes is larger than the ${max} bytes this chip can commit atomically`);
    if (this.lastSeq >= MAX_SEQUENCE) throw new CommitRefusedError('commit sequence exhausted');
    const seq = this.lastSeq + 1;
    const address = this.allocate(HEADER_SIZE + payload.length);
    writeCircular(this.chip, address + HEADER_SIZE, payload);
    writeCircular(this.chip, address, encodeHeader({ seq, length: payload.length, payloadCrc: payloadCrc(payload) }));
    this.chip.sync();
    this.current = { seq, address, length: payload.length };
    this.lastSeq = seq;
    this.head = this.alignUp(address + HEADER_SIZE + payload.length) % this.chip.size;
    this.commits++;
    return { seq, address };
  }

  /**
   * Find erased room for `total` bytes at or after the head: continue in the
   * current block if its tail is clean, otherwise start a fresh block; erase
   * (and check) every block the record will enter.
   */
  private allocate(total: number): number {
    const { blockSize, blockCount } = this.chip.geometry;
    const protectedBlocks = this.currentBlocks();
    const start = this.head;
    try {
      for (let attempt = 0; attempt <= 2 * blockCount; attempt++) {
        const address = this.head;
        const blocks = this.blocksOf(address, total);
        const startsMidBlock = address % blockSize !== 0;
        const obstacle = this.prepare(blocks, address, startsMidBlock, protectedBlocks);
        if (obstacle === null) return address;
        this.head = ((obstacle + 1) % blockCount) * blockSize;
      }
      throw new CommitRefusedError(`no room for a ${total}-byte record: ${this.bad.size} of ${blockCount} blocks are bad, ${this.taken.size} taken`);
    } catch (err) {
      // A refused commit must not leave the head where the search gave up (on the current record's
      // block, say): the next commit, once blocks are free again, searches from the same place.
      if (err instanceof CommitRefusedError) this.head = start;
      throw err;
    }
  }

  /** Make `blocks` ready for a record at `address`; returns the block that stood in the way, or null. */
  private prepare(blocks: readonly number[], address: number, startsMidBlock: boolean, protectedBlocks: readonly number[]): number | null {
    const { blockSize } = this.chip.geometry;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i] as number;
      if (this.taken.has(b)) return b;
      if (i === 0 && startsMidBlock) {
        const end = (b + 1) * blockSize;
        if (!this.chip.isErased(address, end - address)) return b;
        continue;
      }
      if (protectedBlocks.includes(b)) {
        throw new CommitRefusedError(
          `no room for the new record without erasing block ${b}, which holds the current state (bad blocks: ${this.badBlocks.join(', ') || 'none'}; taken: ${[...this.taken].sort((x, y) => x - y).join(', ') || 'none'})`,
        );
      }
      if (this.bad.has(b)) return b;
      this.chip.erase(b);
      if (!this.chip.isErased(b * blockSize, blockSize)) {
        this.bad.add(b);
        return b;
      }
    }
    return null;
  }

  /** Block indices a record of `length` bytes at `address` touches, in ring order. */
  private blocksOf(address: number, length: number): number[] {
    const { blockSize, blockCount } = this.chip.geometry;
    const first = Math.floor(address / blockSize);
    const count = Math.floor(((address % blockSize) + length - 1) / blockSize) + 1;
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push((first + i) % blockCount);
    return out;
  }

  private alignUp(x: number): number {
    const { pageSize } = this.chip.geometry;
    return Math.ceil(x / pageSize) * pageSize;
  }
}

/** Read `length` bytes from `address`, wrapping past the end of the chip. */
export function readCircular(chip: NorFlash, address: number, length: number): Uint8Array {
  const start = address % chip.size;
  if (start + length <= chip.size) return chip.read(start, length);
  const out = new Uint8Array(length);
  const first = chip.size - start;
  out.set(chip.read(start, first), 0);
  out.set(chip.read(0, length - first), first);
  return out;
}

/** Program bytes from `address` a page at a time, wrapping past the end of the chip. */
export function writeCircular(chip: NorFlash, address: number, bytes: Uint8Array): void {
  const { pageSize } = chip.geometry;
  let offset = 0;
  let at = address % chip.size;
  while (offset < bytes.length) {
    const room = pageSize - (at % pageSize);
    const n = Math.min(room, bytes.length - offset);
    chip.program(at, bytes.subarray(offset, offset + n));
    offset += n;
    at = (at + n) % chip.size;
  }
}

