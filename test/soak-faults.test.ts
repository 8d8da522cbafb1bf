import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

interface Summary {
  violations: number;
  summaries: Array<{ seed: number; ended: string; restarts: number; aborts: number; scriptErrors: number; faults: { cartCrashes: number; yanks: number; powerLosses: number; scriptErrors: number } }>;
}

describe('nosh soak --faults', () => {
  // The documented run is 200 campaigns × 100 missions (docs/soak.md); this one is sized for a 2-core CI box.
  it('injects every kind of fault and every invariant still holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-soak-faults-'));
    const r = await nosh(['soak', '--campaigns', '24', '--missions', '25', '--workers', '2', '--faults', '--fault-rates', 'crash=0.1,yank=0.08,power=0.05,script=0.06', '--json', '--report', dir], { timeoutMs: 240_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(lastJson<{ violations: number; missions: number }>(r.stdout)).toMatchObject({ violations: 0, missions: 600 });
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
    const total = (k: keyof Summary['summaries'][number]['faults']): number => s.summaries.reduce((n, c) => n + c.faults[k], 0);
    expect(total('cartCrashes')).toBeGreaterThan(0);
    expect(total('yanks')).toBeGreaterThan(0);
    expect(total('powerLosses')).toBeGreaterThan(0);
    expect(total('scriptErrors')).toBeGreaterThan(0);
    // The faults reached the deck: crashed carts restarted, calls aborted, script errors counted.
    expect(s.summaries.reduce((n, c) => n + c.restarts, 0)).toBeGreaterThanOrEqual(total('cartCrashes'));
    expect(s.summaries.reduce((n, c) => n + c.aborts, 0)).toBeGreaterThan(0);
    expect(s.summaries.reduce((n, c) => n + c.scriptErrors, 0)).toBe(total('scriptErrors'));
    for (const c of s.summaries) expect(c.ended, `seed ${c.seed}`).toBe('done');
  }, 300_000);
});
