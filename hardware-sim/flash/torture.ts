import { type Rng, rngFromSeed } from '../../src/runtime/rng.js';
import { PowerLossError } from './errors.js';
import { DEFAULT_GEOMETRY, type FlashGeometry } from './geometry.js';
import { LogStore } from './log-store.js';
import { NorFlash } from './nor-flash.js';

export interface TortureOptions {
  readonly seed: number;
  readonly saves: number;
  readonly geometry?: FlashGeometry;
  /** Chance, per single-loss point, of a second loss while the deck retries the save after rebooting. */
  readonly doubleLossRate?: number;
  /** Payload for save `i` (defaults to seeded bytes of 64 B to 9 KiB, so records span pages and blocks). */
  readonly makeState?: (i: number, rng: Rng) => Uint8Array;
  /** Called after every reboot with what was recovered; tests use it to check states exactly. */
  readonly onRecovered?: (e: { save: number; lossStep: number; recovered: Uint8Array | null; before: Uint8Array | null; after: Uint8Array }) => void;
}

export interface TortureReport {
  readonly saves: number;
  /** Single power-loss points tried: every program and erase step of every save. */
  readonly lossPoints: number;
  readonly recoveredBefore: number;
  readonly recoveredAfter: number;
  /** Reboots that found something other than the state before or after: must be 0. */
  readonly corrupt: number;
  /** Reboots that found no state at all where one had been committed: must be 0. */
  readonly lost: number;
  readonly doubleLosses: number;
  readonly cycles: number;
}

/**
 * Exhaustive single power loss, like littlefs's power-loss runner: for each
 * of `saves` commits, cut power at every program/erase step of that commit,
 * reboot (remount) and check the state is exactly the one before or after.
 * A seeded sample also loses power again while the deck retries the save
 * after the reboot.
 */
export function tortureFlash(options: TortureOptions): TortureReport {
  const rng = rngFromSeed(`flash-torture:${options.seed}`);
  const chip = new NorFlash(options.geometry ?? DEFAULT_GEOMETRY);
  const makeState = options.makeState ?? defaultState;
  const doubleLossRate = options.doubleLossRate ?? 0.1;
  const tally = { lossPoints: 0, recoveredBefore: 0, recoveredAfter: 0, corrupt: 0, lost: 0, doubleLosses: 0 };
  let before: Uint8Array | null = null;
  for (let save = 0; save < options.saves; save++) {
    const after = makeState(save, rng);
    const snap = chip.snapshot();
    LogStore.mount(chip).store.commit(after);
    const steps = chip.steps - snap.steps;
    for (let lossStep = 0; lossStep < steps; lossStep++) {
      chip.restore(snap);
      const recovered = crashAndReboot(chip, after, lossStep, rng);
      tally.lossPoints++;
      classify(tally, recovered, before, after);
      options.onRecovered?.({ save, lossStep, recovered, before, after });
      if (rng.chance(doubleLossRate)) {
        tally.doubleLosses++;
        const mid = recovered;
        const retrySteps = countCommitSteps(chip, after);
        const again = crashAndReboot(chip, after, rng.int(Math.max(1, retrySteps)), rng);
        classify(tally, again, mid, after);
      }
    }
    chip.restore(snap);
    LogStore.mount(chip).store.commit(after);
    before = after;
  }
  return { saves: options.saves, ...tally, cycles: chip.cycles };
}

/** Mount, start committing `state`, lose power at step `lossStep`, power on, remount: what survived. */
function crashAndReboot(chip: NorFlash, state: Uint8Array, lossStep: number, rng: Rng): Uint8Array | null {
  const { store } = LogStore.mount(chip);
  chip.armPowerCut(lossStep, rng);
  try {
    store.commit(state);
  } catch (err) {
    if (!(err instanceof PowerLossError)) throw err;
  }
  chip.powerOn();
  return LogStore.mount(chip).state;
}

/** How many program/erase steps committing `state` takes from the chip's current contents (measured on a copy). */
function countCommitSteps(chip: NorFlash, state: Uint8Array): number {
  const snap = chip.snapshot();
  LogStore.mount(chip).store.commit(state);
  const steps = chip.steps - snap.steps;
  chip.restore(snap);
  return steps;
}

function classify(
  tally: { recoveredBefore: number; recoveredAfter: number; corrupt: number; lost: number },
  recovered: Uint8Array | null,
  before: Uint8Array | null,
  after: Uint8Array,
): void {
  if (recovered !== null && sameBytes(recovered, after)) tally.recoveredAfter++;
  else if (before === null ? recovered === null : recovered !== null && sameBytes(recovered, before)) tally.recoveredBefore++;
  else if (recovered === null) tally.lost++;
  else tally.corrupt++;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function defaultState(i: number, rng: Rng): Uint8Array {
  const bytes = new Uint8Array(64 + rng.int(9 * 1024));
  for (let j = 0; j < bytes.length; j++) bytes[j] = rng.int(256);
  new DataView(bytes.buffer).setUint32(0, i, true);
  return bytes;
}
