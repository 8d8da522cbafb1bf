/**
 * A NOR chip's shape and costs. Defaults model a small SPI NOR part: 4 KiB
 * erase blocks, 256-byte program pages, 100k-cycle endurance.
 */
export interface FlashGeometry {
  readonly pageSize: number;
  readonly blockSize: number;
  readonly blockCount: number;
  /** Erases a block survives; past this it wears out (stuck bits after erase). */
  readonly endurance: number;
}

/** What each operation costs in hardware cycles (the clock steps in cycles). */
export interface FlashCosts {
  readonly readCyclesPerByte: number;
  readonly programCyclesPerPage: number;
  readonly programCyclesPerByte: number;
  readonly eraseCyclesPerBlock: number;
}

export const DEFAULT_GEOMETRY: FlashGeometry = { pageSize: 256, blockSize: 4096, blockCount: 64, endurance: 100_000 };

export const DEFAULT_COSTS: FlashCosts = {
  readCyclesPerByte: 1,
  programCyclesPerPage: 700,
  programCyclesPerByte: 4,
  eraseCyclesPerBlock: 45_000,
};

/** Hard bounds on a simulated chip (TIGER_STYLE): 64 MiB, sane page and block sizes. */
export const MAX_FLASH_BYTES = 64 * 1024 * 1024;

export function checkGeometry(g: FlashGeometry): FlashGeometry {
  const pow2 = (n: number): boolean => Number.isSafeInteger(n) && n > 0 && (n & (n - 1)) === 0;
  if (!pow2(g.pageSize) || g.pageSize < 16) throw new RangeError(`flash pageSize must be a power of two >= 16, got ${g.pageSize}`);
  if (!pow2(g.blockSize) || g.blockSize < g.pageSize) throw new RangeError(`flash blockSize must be a power of two >= pageSize, got ${g.blockSize}`);
  if (!Number.isSafeInteger(g.blockCount) || g.blockCount < 4) throw new RangeError(`flash blockCount must be an integer >= 4, got ${g.blockCount}`);
  if (g.blockSize * g.blockCount > MAX_FLASH_BYTES) throw new RangeError(`flash larger than ${MAX_FLASH_BYTES} bytes`);
  if (!Number.isSafeInteger(g.endurance) || g.endurance < 1) throw new RangeError(`flash endurance must be a positive integer, got ${g.endurance}`);
  return g;
}

export function flashBytes(g: FlashGeometry): number {
  return g.blockSize * g.blockCount;
}
