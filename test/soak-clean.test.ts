import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

interface SoakJson {
  campaigns: number;
  missions: number;
  violations: number;
  missionsPerSec: number;
  workers: number;
  hashes: string[];
}

describe('nosh soak on a clean deck', () => {
  it('plays 8 campaigns of 100 missions with no violation, and 1 worker gives the same per-campaign hashes as 2', async () => {
    const two = await nosh(['soak', '--campaigns', '8', '--missions', '100', '--workers', '2', '--json'], { timeoutMs: 180_000 });
    expect(two.code, two.stderr).toBe(0);
    const a = lastJson<SoakJson>(two.stdout);
    expect(Object.keys(a).sort()).toEqual(['campaigns', 'hashes', 'missions', 'missionsPerSec', 'violations', 'workers']);
    expect(a).toMatchObject({ campaigns: 8, missions: 800, violations: 0, workers: 2 });
    expect(a.missionsPerSec).toBeGreaterThan(0);
    expect(a.hashes).toHaveLength(8);
    expect(new Set(a.hashes).size).toBe(8);
    for (const h of a.hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);

    const one = await nosh(['soak', '--campaigns', '8', '--missions', '100', '--workers', '1', '--json'], { timeoutMs: 240_000 });
    expect(one.code, one.stderr).toBe(0);
    const b = lastJson<SoakJson>(one.stdout);
    expect(b.workers).toBe(1);
    expect(b.hashes).toEqual(a.hashes);
  }, 420_000);
});
