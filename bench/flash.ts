import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFlashImage } from '../hardware-sim/flash/image-file.js';
import { LogStore } from '../hardware-sim/flash/log-store.js';
import { rngFromSeed } from '../src/runtime/rng.js';
import { compareLatency, round } from './measure.js';

/** A deck state of typical size (a UDS with a full board and provenance log is a few KiB). */
const STATE_BYTES = 4096;

/**
 * One deck-state commit on the simulated flash, file-backed (every program
 * and erase written through, one fsync per commit), against writing the same
 * bytes to a plain file with writeFileSync-style I/O and one fsync.
 */
export async function flashSuite(timeMs = 3000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'nosh-bench-flash-'));
  const rng = rngFromSeed('bench-flash');
  const state = Uint8Array.from({ length: STATE_BYTES }, () => rng.int(256));
  const { chip } = openFlashImage(join(dir, 'deck.img'));
  const { store } = LogStore.mount(chip);
  const plain = join(dir, 'plain.bin');
  let commits = 0;
  const cyclesBefore = chip.cycles;
  try {
    const { baseline, candidate, ratioP50 } = await compareLatency(
      {
        name: 'fs write + fsync',
        fn: () => {
          const fd = openSync(plain, 'w');
          writeSync(fd, state);
          fsyncSync(fd);
          closeSync(fd);
        },
      },
      {
        name: 'deck-state commit on simulated flash',
        fn: () => {
          state[0] = commits & 0xff;
          store.commit(state);
          commits++;
        },
      },
      timeMs,
    );
    return {
      udsCommitColdUs: round(candidate.firstUs),
      udsCommitUs: round(candidate.p50Us),
      udsCommitCycles: Math.round((chip.cycles - cyclesBefore) / Math.max(1, commits)),
      fsyncWriteColdUs: round(baseline.firstUs),
      fsyncWriteUs: round(baseline.p50Us),
      commitRatio: round(ratioP50, 3),
      stateBytes: STATE_BYTES,
    };
  } finally {
    chip.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
