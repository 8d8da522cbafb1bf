import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';

describe('a clean campaign', () => {
  it.each(['inline', 'threads'] as const)('on %s: every envelope is one its receiver takes, and every one is delivered', async (placement) => {
    const s = await runCampaign({ seed: 9, missions: 12, placement });
    expect(s.ended).toBe('done');
    expect(s.missions).toBe(12);
    // The hold ticker is one of every call's watchers: it must take the call's result, not refuse it.
    expect(s.rejected).toBe(0);
    expect(s.deadLetters).toBe(0);
  });
});
