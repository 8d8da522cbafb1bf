import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

/** Output paths are refused as the command line is read (exit 2, before any campaign runs), naming the flag and the path. */
describe('output paths are checked before any work starts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nosh-paths-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');

  it.each([
    ['soak --report under /proc', ['soak', '--campaigns', '200', '--missions', '1000', '--report', '/proc/nosh-report'], /--report \/proc\/nosh-report: \/proc is a kernel file system/],
    ['soak --report onto a file', ['soak', '--campaigns', '200', '--report', file], /--report .*a-file: is a file, not a folder/],
    ['soak --report under a file', ['soak', '--campaigns', '200', '--report', join(file, 'sub')], /is a file, so nothing can be made under it/],
    ['run --trace under /sys', ['run', '--missions', '500', '--trace', '/sys/trace.json'], /--trace \/sys\/trace.json: \/sys is a kernel file system/],
    ['run --frames under /dev', ['run', '--missions', '500', '--frames', '/dev/frames'], /--frames \/dev\/frames: \/dev is a kernel file system/],
    ['run --trace-jsonl onto a folder', ['run', '--missions', '500', '--trace-jsonl', dir], /--trace-jsonl .*: is a folder; give a file name/],
    ['replay --trace onto a folder', ['replay', '--seed', '1', '--missions', '500', '--mission', '3', '--trace', dir], /--trace .*: is a folder/],
  ])('%s', async (_name, args, message) => {
    const r = await nosh(args, { timeoutMs: 20_000 });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).not.toMatch(/missions\/s/);
  });
});
