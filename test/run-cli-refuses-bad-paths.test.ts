import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

/**
 * `nosh run` checks its paths and flag combinations when it reads the command
 * line: a usage error (exit 2) that names the flag and what is wrong, before a
 * deck boots — not a campaign that plays no mission, nor a raw ENOENT.
 */
describe('nosh run refuses what it cannot use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nosh-run-paths-'));
  writeFileSync(join(dir, 'ok.lisp'), '(defun operate () nil)\n');

  it.each([
    [['--flash', join(dir, 'missing', 'deck.img')], /--flash .*: the folder .*missing does not exist/],
    [['--flash', dir], /--flash .*: is a folder; give the image's file name/],
    [['--script', dir], /--script .*: is a folder; give a file/],
    [['--script', join(dir, 'nope.lisp')], /--script .*nope\.lisp: no such file/],
    [['--off', '3d'], /--off says how long the deck was switched off .* give it with --flash/],
  ])('%j', async (args, message) => {
    const r = await nosh(['run', '--placement', 'inline', '--missions', '1', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).not.toMatch(/deck ready|summary/);
  });

  it('makes a missing image in a folder that exists, and takes --off with it', async () => {
    const r = await nosh(['run', '--placement', 'inline', '--missions', '1', '--flash', join(dir, 'deck.img'), '--off', '2h']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/deck kept on/);
  });
});
