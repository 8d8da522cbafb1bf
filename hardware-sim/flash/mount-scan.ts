import { isErasedRange } from './nor-flash.js';
import { HEADER_SIZE, payloadCrc, scanHeader } from './record-header.js';
import { at } from '../../src/assert.js';

/** Where a record sits on the chip. */
export interface Placed {
  readonly seq: number;
  readonly address: number;
  readonly length: number;
}

export interface DroppedRecord {
  /** The record's sequence number (for a damaged header: as it reads now, which may itself be hit). */
  readonly seq: number;
  readonly address: number;
  readonly reason: string;
}

export interface ScanResult {
  readonly current: Placed | null;
  readonly state: Uint8Array | null;
  readonly dropped: readonly DroppedRecord[];
  readonly olderRecords: number;
  /** Highest sequence among intact headers: the next commit goes above it. */
  readonly lastSeq: number;
}

type Candidate = Placed & { readonly crc: number };
type Layout = { readonly pageSize: number; readonly blockSize: number };

/**
 * Read a whole chip image as the log: the newest record whose header and
 * payload both pass their CRCs is the state. Records that fail a check are
 * reported when they are newer than it: an intact header by its sequence, a
 * damaged header (its own sequence field may be what was hit) by where it
 * lies (see `writtenSince`).
 */
export function scanLog(image: Uint8Array, geometry: Layout, maxPayload: number): ScanResult {
  const candidates: Candidate[] = [];
  const headers = new Map<number, { readonly seq: number } | null>();
  for (let address = 0; address < image.length; address += geometry.pageSize) {
    const h = scanHeader(image.subarray(address, address + HEADER_SIZE));
    if (h === null) continue;
    if (!h.intact) headers.set(address, null);
    else if (h.header.length <= maxPayload) {
      candidates.push({ seq: h.header.seq, address, length: h.header.length, crc: h.header.payloadCrc });
      headers.set(address, { seq: h.header.seq });
    }
  }
  candidates.sort((a, b) => b.seq - a.seq || a.address - b.address);
  let current: Placed | null = null;
  let state: Uint8Array | null = null;
  const dropped: DroppedRecord[] = [];
  let i = 0;
  for (; i < candidates.length && current === null; i++) {
    const c = at(candidates, i);
    const payload = sliceCircular(image, c.address + HEADER_SIZE, c.length);
    if (payloadCrc(payload) === c.crc) {
      current = { seq: c.seq, address: c.address, length: c.length };
      state = payload;
    } else dropped.push({ seq: c.seq, address: c.address, reason: `torn record: payload CRC mismatch over ${c.length} bytes` });
  }
  const damaged = [...headers].filter(([, h]) => h === null).map(([address]) => address);
  const newer = current === null ? new Set(damaged) : writtenSince(image, geometry, maxPayload, current, headers);
  for (const address of damaged) {
    if (!newer.has(address)) continue;
    const seq = new DataView(image.buffer, image.byteOffset + address + 8, 4).getUint32(0, true);
    dropped.push({ seq, address, reason: `torn record: header CRC mismatch (reads as commit #${seq})` });
  }
  dropped.sort((a, b) => b.seq - a.seq || a.address - b.address);
  const lastSeq = candidates.reduce((m, c) => Math.max(m, c.seq), 0);
  return { current, state, dropped, olderRecords: candidates.length - i, lastSeq };
}

/**
 * Damaged headers the log wrote after `current`. It writes forward from the
 * end of the current record, erasing each block just before it enters it, so
 * walking the ring forward from there everything is newer until the walk
 * meets older history: an older intact header, or a wholly erased block (the
 * log has not been there since). Within one block records lie in the order
 * they were written, so a damaged header is older too when an older intact
 * header follows it in its block, or sits where its record (by the length it
 * reads) ends.
 */
function writtenSince(image: Uint8Array, g: Layout, maxPayload: number, current: Placed, headers: ReadonlyMap<number, { readonly seq: number } | null>): Set<number> {
  const size = image.length;
  const alignUp = (x: number): number => Math.ceil(x / g.pageSize) * g.pageSize;
  const older = (address: number): boolean => {
    const h = headers.get(address % size);
    return h !== undefined && h !== null && h.seq < current.seq;
  };
  const newer = new Set<number>();
  let pending: number[] = [];
  const start = alignUp(current.address + HEADER_SIZE + current.length);
  for (let step = 0; step < size / g.pageSize; step++) {
    const address = (start + step * g.pageSize) % size;
    if (address === current.address) break;
    if (address % g.blockSize === 0) {
      for (const p of pending) newer.add(p);
      pending = [];
      if (isErasedRange(image, address, g.blockSize)) break;
    }
    if (older(address)) return newer;
    if (headers.get(address) !== null) continue;
    const length = new DataView(image.buffer, image.byteOffset + address + 12, 4).getUint32(0, true);
    const next = alignUp(address + HEADER_SIZE + length);
    // Where its record ends, mid-block, an older header: written before the current record.
    if (length <= maxPayload && next % g.blockSize !== 0 && older(next)) return newer;
    pending.push(address);
  }
  for (const p of pending) newer.add(p);
  return newer;
}

export function sliceCircular(image: Uint8Array, address: number, length: number): Uint8Array {
  const start = address % image.length;
  if (start + length <= image.length) return image.slice(start, start + length);
  const out = new Uint8Array(length);
  out.set(image.subarray(start), 0);
  out.set(image.subarray(0, length - (image.length - start)), image.length - start);
  return out;
}
