import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';
import { DEFAULT_FAULT_RATES } from '../src/campaign/faults.js';

describe('faults replay exactly on either placement', () => {
  it('a campaign with injected faults has one trace hash on inline and threads, and different seeds differ', async () => {
    const rates = { cartCrash: 0.2, yank: 0.15, powerLoss: 0.1, scriptError: 0.1 };
    const run = (seed: number, placement: 'inline' | 'threads') => runCampaign({ seed, missions: 10, placement, checkInvariants: true, faults: rates });
    const inline = await run(11, 'inline');
    const threads = await run(11, 'threads');
    expect(inline.faults).toEqual(threads.faults);
    const f = inline.faults as NonNullable<typeof inline.faults>;
    expect(f.cartCrashes + f.yanks + f.powerLosses + f.scriptErrors).toBeGreaterThan(2);
    expect(threads.traceHash).toBe(inline.traceHash);
    expect(inline.violationCount).toBe(0);
    expect(threads.violationCount).toBe(0);
    const other = await run(12, 'inline');
    expect(other.traceHash).not.toBe(inline.traceHash);
    const calm = await runCampaign({ seed: 11, missions: 10, placement: 'inline', checkInvariants: true, faults: { ...DEFAULT_FAULT_RATES, cartCrash: 0, yank: 0, powerLoss: 0, scriptError: 0 } });
    expect(calm.traceHash).not.toBe(inline.traceHash);
  }, 180_000);
});
