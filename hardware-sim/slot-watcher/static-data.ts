import { crc32 } from 'node:zlib';

/**
 * A cartridge's static-data block, as its ROM holds it: magic "NCRT", a u16
 * format version, a u16 name length, the cart's kebab-case name, a u32 text
 * length, its registration forms (Lisp, UTF-8), and a CRC-32 over all of that.
 * The slot watcher reads and checks it on every settled insertion.
 */
const MAGIC = 0x5452434e;
const VERSION = 1;
const MAX_TEXT = 256 * 1024;

export interface StaticData {
  readonly cart: string;
  readonly registration: string;
}

export class StaticDataError extends Error {
  override readonly name = 'StaticDataError';
}

export function encodeStaticData(d: StaticData): Uint8Array {
  const name = new TextEncoder().encode(d.cart);
  const text = new TextEncoder().encode(d.registration);
  if (text.length > MAX_TEXT) throw new StaticDataError(`static data of ${d.cart} is ${text.length} bytes; a cart holds at most ${MAX_TEXT}`);
  const out = new Uint8Array(4 + 2 + 2 + name.length + 4 + text.length + 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint16(4, VERSION, true);
  view.setUint16(6, name.length, true);
  out.set(name, 8);
  view.setUint32(8 + name.length, text.length, true);
  out.set(text, 12 + name.length);
  view.setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
  return out;
}

/** Read a cart's block; anything wrong is a StaticDataError saying what. */
export function decodeStaticData(bytes: Uint8Array): StaticData {
  if (bytes.length < 16) throw new StaticDataError(`static data block is ${bytes.length} bytes, too short to hold a header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (view.getUint32(0, true) !== MAGIC) throw new StaticDataError('static data block does not start with "NCRT": not a nOSh cartridge');
  if (view.getUint32(bytes.length - 4, true) !== crc32(bytes.subarray(0, bytes.length - 4))) throw new StaticDataError('static data block fails its CRC (dirty contacts or a damaged ROM)');
  const version = view.getUint16(4, true);
  if (version !== VERSION) throw new StaticDataError(`static data format ${version}; this deck reads format ${VERSION}`);
  const nameLength = view.getUint16(6, true);
  const textLength = view.getUint32(8 + nameLength, true);
  if (12 + nameLength + textLength + 4 !== bytes.length) throw new StaticDataError('static data block lengths do not add up');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return {
    cart: decoder.decode(bytes.subarray(8, 8 + nameLength)),
    registration: decoder.decode(bytes.subarray(12 + nameLength, 12 + nameLength + textLength)),
  };
}
