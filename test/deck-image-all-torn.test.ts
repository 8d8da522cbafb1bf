import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFlashImage } from '../hardware-sim/flash/image-file.js';
import { LogStore } from '../hardware-sim/flash/log-store.js';
import { HEADER_SIZE } from '../hardware-sim/flash/record-header.js';
import { nosh } from './helpers/cli.js';

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Rot one bit in the payload of every record that still mounts, newest first, until none does; returns how many. */
function damageEveryRecord(path: string): number {
  const { chip } = openFlashImage(path, undefined, { create: false });
  try {
    for (let damaged = 0; damaged < 10_000; damaged++) {
      const record = LogStore.mount(chip).store.currentRecord;
      if (record === null) return damaged;
      chip.rot((record.address + HEADER_SIZE + Math.floor(record.length / 2)) % chip.size, 0x10);
    }
    throw new Error(`${path}: still mounting after 10,000 records damaged`);
  } finally {
    chip.close();
  }
}

describe('a flash image whose every record is torn', () => {
  it('is refused by nosh run (exit 1, what and where, image unchanged) and nosh flash info says why, rather than booting a new deck over it', async () => {
    const image = join(mkdtempSync(join(tmpdir(), 'nosh-all-torn-')), 'deck.img');
    const first = await nosh(['run', '--flash', image, '--missions', '1', '--placement', 'inline']);
    expect(first.code, first.stderr).toBe(0);
    expect(damageEveryRecord(image)).toBeGreaterThan(1);
    const { chip } = openFlashImage(image, undefined, { create: false });
    const { report } = LogStore.mount(chip);
    chip.close();
    const records = report.dropped.length;
    expect(report.recoveredSeq).toBeNull();

    const before = digest(image);
    const run = await nosh(['run', '--flash', image, '--missions', '1', '--placement', 'inline']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).not.toContain('deck ready');
    expect(run.stderr).toContain(`${image}: ${records} records on the flash and none passes its checks (commit #${report.dropped[0]?.seq} at 0x`);
    expect(run.stderr).toMatch(/: torn record: payload CRC mismatch over \d+ bytes; commit #/);
    expect(run.stderr).toContain('nothing was changed; move the image aside to start a new deck on that path');
    expect(digest(image)).toBe(before);

    const info = await nosh(['flash', 'info', image]);
    expect(info.code).toBe(0);
    expect(info.stdout).toContain(`state: none intact: ${image}: ${records} records on the flash and none passes its checks`);
    expect(info.stdout).toContain('nosh run --flash refuses this image');
    expect(digest(image)).toBe(before);
  });
});
