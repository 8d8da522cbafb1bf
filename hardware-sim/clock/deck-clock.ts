import { type ClockConfig, DEFAULT_EPOCH_MS, DEFAULT_TICK_MS } from '../../src/runtime/clock.js';

/**
 * The deck's clock: ticks are display frames (30 Hz by default) and each tick
 * is a fixed number of processor cycles, which is what hardware operations
 * (flash programs and erases, bus transfers, contact debouncing) cost.
 */
export interface DeckClock extends ClockConfig {
  readonly cyclesPerTick: number;
}

export const DEFAULT_CYCLES_PER_TICK = 1_000_000;

export const defaultDeckClock: DeckClock = { tickMs: DEFAULT_TICK_MS, epochMs: DEFAULT_EPOCH_MS, cyclesPerTick: DEFAULT_CYCLES_PER_TICK };

export function checkDeckClock(c: DeckClock): DeckClock {
  if (!(c.tickMs > 0 && Number.isFinite(c.tickMs))) throw new RangeError(`tick length must be a positive number of ms, got ${c.tickMs}`);
  if (!Number.isSafeInteger(c.cyclesPerTick) || c.cyclesPerTick < 1) throw new RangeError(`cycles per tick must be a positive integer, got ${c.cyclesPerTick}`);
  return c;
}

/** Whole ticks an operation of `cycles` occupies (at least one: results are seen next frame at the earliest). */
export function ticksForCycles(clock: DeckClock, cycles: number): number {
  return Math.max(1, Math.ceil(cycles / clock.cyclesPerTick));
}

/** Ticks in a span of deck time: how far the clock jumps over a power-off of `ms`. */
export function ticksForMs(clock: ClockConfig, ms: number): number {
  return Math.max(0, Math.round(ms / clock.tickMs));
}
