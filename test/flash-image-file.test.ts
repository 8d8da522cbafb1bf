import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptImageError } from '../hardware-sim/flash/errors.js';
import { openFlashImage } from '../hardware-sim/flash/image-file.js';
import { LogStore } from '../hardware-sim/flash/log-store.js';

const g = { pageSize: 256, blockSize: 4096, blockCount: 8, endurance: 1000 };
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const untext = (b: Uint8Array | null): string | null => (b ? new TextDecoder().decode(b) : null);

function tempImage(): string {
  return join(mkdtempSync(join(tmpdir(), 'nosh-flash-')), 'deck.img');
}

describe('flash image files', () => {
  it('creates a missing image, and a second open finds what was committed', () => {
    const path = tempImage();
    const first = openFlashImage(path, g);
    expect(first.created).toBe(true);
    LogStore.mount(first.chip).store.commit(text('balance=900'));
    LogStore.mount(first.chip).store.commit(text('balance=1500'));
    first.chip.close();
    expect(statSync(path).size).toBe(64 + 8 * 8 + 8 * 4096);

    const second = openFlashImage(path, g);
    expect(second.created).toBe(false);
    expect(second.chip.eraseCount(0)).toBe(1);
    expect(untext(LogStore.mount(second.chip).state)).toBe('balance=1500');
    second.chip.close();
  });

  it('recovers the newest intact state from a damaged image and says what it dropped', () => {
    const path = tempImage();
    const { chip } = openFlashImage(path, g);
    const { store } = LogStore.mount(chip);
    store.commit(text('state one'));
    const { address } = store.commit(text('state two, the newest'));
    chip.close();
    const bytes = readFileSync(path);
    bytes[64 + 64 + address + 40] = (bytes[64 + 64 + address + 40] as number) ^ 0x10;
    writeFileSync(path, bytes);

    const reopened = openFlashImage(path, g);
    const mounted = LogStore.mount(reopened.chip);
    expect(untext(mounted.state)).toBe('state one');
    expect(mounted.report.recoveredSeq).toBe(1);
    expect(mounted.report.dropped).toEqual([{ seq: 2, address, reason: 'torn record: payload CRC mismatch over 21 bytes' }]);
    reopened.chip.close();
  });

  it('refuses a file that is not an image, or whose header is damaged, and leaves it untouched', () => {
    const notImage = tempImage();
    writeFileSync(notImage, 'hello, I am a text file and not a deck');
    expect(() => openFlashImage(notImage, g)).toThrow(CorruptImageError);
    expect(() => openFlashImage(notImage, g)).toThrow(/not a nosh flash image/);
    expect(readFileSync(notImage, 'utf8')).toBe('hello, I am a text file and not a deck');

    const path = tempImage();
    openFlashImage(path, g).chip.close();
    const bytes = readFileSync(path);
    bytes[14] = 0x7f;
    writeFileSync(path, bytes);
    expect(() => openFlashImage(path, g)).toThrow(/image header fails its CRC/);

    const truncated = tempImage();
    openFlashImage(truncated, g).chip.close();
    writeFileSync(truncated, readFileSync(truncated).subarray(0, 5000));
    expect(() => openFlashImage(truncated, g)).toThrow(/image is 5000 bytes, its header says 32896/);
  });

  it('works around a damaged erase counter, conservatively, and says so', () => {
    const path = tempImage();
    const { chip } = openFlashImage(path, g);
    for (let i = 0; i < 3; i++) chip.erase(2);
    chip.close();
    const bytes = readFileSync(path);
    bytes[64 + 5 * 8] = 0x42;
    writeFileSync(path, bytes);
    const reopened = openFlashImage(path, g);
    expect(reopened.warnings).toEqual([`${path}: erase counters of block(s) 5 were damaged; assumed 3 (the highest intact count)`]);
    expect(reopened.chip.eraseCount(5)).toBe(3);
    reopened.chip.close();
  });
});
