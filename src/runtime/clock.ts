/** Deck frame rate: one tick is one frame. */
export const DEFAULT_TICK_MS = 1000 / 30;
/** 2077-01-01T00:00:00Z: the deck's default epoch, so virtual dates never look like real ones. */
export const DEFAULT_EPOCH_MS = Date.UTC(2077, 0, 1);

export interface ClockConfig {
  readonly tickMs: number;
  readonly epochMs: number;
}

export const defaultClock: ClockConfig = { tickMs: DEFAULT_TICK_MS, epochMs: DEFAULT_EPOCH_MS };

/** Deck wall-clock time of a tick: epoch + ticks × tick length. */
export function virtualTimeMs(clock: ClockConfig, tick: number): number {
  return clock.epochMs + Math.round(tick * clock.tickMs);
}

/** The first tick at or after a deck wall-clock time. */
export function tickAt(clock: ClockConfig, timeMs: number): number {
  return Math.max(0, Math.ceil((timeMs - clock.epochMs) / clock.tickMs));
}
