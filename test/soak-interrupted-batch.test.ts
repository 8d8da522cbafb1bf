import { describe, expect, it } from 'vitest';
import { batchSize, runSoak } from '../src/campaign/soak.js';

describe('an interrupted soak keeps every campaign that finished', () => {
  it('even one that finished inside a batch still playing when Ctrl-C came', async () => {
    const config = { campaigns: 32, missions: 2, workers: 1, seed: 700, faults: null, skimCredit: null };
    const batch = batchSize(config);
    expect(batch).toBeGreaterThan(1);
    const stop = new AbortController();
    const result = await runSoak(
      config,
      (p) => {
        // The first campaign of the first batch is done; the rest of that batch is still playing.
        if (p.done >= 1) stop.abort();
      },
      undefined,
      stop.signal,
    );
    expect(result.interrupted).toBe(true);
    expect(result.summaries.length).toBeGreaterThanOrEqual(1);
    expect(result.summaries.length).toBeLessThan(batch);
    expect(result.summaries.map((s) => s.seed)).toEqual(Array.from({ length: result.summaries.length }, (_, i) => 700 + i));
    expect(result.summaries.every((s) => s.missions === 2 && typeof s.traceHash === 'string')).toBe(true);
  }, 60_000);
});
