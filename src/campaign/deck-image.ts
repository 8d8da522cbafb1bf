import { existsSync } from 'node:fs';
import { CorruptImageError } from '../../hardware-sim/flash/errors.js';
import { openFlashImage } from '../../hardware-sim/flash/image-file.js';
import { type MountReport, LogStore } from '../../hardware-sim/flash/log-store.js';
import { UdsDecodeError, decodeUds } from '../deck/uds-codec.js';
import type { Uds } from '../deck/uds.js';
import { contractLabel } from '../mission-control/format.js';
import { PhaseChainError } from '../objectives/errors.js';
import { decodePhaseChain } from '../objectives/phase-chain.js';

/** A flash image this run cannot use. The image is never modified when this is thrown. */
export class DeckImageError extends Error {
  override readonly name = 'DeckImageError';
}

/** What a deck image holds before the run boots from it. */
export interface DeckOnImage {
  readonly path: string;
  /** False: the file does not exist yet and the run will create a blank chip there. */
  readonly exists: boolean;
  /** The deck state the boot will find (null: a blank chip, a new deck). */
  readonly uds: Uds | null;
  readonly report: MountReport | null;
  readonly warnings: readonly string[];
}

const REFUSAL = 'nothing was changed; move the image aside to start a new deck on that path';
/** Dropped records a refusal names one by one; the rest are counted. */
const MAX_LISTED = 8;

/**
 * Look at a flash image the way the deck's boot will, without writing to it:
 * the run needs the saved deck time to continue the campaign's timeline, and
 * an image it cannot boot from must be refused before any actor touches it.
 */
export function readDeckImage(path: string): DeckOnImage {
  if (!existsSync(path)) return { path, exists: false, uds: null, report: null, warnings: [] };
  const opened = open(path);
  try {
    const { state, report } = LogStore.mount(opened.chip);
    const unbootable = noIntactRecord(path, report);
    if (unbootable !== null) throw new DeckImageError(`${unbootable}; ${REFUSAL}`);
    return { path, exists: true, uds: state === null ? null : decode(path, state, report), report, warnings: opened.warnings };
  } finally {
    opened.chip.close();
  }
}

/**
 * Why an image cannot be booted from although it has records: every header
 * on it belongs to a record that fails its checks. Booting a new deck there
 * would overwrite what may be the user's only copy of a campaign; a blank
 * chip (no headers at all) is a new deck. Null when the image is bootable as
 * far as the flash goes. Names the first `listed` records and why each failed.
 */
export function noIntactRecord(path: string, report: MountReport, listed = MAX_LISTED): string | null {
  if (report.recoveredSeq !== null || report.dropped.length === 0) return null;
  const n = report.dropped.length;
  const named = report.dropped.slice(0, listed).map((d) => `commit #${d.seq} at 0x${d.address.toString(16).padStart(6, '0')}: ${d.reason}`);
  const more = n > listed && listed > 0 ? `; and ${n - listed} more` : '';
  return `${path}: ${n} record${n === 1 ? '' : 's'} on the flash and none passes its checks${named.length > 0 ? ` (${named.join('; ')}${more})` : ''}`;
}

function open(path: string): ReturnType<typeof openFlashImage> {
  try {
    return openFlashImage(path, undefined, { create: false });
  } catch (err) {
    if (err instanceof CorruptImageError) throw new DeckImageError(`${err.message}; ${REFUSAL}`);
    throw new DeckImageError(`${path}: cannot open the flash image: ${(err as Error).message}`);
  }
}

function decode(path: string, bytes: Uint8Array, report: MountReport): Uds {
  const where = `${path}: commit #${report.recoveredSeq} passes its flash CRC but`;
  let uds: Uds;
  try {
    uds = decodeUds(bytes);
  } catch (err) {
    if (!(err instanceof UdsDecodeError)) throw err;
    throw new DeckImageError(`${where} is not a deck state this nosh can boot (${err.message} at byte ${err.offset}); ${REFUSAL}`);
  }
  if (uds.active !== null) {
    try {
      decodePhaseChain(uds.phaseChain);
    } catch (err) {
      if (!(err instanceof PhaseChainError)) throw err;
      throw new DeckImageError(`${where} its running mission (${contractLabel(uds.active.entry.id)}, :${uds.active.entry.schema}) cannot be restored: ${err.message}; ${REFUSAL}`);
    }
  }
  return uds;
}
