import { HEADER_SIZE, payloadCrc, scanHeader } from './record-header.js';

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

/**
 * Read a whole chip image as the log: the newest record whose header and
 * payload both pass their CRCs is the state. Records that fail a check are
 * reported when they are newer than it: an intact header by its sequence;
 * a damaged header (its own sequence field may be what was hit) by where it
 * lies, between the recovered record and the oldest history after it in
 * ring order, which is where the log wrote everything newer.
 */
export function scanLog(image: Uint8Array, pageSize: number, maxPayload: number): ScanResult {
  const candidates: Candidate[] = [];
  const damaged: Array<{ seq: number; address: number }> = [];
  for (let address = 0; address < image.length; address += pageSize) {
    const h = scanHeader(image.subarray(address, address + HEADER_SIZE));
    if (h === null) continue;
    if (!h.intact) damaged.push({ seq: h.seq, address });
    else if (h.header.length <= maxPayload) candidates.push({ seq: h.header.seq, address, length: h.header.length, crc: h.header.payloadCrc });
  }
  candidates.sort((a, b) => b.seq - a.seq || a.address - b.address);
  let current: Placed | null = null;
  let state: Uint8Array | null = null;
  const dropped: DroppedRecord[] = [];
  let i = 0;
  for (; i < candidates.length && current === null; i++) {
    const c = candidates[i] as Candidate;
    const payload = sliceCircular(image, c.address + HEADER_SIZE, c.length);
    if (payloadCrc(payload) === c.crc) {
      current = { seq: c.seq, address: c.address, length: c.length };
      state = payload;
    } else dropped.push({ seq: c.seq, address: c.address, reason: `torn record: payload CRC mismatch over ${c.length} bytes` });
  }
  const newer = current === null ? () => true : newerByPlace(image.length, current, candidates.slice(i));
  for (const d of damaged) {
    if (newer(d.address)) dropped.push({ ...d, reason: `torn record: header CRC mismatch (reads as commit #${d.seq})` });
  }
  dropped.sort((a, b) => b.seq - a.seq || a.address - b.address);
  const lastSeq = candidates.reduce((m, c) => Math.max(m, c.seq), 0);
  return { current, state, dropped, olderRecords: candidates.length - i, lastSeq };
}

/** Whether a page lies in the stretch the log wrote after `current`: up to the first older record that follows it in ring order. */
function newerByPlace(size: number, current: Placed, older: readonly Placed[]): (address: number) => boolean {
  const end = (current.address + HEADER_SIZE + current.length) % size;
  const ahead = (address: number): number => (address - end + size) % size;
  const boundary = older.reduce((m, o) => Math.min(m, ahead(o.address)), ahead(current.address));
  return (address) => ahead(address) < boundary;
}

export function sliceCircular(image: Uint8Array, address: number, length: number): Uint8Array {
  const start = address % image.length;
  if (start + length <= image.length) return image.slice(start, start + length);
  const out = new Uint8Array(length);
  out.set(image.subarray(start), 0);
  out.set(image.subarray(0, length - (image.length - start)), image.length - start);
  return out;
}
