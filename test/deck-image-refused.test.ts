import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFlashImage } from '../hardware-sim/flash/image-file.js';
import { LogStore } from '../hardware-sim/flash/log-store.js';
import { encodeUds } from '../src/deck/uds-codec.js';
import { nosh } from './helpers/cli.js';
import { acceptSchema } from './helpers/missions.js';

const dir = mkdtempSync(join(tmpdir(), 'nosh-refused-'));

function imageHolding(name: string, payload: Uint8Array): string {
  const path = join(dir, name);
  const { chip } = openFlashImage(path);
  LogStore.mount(chip).store.commit(payload);
  chip.close();
  return path;
}

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Run on an image the deck cannot boot from: refused with what and where, exit 1, and the file untouched. */
async function expectRefused(path: string, message: RegExp): Promise<void> {
  const before = digest(path);
  const r = await nosh(['run', '--flash', path, '--missions', '1', '--placement', 'inline']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('nothing was changed');
  expect(r.stdout).not.toContain('deck ready');
  expect(digest(path)).toBe(before);
}

describe('nosh run --flash refuses an image it cannot boot from, and never replaces it', () => {
  it('a file that is not a flash image', async () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'my campaign notes\n');
    await expectRefused(path, /notes\.txt: not a nosh flash image \(starts "my campa"/);
  });

  it('a flash image whose newest commit is not a deck state', async () => {
    const path = imageHolding('foreign.img', new TextEncoder().encode('a payload some other firmware wrote'));
    await expectRefused(path, /foreign\.img: commit #1 passes its flash CRC but is not a deck state this nosh can boot \(corrupt deck state: bad magic/);
  });

  it('a deck whose running mission has a damaged phase chain', async () => {
    const { uds } = acceptSchema('data-heist');
    const chain = uds.phaseChain.slice();
    chain[30] = (chain[30] as number) ^ 0x01;
    const path = imageHolding('torn-chain.img', encodeUds({ ...uds, phaseChain: chain }));
    await expectRefused(path, /torn-chain\.img: commit #1 passes its flash CRC but its running mission \(C-[0-9A-F]{4}, :data-heist\) cannot be restored: phase chain: CRC-32 mismatch/);
  });
});
