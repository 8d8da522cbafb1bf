import { describe, expect, it } from 'vitest';
import { demoRun } from './helpers/demo-run.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + i * 7919);
const TICKS = 300;

describe('lockstep determinism', () => {
  const hashes = new Map<number, string>();

  it.each(SEEDS)('seed %i: the same trace hash in inline and threads placement, three times over', async (seed) => {
    const runs = [];
    for (let repeat = 0; repeat < 3; repeat++) {
      runs.push(await demoRun(seed, 'inline', TICKS));
      runs.push(await demoRun(seed, 'threads', TICKS));
    }
    const first = runs[0];
    expect(first?.traceHash).toMatch(/^[0-9a-f]{64}$/);
    // The run really did something worth hashing: messages, and the flaky worker's supervision.
    expect(first?.envelopes).toBeGreaterThan(100);
    for (const r of runs) {
      expect({ placement: r.placement, hash: r.traceHash, envelopes: r.envelopes, restarts: r.restarts }).toEqual({
        placement: r.placement,
        hash: first?.traceHash,
        envelopes: first?.envelopes,
        restarts: first?.restarts,
      });
    }
    hashes.set(seed, first?.traceHash as string);
  });

  it('different seeds give different hashes', () => {
    expect(hashes.size).toBe(SEEDS.length);
    expect(new Set(hashes.values()).size).toBe(SEEDS.length);
  });

  it('the demo exercises supervision on some seeds (crashes, restarts and escalations are in what is hashed)', async () => {
    const runs = await Promise.all(SEEDS.slice(0, 5).map((seed) => demoRun(seed, 'inline', 600)));
    expect(runs.some((r) => r.restarts > 0)).toBe(true);
    expect(runs.some((r) => r.escalations > 0)).toBe(true);
  });
});
