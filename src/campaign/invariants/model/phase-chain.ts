import { crc32 } from 'node:zlib';

/**
 * The 256-byte phase chain read from its documented layout
 * (docs/phase-chain.md, seed 003 §8), not by the deck's codec: magic "NOPC",
 * version 1, phase count, active phase, resolution flags, seed, fingerprint,
 * a CRC-32 over all 256 bytes with its own field zero, then one 14-byte
 * record per phase (goal count, status, a 96-bit completion bitmask).
 */
export interface ReadChain {
  readonly activePhase: number;
  readonly resolution: number;
  /** Per phase, the slots of the done goals. */
  readonly done: readonly (readonly number[])[];
  readonly goalCounts: readonly number[];
}

const BYTES = 256;
const HEADER = 24;
const RECORD = 14;
const RECORDS = 16;

/** The chain, or what is wrong with it. */
export function readChain(bytes: Uint8Array): ReadChain | string {
  if (bytes.length !== BYTES) return `${bytes.length} bytes, not ${BYTES}`;
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'NOPC') return 'no NOPC magic';
  if (bytes[4] !== 1) return `version ${bytes[4]}`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, BYTES);
  const zeroed = Uint8Array.from(bytes);
  zeroed.fill(0, 20, 24);
  if (view.getUint32(20) !== crc32(zeroed)) return 'its CRC-32 does not match';
  const count = bytes[5] as number;
  const active = bytes[6] as number;
  if (count < 1 || count > RECORDS || active >= count) return `phase count ${count}, active phase ${active}`;
  if ((bytes[7] as number) > 3) return 'reserved flag bits set';
  const done: number[][] = [];
  const goalCounts: number[] = [];
  for (let p = 0; p < count; p++) {
    const at = HEADER + p * RECORD;
    const goals = bytes[at] as number;
    const status = bytes[at + 1] as number;
    if (status !== (p < active ? 2 : p === active ? 1 : 0)) return `phase ${p + 1} has status ${status} with phase ${active + 1} active`;
    const slots: number[] = [];
    for (let slot = 0; slot < 96; slot++) {
      if (((bytes[at + 2 + (slot >> 3)] as number) & (1 << (slot & 7))) === 0) continue;
      if (slot >= goals) return `phase ${p + 1} marks goal ${slot} done, past its ${goals} goals`;
      slots.push(slot);
    }
    done.push(slots);
    goalCounts.push(goals);
  }
  return { activePhase: active, resolution: bytes[7] as number, done, goalCounts };
}
