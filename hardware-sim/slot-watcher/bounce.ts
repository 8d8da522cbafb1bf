import type { Rng } from '../../src/runtime/rng.js';

/**
 * A cartridge's edge contacts chatter for a few milliseconds when it goes in
 * or comes out. `transitions` are the cycle offsets (from the moment of
 * insertion/removal) at which the contact level flips; it ends at `final`.
 */
export interface Bounce {
  readonly transitions: readonly number[];
  readonly final: boolean;
}

export interface DebounceConfig {
  /** The watcher samples the contact this often. */
  readonly sampleEveryCycles: number;
  /** The level must read the same this many samples in a row to count. */
  readonly stableSamples: number;
}

export const DEFAULT_DEBOUNCE: DebounceConfig = { sampleEveryCycles: 1_000, stableSamples: 20 };
/** At most this many flips in one bounce (TIGER_STYLE bound). */
const MAX_FLIPS = 12;

/**
 * Seeded chatter: an even number of flips (so it ends where it should), each
 * gap shorter than the debouncer's window (gaps ≤ 4 samples), so chatter can
 * never pass for a settled level; at most ~1.6 ms at 30 MHz.
 */
export function contactBounce(rng: Rng, final: boolean): Bounce {
  const flips = 2 * rng.range(1, MAX_FLIPS / 2);
  const transitions: number[] = [];
  let at = 0;
  for (let i = 0; i < flips; i++) {
    at += rng.range(200, 4_000);
    transitions.push(at);
  }
  // The contact starts at the opposite level, so an even number of flips plus the first edge lands on `final`.
  return { transitions: [0, ...transitions], final };
}

/**
 * Run the debouncer over the chatter: the first sampling cycle at which the
 * contact has read `final` for `stableSamples` samples in a row.
 */
export function settleCycle(bounce: Bounce, config: DebounceConfig = DEFAULT_DEBOUNCE): number {
  const { sampleEveryCycles: every, stableSamples } = config;
  if (!(every > 0 && stableSamples > 0)) throw new RangeError('debounce needs positive sampling and stability');
  const levelAt = (cycle: number): boolean => {
    // Level before the first edge is the opposite of final; each edge flips it.
    let flips = 0;
    for (const t of bounce.transitions) if (t <= cycle) flips++;
    return flips % 2 === 1 ? bounce.final : !bounce.final;
  };
  let stable = 0;
  const last = bounce.transitions[bounce.transitions.length - 1] ?? 0;
  for (let cycle = 0; cycle <= last + (stableSamples + 1) * every; cycle += every) {
    stable = levelAt(cycle) === bounce.final ? stable + 1 : 0;
    if (stable >= stableSamples) return cycle;
  }
  throw new Error('contact never settled (bounce longer than its bound)');
}
