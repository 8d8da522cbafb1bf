import { describe, expect, it } from 'vitest';
import type { DeckEvent } from '../actors/mission-control/messages.js';
import { type CampaignSummary, runCampaign } from '../src/campaign/campaign.js';
import { loadCartLibrary } from '../src/campaign/cart-files.js';

const library = loadCartLibrary();
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

interface Seen {
  summary: CampaignSummary;
  events: DeckEvent[];
}

async function campaign(seed: number, placement: 'inline' | 'threads'): Promise<Seen> {
  const events: DeckEvent[] = [];
  const summary = await runCampaign({ seed, missions: 20, placement, library, onEnvelope: (e) => e.kind === 'deck/event' && events.push(e.body as DeckEvent) });
  return { summary, events };
}

function features(s: Seen): Record<string, number> {
  const goals = s.events.filter((e): e is Extract<DeckEvent, { type: 'goal' }> => e.type === 'goal');
  const cause = (c: string): number => goals.filter((g) => g.cause === c).length;
  return {
    hotSwaps: s.summary.hotSwaps,
    multiPhase: s.events.filter((e) => e.type === 'accepted' && e.phases > 1).length,
    branchChoices: cause('chosen'),
    holdsHeld: cause('held-to-resolve'),
    holdsViolated: cause('hold-violated'),
    escalations: cause('spawned'),
    successes: s.summary.succeeded,
    failures: s.summary.failed,
    abandonments: s.summary.abandoned,
  };
}

describe('nosh run: headless campaigns of the real deck', () => {
  const totals: Record<string, number> = {};

  it.each(SEEDS)('seed %i: 20 missions give the same trace hash in threads and inline placement', async (seed) => {
    const inline = await campaign(seed, 'inline');
    const threads = await campaign(seed, 'threads');
    expect(inline.summary).toMatchObject({ missions: 20, ended: 'done', scriptErrors: 0 });
    expect(threads.summary.traceHash).toMatch(/^[0-9a-f]{64}$/);
    expect({ ...threads.summary, placement: 'inline' }).toEqual(inline.summary);
    expect(threads.events).toEqual(inline.events);
    expect(inline.summary.succeeded).toBeGreaterThan(0);
    for (const [k, n] of Object.entries(features(inline))) totals[k] = (totals[k] ?? 0) + n;
  });

  it('over those campaigns the operator met everything the deck does', () => {
    // Counted over the ten campaigns: Hot Swaps, multi-phase missions, branch choices, holds held
    // and violated, escalations, and every way a mission ends.
    expect(Object.keys(totals).sort()).toEqual(['abandonments', 'branchChoices', 'escalations', 'failures', 'holdsHeld', 'holdsViolated', 'hotSwaps', 'multiPhase', 'successes'].sort());
    for (const [k, n] of Object.entries(totals)) expect(n, k).toBeGreaterThan(0);
    expect(totals.successes).toBeGreaterThan(totals.failures as number);
  });

  it('different seeds play different campaigns', async () => {
    const a = await runCampaign({ seed: 101, missions: 3, placement: 'inline', library });
    const b = await runCampaign({ seed: 102, missions: 3, placement: 'inline', library });
    expect(a.traceHash).not.toBe(b.traceHash);
  });
});
