import { FlashError } from './errors.js';
import { DEFAULT_GEOMETRY, type FlashGeometry, checkGeometry, flashBytes } from './geometry.js';
import { NorFlash } from './nor-flash.js';

/**
 * A chip's cells held in a SharedArrayBuffer, so the chip outlives its
 * controller: the `flash` actor can crash and be restarted (on a fresh worker
 * thread, even) and re-mount exactly what the chip holds, as a real deck's
 * flash keeps its contents when the firmware driving it resets.
 *
 * Layout, all native-endian views of one buffer:
 *   0                 u32 erase count per block  (4 × blockCount bytes)
 *   4 × blockCount    the chip's bytes           (blockSize × blockCount)
 *   … then            u8 defect flag per block   (blockCount bytes)
 * Counters come first so their view is 4-byte aligned whatever the chip size.
 */
export function chipMemoryBytes(geometry: FlashGeometry = DEFAULT_GEOMETRY): number {
  const g = checkGeometry(geometry);
  return 4 * g.blockCount + flashBytes(g) + g.blockCount;
}

/** An erased chip (every byte 0xFF, every counter 0, no defects) in shared memory. */
export function newChipMemory(geometry: FlashGeometry = DEFAULT_GEOMETRY): SharedArrayBuffer {
  const memory = new SharedArrayBuffer(chipMemoryBytes(geometry));
  views(memory, geometry).data.fill(0xff);
  return memory;
}

/** The chip whose cells live in `memory` (made by `newChipMemory` with the same geometry). */
export function chipOnMemory(memory: SharedArrayBuffer, geometry: FlashGeometry = DEFAULT_GEOMETRY): NorFlash {
  const expected = chipMemoryBytes(geometry);
  if (memory.byteLength !== expected) {
    throw new FlashError(`chip memory is ${memory.byteLength} bytes; a ${geometry.blockCount} × ${geometry.blockSize} B chip needs ${expected} (make it with newChipMemory)`);
  }
  return new NorFlash(geometry, views(memory, geometry));
}

function views(memory: SharedArrayBuffer, g: FlashGeometry): { eraseCounts: Uint32Array; data: Uint8Array; defects: Uint8Array } {
  const countBytes = 4 * g.blockCount;
  const size = flashBytes(g);
  return {
    eraseCounts: new Uint32Array(memory, 0, g.blockCount),
    data: new Uint8Array(memory, countBytes, size),
    defects: new Uint8Array(memory, countBytes + size, g.blockCount),
  };
}
