import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

interface SoakLine {
  campaigns: number;
  missions: number;
  violations: number;
  hashes: Array<string | null>;
  stopped?: unknown[];
  failed?: unknown[];
}
interface Summary {
  summaries: Array<{ seed: number; missions: number; ended: string; restarts: number; aborts: number; scriptErrors: number; faults: Record<string, number> }>;
}

/** Issue 12's must-show soak: crashes, reboots, delays, stalls, script errors and bad blocks at once. */
const MUST_SHOW = ['soak', '--campaigns', '8', '--missions', '100', '--faults', '--fault-rates', 'crash=0.05,reboot=0.05,delay=0.05,stall=0.02,script=0.05,badblock=0.01', '--json'];

describe('nosh soak --faults', () => {
  it('8 campaigns × 100 faulted missions: every campaign done, no violation, and 1 worker gives the hashes 2 give', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-soak-faults-'));
    const two = await nosh([...MUST_SHOW, '--workers', '2', '--report', dir], { timeoutMs: 240_000 });
    expect(two.code, two.stdout + two.stderr).toBe(0);
    const line = lastJson<SoakLine>(two.stdout);
    expect(line).toMatchObject({ campaigns: 8, missions: 800, violations: 0 });
    expect(line.stopped).toBeUndefined();
    expect(line.failed).toBeUndefined();
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
    for (const c of s.summaries) {
      expect(c.ended, `seed ${c.seed}`).toBe('done');
      expect(c.missions, `seed ${c.seed}`).toBe(100);
    }
    const total = (k: string): number => s.summaries.reduce((n, c) => n + (c.faults[k] ?? 0), 0);
    for (const kind of ['crash', 'reboot', 'delay', 'stall', 'script', 'badblock']) expect(total(kind), kind).toBeGreaterThan(0);
    // The faults reached the deck: actors restarted, calls aborted, every script fault counted as a script error.
    expect(s.summaries.reduce((n, c) => n + c.restarts, 0)).toBeGreaterThan(0);
    expect(s.summaries.reduce((n, c) => n + c.aborts, 0)).toBeGreaterThan(0);
    expect(s.summaries.reduce((n, c) => n + c.scriptErrors, 0)).toBe(total('script'));

    const one = await nosh([...MUST_SHOW, '--workers', '1'], { timeoutMs: 240_000 });
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(lastJson<SoakLine>(one.stdout).hashes).toEqual(line.hashes);
  }, 480_000);
});
