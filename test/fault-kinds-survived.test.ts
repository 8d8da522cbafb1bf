import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';
import { FAULT_KINDS, type FaultKind, type FaultRates, noFaults } from '../src/campaign/faults/index.js';

/** Rates that make each kind strike often in a short campaign (its opportunities differ: calls, missions, commits, power-offs). */
const OFTEN: Record<FaultKind, number> = { crash: 0.3, yank: 0.3, power: 0.2, reboot: 0.3, script: 0.3, delay: 0.1, stall: 0.3, badblock: 0.1, wear: 0.1, full: 0.1, corrupt: 1 };

/** One kind alone, so what the campaign survived is that kind. */
function only(kind: FaultKind): FaultRates {
  return { ...noFaults(), [kind]: OFTEN[kind] };
}

describe('every kind of fault, alone, strikes and the campaign survives it', () => {
  it.each([...FAULT_KINDS])('%s', async (kind) => {
    const s = await runCampaign({ seed: 21, missions: 12, placement: 'inline', checkInvariants: true, faults: only(kind) });
    const counts = s.faults as Record<FaultKind, number>;
    expect(counts[kind], `${kind} never struck`).toBeGreaterThan(0);
    for (const other of FAULT_KINDS) if (other !== kind) expect(counts[other], other).toBe(0);
    expect(s.violations, JSON.stringify(s.violations)).toEqual([]);
    expect(s.ended).toBe('done');
    expect(s.missions).toBe(12);
  }, 120_000);
});
