import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { CorruptImageError } from './errors.js';
import { DEFAULT_GEOMETRY, type FlashGeometry, checkGeometry, flashBytes } from './geometry.js';
import { type FlashBacking, NorFlash } from './nor-flash.js';

/**
 * A flash image file:
 *   0  "NOSHFLSH"   8 u16 version   10 u16 header size (64)
 *  12  u32 page size   16 u32 block size   20 u32 block count   24 u32 endurance
 *  28  reserved (0) … 60 u32 CRC-32 of bytes 0..59
 *  64  per block: u32 erase count, u32 its bitwise complement (self-checking)
 *  then the chip's bytes.
 * Every program and erase is written through, so the file is the chip.
 */
const MAGIC = 'NOSHFLSH';
const VERSION = 1;
const HEADER = 64;
const COUNT_ENTRY = 8;

export interface OpenedImage {
  readonly chip: NorFlash;
  readonly created: boolean;
  /** Damage found and worked around (erase counters), for the user to see. */
  readonly warnings: readonly string[];
}

/**
 * Open `path` as a flash chip, creating a blank one if the file does not exist
 * (unless `create` is false). A damaged header is refused, never replaced.
 */
export function openFlashImage(path: string, geometry: FlashGeometry = DEFAULT_GEOMETRY, options: { create?: boolean } = {}): OpenedImage {
  if (!existsSync(path)) {
    if (options.create === false) throw new CorruptImageError(`${path}: no such flash image`);
    return { chip: createImage(path, checkGeometry(geometry)), created: true, warnings: [] };
  }
  const fd = openSync(path, 'r+');
  try {
    return { ...loadImage(path, fd), created: false };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

function createImage(path: string, g: FlashGeometry): NorFlash {
  const fd = openSync(path, 'wx');
  const header = encodeImageHeader(g);
  const counts = new Uint8Array(g.blockCount * COUNT_ENTRY);
  const view = new DataView(counts.buffer);
  for (let b = 0; b < g.blockCount; b++) view.setUint32(b * COUNT_ENTRY + 4, 0xffff_ffff, true);
  const data = new Uint8Array(flashBytes(g)).fill(0xff);
  writeSync(fd, header, 0, header.length, 0);
  writeSync(fd, counts, 0, counts.length, HEADER);
  writeSync(fd, data, 0, data.length, HEADER + counts.length);
  fsyncSync(fd);
  return new NorFlash(g, { data, backing: new FileBacking(fd, g) });
}

function loadImage(path: string, fd: number): Omit<OpenedImage, 'created'> {
  const header = new Uint8Array(HEADER);
  const got = readSync(fd, header, 0, HEADER, 0);
  const g = decodeImageHeader(path, header, got);
  const expected = HEADER + g.blockCount * COUNT_ENTRY + flashBytes(g);
  const size = fstatSync(fd).size;
  if (size !== expected) throw new CorruptImageError(`${path}: image is ${size} bytes, its header says ${expected} (truncated or padded)`);
  const counts = new Uint8Array(g.blockCount * COUNT_ENTRY);
  readSync(fd, counts, 0, counts.length, HEADER);
  const data = new Uint8Array(flashBytes(g));
  readSync(fd, data, 0, data.length, HEADER + counts.length);
  const { eraseCounts, warnings } = decodeCounts(path, counts, g.blockCount);
  return { chip: new NorFlash(g, { data, eraseCounts, backing: new FileBacking(fd, g) }), warnings };
}

export function encodeImageHeader(g: FlashGeometry): Uint8Array {
  const bytes = new Uint8Array(HEADER);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint16(8, VERSION, true);
  view.setUint16(10, HEADER, true);
  view.setUint32(12, g.pageSize, true);
  view.setUint32(16, g.blockSize, true);
  view.setUint32(20, g.blockCount, true);
  view.setUint32(24, g.endurance, true);
  view.setUint32(60, crc32(bytes.subarray(0, 60)), true);
  return bytes;
}

function decodeImageHeader(path: string, bytes: Uint8Array, length: number): FlashGeometry {
  const magic = new TextDecoder().decode(bytes.subarray(0, Math.min(8, length)));
  if (magic !== MAGIC) throw new CorruptImageError(`${path}: not a nosh flash image (starts ${JSON.stringify(magic)}, expected "${MAGIC}")`);
  if (length < HEADER) throw new CorruptImageError(`${path}: too short to be a flash image (${length} bytes, the header alone is ${HEADER})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
  if (view.getUint32(60, true) !== crc32(bytes.subarray(0, 60))) throw new CorruptImageError(`${path}: image header fails its CRC (bytes 0..59 damaged)`);
  const version = view.getUint16(8, true);
  if (version !== VERSION) throw new CorruptImageError(`${path}: image version ${version}; this nosh reads version ${VERSION}`);
  const g = { pageSize: view.getUint32(12, true), blockSize: view.getUint32(16, true), blockCount: view.getUint32(20, true), endurance: view.getUint32(24, true) };
  try {
    return checkGeometry(g);
  } catch (err) {
    throw new CorruptImageError(`${path}: image header describes an impossible chip: ${(err as Error).message}`);
  }
}

/** Each counter is stored with its complement; a damaged one is replaced by the highest intact count (wear is never under-reported). */
function decodeCounts(path: string, bytes: Uint8Array, blocks: number): { eraseCounts: Uint32Array; warnings: string[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const eraseCounts = new Uint32Array(blocks);
  const damaged: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const count = view.getUint32(b * COUNT_ENTRY, true);
    if ((~count >>> 0) === view.getUint32(b * COUNT_ENTRY + 4, true)) eraseCounts[b] = count;
    else damaged.push(b);
  }
  const highest = eraseCounts.reduce((m, c) => Math.max(m, c), 0);
  for (const b of damaged) eraseCounts[b] = highest;
  const warnings = damaged.length === 0 ? [] : [`${path}: erase counters of block(s) ${damaged.join(', ')} were damaged; assumed ${highest} (the highest intact count)`];
  return { eraseCounts, warnings };
}

class FileBacking implements FlashBacking {
  private readonly dataStart: number;
  private readonly entry = new Uint8Array(COUNT_ENTRY);
  private closed = false;

  constructor(
    private readonly fd: number,
    geometry: FlashGeometry,
  ) {
    this.dataStart = HEADER + geometry.blockCount * COUNT_ENTRY;
  }

  writeData(offset: number, bytes: Uint8Array): void {
    writeSync(this.fd, bytes, 0, bytes.length, this.dataStart + offset);
  }

  writeEraseCount(block: number, count: number): void {
    const view = new DataView(this.entry.buffer);
    view.setUint32(0, count, true);
    view.setUint32(4, ~count >>> 0, true);
    writeSync(this.fd, this.entry, 0, COUNT_ENTRY, HEADER + block * COUNT_ENTRY);
  }

  sync(): void {
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
