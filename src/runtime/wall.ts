/**
 * Real elapsed time, for trace timestamps and latency only; never visible to
 * actor behaviour. hrtime is process-wide, so every worker agrees on it.
 */
export type WallClock = () => number;

export function wallClockFrom(runStartNs: bigint): WallClock {
  return () => Number(process.hrtime.bigint() - runStartNs);
}

/** Stands in for the wall clock where no record shows time: wall time is never hashed, so nothing else changes. */
export const noWallStamps: WallClock = () => 0;

export function nowNs(): bigint {
  return process.hrtime.bigint();
}
