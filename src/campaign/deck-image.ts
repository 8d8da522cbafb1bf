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
    return { path, exists: true, uds: state === null ? null : decode(path, state, report), report, warnings: opened.warnings };
  } finally {
    opened.chip.close();
  }
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
