import { crc32 } from 'node:zlib';
import { PhaseChainError } from './errors.js';
import { MAX_GOALS_PER_PHASE, MAX_PHASES, MAX_SEED, PHASE_CHAIN_BYTES, PHASE_CHAIN_HEADER_BYTES, PHASE_RECORD_BYTES } from './limits.js';
import { at } from '../assert.js';

/**
 * The 256-byte phase chain (seed 003 §8, UDS `phase_chain`): what of a
 * mission survives a power cycle or a Hot Swap. Layout in docs/phase-chain.md:
 *
 *   0  magic "NOPC"          4   version (1)      5  phase count (1..16)
 *   6  active phase (0-based) 7  flags (bits 0-1: resolution; the rest zero)
 *   8  seed, u64 big-endian (a safe integer)      16 fingerprint, u32 BE
 *   20 CRC-32, u32 BE, over all 256 bytes with this field zero
 *   24 16 phase records of 14 bytes: goal count, status, 12-byte bitmask
 *   248 8 reserved bytes, zero
 *
 * Decoding checks everything and rejects with a PhaseChainError saying what
 * is wrong: a chain is trusted whole or not at all, never half-read into a
 * wrong mission. The CRC-32 catches every single-bit flip (and every burst of
 * up to 32 bits); the structural checks catch a chain a buggy encoder wrote.
 */
export interface PhaseRecord {
  /** Goals in the phase, 0..96: the bitmask's meaningful bits. */
  readonly goalCount: number;
  /** Slots (bit positions) of the goals that are :done, ascending. */
  readonly done: readonly number[];
}

export const RESOLUTIONS = ['running', 'success', 'failure', 'abandoned'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export interface PhaseChain {
  readonly seed: number;
  /** CRC-32 of the instance's goal layout (schema name and each phase's goal names): which mission this chain belongs to. */
  readonly fingerprint: number;
  /** 0-based. */
  readonly activePhase: number;
  readonly resolution: Resolution;
  readonly phases: readonly PhaseRecord[];
}

export const PHASE_CHAIN_MAGIC = 'NOPC';
export const PHASE_CHAIN_VERSION = 1;
const CRC_OFFSET = 20;
const RESERVED_OFFSET = PHASE_CHAIN_HEADER_BYTES + MAX_PHASES * PHASE_RECORD_BYTES;
const STATUS = ['pending', 'active', 'passed'] as const;

export function encodePhaseChain(chain: PhaseChain): Uint8Array {
  checkChain(chain);
  const out = new Uint8Array(PHASE_CHAIN_BYTES);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = PHASE_CHAIN_MAGIC.charCodeAt(i);
  out[4] = PHASE_CHAIN_VERSION;
  out[5] = chain.phases.length;
  out[6] = chain.activePhase;
  out[7] = RESOLUTIONS.indexOf(chain.resolution);
  view.setUint32(8, Math.floor(chain.seed / 2 ** 32));
  view.setUint32(12, chain.seed % 2 ** 32);
  view.setUint32(16, chain.fingerprint);
  chain.phases.forEach((record, p) => {
    const at = PHASE_CHAIN_HEADER_BYTES + p * PHASE_RECORD_BYTES;
    out[at] = record.goalCount;
    out[at + 1] = p < chain.activePhase ? 2 : p === chain.activePhase ? 1 : 0;
    for (const slot of record.done) {
      const byte = at + 2 + (slot >> 3);
      out[byte] = (out[byte] as number) | (1 << (slot & 7));
    }
  });
  view.setUint32(CRC_OFFSET, crc32(out));
  return out;
}

export function decodePhaseChain(bytes: Uint8Array): PhaseChain {
  if (!(bytes instanceof Uint8Array)) throw new PhaseChainError(`expected bytes, got ${typeof bytes}`);
  if (bytes.length !== PHASE_CHAIN_BYTES) {
    throw new PhaseChainError(`${bytes.length} bytes; a phase chain is exactly ${PHASE_CHAIN_BYTES} (${bytes.length < PHASE_CHAIN_BYTES ? 'truncated' : 'trailing bytes'})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== PHASE_CHAIN_MAGIC) throw new PhaseChainError(`bad magic ${JSON.stringify(magic)}, expected "${PHASE_CHAIN_MAGIC}": not a phase chain`);
  if (bytes[4] !== PHASE_CHAIN_VERSION) throw new PhaseChainError(`unsupported version ${String(bytes[4])} (this build reads version ${PHASE_CHAIN_VERSION})`);
  const stored = view.getUint32(CRC_OFFSET);
  // new Uint8Array copies; a Buffer's slice() would be a view, and zeroing it would corrupt the caller's chain.
  const zeroed = new Uint8Array(bytes);
  zeroed.fill(0, CRC_OFFSET, CRC_OFFSET + 4);
  const computed = crc32(zeroed);
  if (stored !== computed) throw new PhaseChainError(`CRC-32 mismatch (stored ${hex(stored)}, computed ${hex(computed)}): the chain is corrupt`);

  const count = bytes[5] as number;
  if (count < 1 || count > MAX_PHASES) throw new PhaseChainError(`phase count ${count} is outside 1..${MAX_PHASES}`);
  const activePhase = bytes[6] as number;
  if (activePhase >= count) throw new PhaseChainError(`active phase ${activePhase} is outside the ${count} phases`);
  const flags = bytes[7] as number;
  if (flags > 3) throw new PhaseChainError(`flags byte ${hex(flags, 2)} has reserved bits set`);
  const hi = view.getUint32(8);
  if (hi >= 2 ** 21) throw new PhaseChainError(`seed is past ${MAX_SEED} (high word ${hex(hi)})`);
  const seed = hi * 2 ** 32 + view.getUint32(12);

  const phases: PhaseRecord[] = [];
  for (let p = 0; p < MAX_PHASES; p++) {
    const at = PHASE_CHAIN_HEADER_BYTES + p * PHASE_RECORD_BYTES;
    const record = bytes.subarray(at, at + PHASE_RECORD_BYTES);
    if (p >= count) {
      if (record.some((b) => b !== 0)) throw new PhaseChainError(`phase record ${p + 1} is past the phase count ${count} but not zero`);
      continue;
    }
    const goalCount = record[0] as number;
    if (goalCount > MAX_GOALS_PER_PHASE) throw new PhaseChainError(`phase ${p + 1} claims ${goalCount} goals; a record holds ${MAX_GOALS_PER_PHASE}`);
    const status = record[1] as number;
    const want = p < activePhase ? 2 : p === activePhase ? 1 : 0;
    if (status !== want) throw new PhaseChainError(`phase ${p + 1} is marked ${STATUS[status] ?? `status ${status}`}, but with phase ${activePhase + 1} active it must be ${STATUS[want]}`);
    const done: number[] = [];
    for (let slot = 0; slot < MAX_GOALS_PER_PHASE; slot++) {
      if (((record[2 + (slot >> 3)] as number) & (1 << (slot & 7))) === 0) continue;
      if (slot >= goalCount) throw new PhaseChainError(`phase ${p + 1} marks goal ${slot} done, past its ${goalCount} goals`);
      done.push(slot);
    }
    phases.push({ goalCount, done });
  }
  if (bytes.subarray(RESERVED_OFFSET).some((b) => b !== 0)) throw new PhaseChainError('reserved bytes 248..255 are not zero');
  return { seed, fingerprint: view.getUint32(16), activePhase, resolution: at(RESOLUTIONS, flags), phases };
}

/** Refuse to encode what could not be decoded: the encoder's own positive space. */
function checkChain(chain: PhaseChain): void {
  const n = chain.phases.length;
  if (n < 1 || n > MAX_PHASES) throw new RangeError(`a phase chain holds 1..${MAX_PHASES} phases, got ${n}`);
  if (!Number.isInteger(chain.activePhase) || chain.activePhase < 0 || chain.activePhase >= n) throw new RangeError(`active phase ${chain.activePhase} is outside 0..${n - 1}`);
  if (!Number.isSafeInteger(chain.seed) || chain.seed < 0) throw new RangeError(`seed must be a safe non-negative integer, got ${chain.seed}`);
  if (!Number.isInteger(chain.fingerprint) || chain.fingerprint < 0 || chain.fingerprint > 0xffffffff) throw new RangeError(`fingerprint must be a u32, got ${chain.fingerprint}`);
  if (!RESOLUTIONS.includes(chain.resolution)) throw new RangeError(`unknown resolution ${String(chain.resolution)}`);
  chain.phases.forEach((r, p) => {
    if (!Number.isInteger(r.goalCount) || r.goalCount < 0 || r.goalCount > MAX_GOALS_PER_PHASE) throw new RangeError(`phase ${p + 1} has ${r.goalCount} goals; the limit is ${MAX_GOALS_PER_PHASE}`);
    let last = -1;
    for (const slot of r.done) {
      if (!Number.isInteger(slot) || slot <= last || slot >= r.goalCount) throw new RangeError(`phase ${p + 1}: done slots must be ascending and below ${r.goalCount}, got ${r.done.join(',')}`);
      last = slot;
    }
  });
}

function hex(n: number, digits = 8): string {
  return `0x${n.toString(16).padStart(digits, '0')}`;
}

/** Which mission a chain belongs to: the schema and each phase's goals, in bit order. */
export function layoutFingerprint(schema: string, phases: readonly (readonly string[])[]): number {
  return crc32(`${schema}\n${phases.map((goals) => goals.join(',')).join('\n')}`);
}
