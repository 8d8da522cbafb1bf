import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './helpers/cli.js';

describe('Ctrl-C stops a soak cleanly', () => {
  it('prints what finished, writes the report for it, and exits 130', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nosh-sigint-')), 'report');
    const child = spawn(process.execPath, [CLI, 'soak', '--campaigns', '400', '--missions', '20', '--workers', '2', '--report', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    // The first progress line comes after a few seconds of soaking: some campaigns have finished by then.
    const progressed = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/soak: [1-9]\d*\/400 campaigns/.test(stderr)) resolve();
      }),
    );
    await progressed;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stdout + stderr).toBe(130);
    expect(stdout).toMatch(/soak: interrupted · \d+ of 400 campaigns finished/);
    const line = JSON.parse(stdout.trim().split('\n').at(-1) as string) as { interrupted: boolean; finished: number; hashes: Array<string | null> };
    expect(line.interrupted).toBe(true);
    expect(line.finished).toBeGreaterThan(0);
    expect(line.finished).toBeLessThan(400);
    expect(line.hashes.filter((h) => h !== null)).toHaveLength(line.finished);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain(`**Interrupted** (Ctrl-C): ${line.finished} of 400 campaigns finished`);
    expect(existsSync(join(dir, 'summary.json'))).toBe(true);
  }, 120_000);
});
