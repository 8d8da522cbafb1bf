import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';
import { DEFAULT_FAULT_RATES } from '../src/campaign/faults/index.js';

describe('faults replay exactly on either placement', () => {
  it('a campaign with injected faults has one trace hash on inline and threads, and different seeds differ', async () => {
    const rates = { ...DEFAULT_FAULT_RATES, crash: 0.2, yank: 0.15, power: 0.1, script: 0.1, reboot: 0.1, delay: 0.02, stall: 0.1, full: 0.02 };
    const run = (seed: number, placement: 'inline' | 'threads') => runCampaign({ seed, missions: 10, placement, checkInvariants: true, faults: rates });
    const inline = await run(11, 'inline');
    const threads = await run(11, 'threads');
    expect(inline.faults).toEqual(threads.faults);
    const f = inline.faults as NonNullable<typeof inline.faults>;
    expect(f.crash + f.yank + f.power + f.script + f.reboot + f.delay + f.stall).toBeGreaterThan(5);
    expect(threads.traceHash).toBe(inline.traceHash);
    expect(inline.violationCount).toBe(0);
    expect(threads.violationCount).toBe(0);
    const other = await run(12, 'inline');
    expect(other.traceHash).not.toBe(inline.traceHash);
    const calm = await runCampaign({ seed: 11, missions: 10, placement: 'inline', checkInvariants: true, faults: Object.fromEntries(Object.keys(DEFAULT_FAULT_RATES).map((k) => [k, 0])) as typeof rates });
    expect(calm.traceHash).not.toBe(inline.traceHash);
  }, 180_000);
});
