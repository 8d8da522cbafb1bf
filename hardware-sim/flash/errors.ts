/** Something the flash chip or its driver refuses, with the address it concerns. */
export class FlashError extends Error {
  override readonly name: string = 'FlashError';
}

/** Power went away mid-operation: the chip holds whatever the cut left; nothing more happens until power-on. */
export class PowerLossError extends FlashError {
  override readonly name = 'PowerLossError';
}

/** An image file (or a region of the chip) is not what it claims to be. */
export class CorruptImageError extends FlashError {
  override readonly name = 'CorruptImageError';
}

export function hex(n: number): string {
  return `0x${n.toString(16).padStart(6, '0')}`;
}

/** A commit the log store cannot place (no room, too large, sequence exhausted): nothing was written over the current state. */
export class CommitRefusedError extends FlashError {
  override readonly name = 'CommitRefusedError';
}
