import { crc32 } from 'node:zlib';

/**
 * Header of one committed record in the flash log (little-endian):
 *   0  u32 magic 'NOSH'    4 u16 version   6 u16 header size
 *   8  u32 sequence       12 u32 payload length
 *  16  u32 payload CRC-32 20 u64 reserved (0)
 *  28  u32 header CRC-32 over bytes 0..27
 * A record is the header followed by its payload, starting on a page boundary.
 */
export const RECORD_MAGIC = 0x4e4f5348;
export const RECORD_VERSION = 1;
export const HEADER_SIZE = 32;
export const MAX_SEQUENCE = 0xffff_fffe;

export interface RecordHeader {
  readonly seq: number;
  readonly length: number;
  readonly payloadCrc: number;
}

export function encodeHeader(h: RecordHeader): Uint8Array {
  const bytes = new Uint8Array(HEADER_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, RECORD_MAGIC, true);
  view.setUint16(4, RECORD_VERSION, true);
  view.setUint16(6, HEADER_SIZE, true);
  view.setUint32(8, h.seq, true);
  view.setUint32(12, h.length, true);
  view.setUint32(16, h.payloadCrc, true);
  view.setUint32(28, crc32(bytes.subarray(0, 28)), true);
  return bytes;
}

/** The header at the start of `bytes`, or null when there is none (erased, torn, or not a header). */
export function decodeHeader(bytes: Uint8Array): RecordHeader | null {
  if (bytes.length < HEADER_SIZE) return null;
  // Most pages are not headers: reject on the magic's first byte before building a view.
  if (bytes[0] !== (RECORD_MAGIC & 0xff)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_SIZE);
  if (view.getUint32(0, true) !== RECORD_MAGIC) return null;
  if (view.getUint32(28, true) !== crc32(bytes.subarray(0, 28))) return null;
  if (view.getUint16(4, true) !== RECORD_VERSION || view.getUint16(6, true) !== HEADER_SIZE) return null;
  return { seq: view.getUint32(8, true), length: view.getUint32(12, true), payloadCrc: view.getUint32(16, true) };
}

/**
 * Bits of a header's fixed prefix (magic, version, header size: 8 bytes) that
 * may differ for a page still to be taken as a header, damaged. Erased pages
 * are 47 bits away, zeroed ones 17, random bytes ~32: 8 tolerates real bit rot
 * while a page of ordinary data passes for one about once in 3·10⁹.
 */
export const MAX_PREFIX_DAMAGE_BITS = 8;
const PREFIX = encodeHeader({ seq: 0, length: 0, payloadCrc: 0 }).slice(0, 8);

/** A page that starts with a header: intact, or damaged (fails its CRC) with the fields as they read now. */
export type ScannedHeader = { readonly intact: true; readonly header: RecordHeader } | { readonly intact: false; readonly seq: number; readonly length: number };

/**
 * What the page at the start of `bytes` holds: an intact header, a header
 * that fails its CRC (its magic and version still nearly whole: a record hit
 * by bit rot or torn while its header was programmed), or null (no header).
 * A header whose CRC passes but whose version this code does not read is not
 * damage, and not ours: null.
 */
export function scanHeader(bytes: Uint8Array): ScannedHeader | null {
  if (bytes.length < HEADER_SIZE) return null;
  let distance = 0;
  for (let i = 0; i < PREFIX.length && distance <= MAX_PREFIX_DAMAGE_BITS; i++) distance += popcount8((bytes[i] as number) ^ (PREFIX[i] as number));
  if (distance > MAX_PREFIX_DAMAGE_BITS) return null;
  const header = decodeHeader(bytes);
  if (header) return { intact: true, header };
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_SIZE);
  if (view.getUint32(28, true) === crc32(bytes.subarray(0, 28))) return null;
  return { intact: false, seq: view.getUint32(8, true), length: view.getUint32(12, true) };
}

function popcount8(x: number): number {
  let n = 0;
  for (let b = x; b !== 0; b &= b - 1) n++;
  return n;
}

export function payloadCrc(payload: Uint8Array): number {
  return crc32(payload);
}
