import { openFlashImage } from '../../../hardware-sim/flash/image-file.js';
import { LogStore, foundDamage } from '../../../hardware-sim/flash/log-store.js';
import { tortureFlash } from '../../../hardware-sim/flash/torture.js';
import { noIntactRecord } from '../../campaign/deck-image.js';

/** `nosh flash torture`: commit, cut power at every step, reboot, and count what survived. */
export function flashTortureAction(opts: { seed: number; saves: number; json: boolean }): void {
  const started = performance.now();
  const report = tortureFlash({ seed: opts.seed, saves: opts.saves });
  const out = { ...report, wallMs: Math.round(performance.now() - started) };
  if (opts.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else {
    process.stdout.write(
      `${out.saves} saves · ${out.lossPoints} single-loss points · ${out.doubleLosses} double losses\n` +
        `recovered before ${out.recoveredBefore} · after ${out.recoveredAfter} · corrupt ${out.corrupt} · lost ${out.lost} · ${out.wallMs} ms\n`,
    );
  }
  if (out.corrupt > 0 || out.lost > 0) process.exitCode = 1;
}

/** `nosh flash info`: an image, read-only. */
export function flashInfoAction(path: string, opts: { json: boolean }): void {
  const { chip, warnings } = openFlashImage(path, undefined, { create: false });
  try {
    const { report, state } = LogStore.mount(chip);
    const counts = Array.from({ length: chip.geometry.blockCount }, (_, b) => chip.eraseCount(b));
    // Records on it and none intact: say so as `nosh run --flash` will refuse it, not as a blank deck.
    const refused = noIntactRecord(path, report);
    const summary = noIntactRecord(path, report, 0);
    const info = {
      image: path,
      geometry: chip.geometry,
      erases: { min: Math.min(...counts), max: Math.max(...counts), total: counts.reduce((a, b) => a + b, 0) },
      stateBytes: state?.length ?? 0,
      ...report,
      damaged: foundDamage(report),
      refused,
      warnings,
    };
    if (opts.json) process.stdout.write(`${JSON.stringify(info)}\n`);
    else {
      const g = chip.geometry;
      process.stdout.write(
        `${path}: ${g.blockCount} × ${g.blockSize} B blocks, ${g.pageSize} B pages, endurance ${g.endurance}\n` +
          `erases per block: min ${info.erases.min}, max ${info.erases.max}\n` +
          `state: ${stateLine(report.recoveredSeq, info.stateBytes, summary)}\n` +
          report.dropped.map((d) => `dropped: commit #${d.seq} at 0x${d.address.toString(16)}: ${d.reason}\n`).join('') +
          warnings.map((w) => `warning: ${w}\n`).join(''),
      );
    }
  } finally {
    chip.close();
  }
}

function stateLine(seq: number | null, bytes: number, refused: string | null): string {
  if (refused !== null) return `none intact: ${refused} (each is listed below); nosh run --flash refuses this image (move it aside to start a new deck on that path)`;
  return seq === null ? 'none (blank deck)' : `commit #${seq}, ${bytes} bytes`;
}
