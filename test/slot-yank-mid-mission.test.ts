import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeckEvent } from '../actors/mission-control/messages.js';
import { runCampaign } from '../src/campaign/campaign.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';

const BASELINES = ['terminal', 'grid', 'audit', 'sonar'];
const script = { name: 'yank-probe.lisp', text: readFileSync(new URL('fixtures/scripts/yank-probe.lisp', import.meta.url), 'utf8') };

describe('a cart yanked from the slot mid-mission', () => {
  it.each(['inline', 'threads'] as const)('reaches the runner as :abort through the slot watcher, and the board then marks that cart’s contracts as needing a swap (%s)', async (placement) => {
    const trace = new MemorySink();
    const log: string[] = [];
    const events: DeckEvent[] = [];
    let rt: Runtime | null = null;
    let yankedAt: number | null = null;
    let yanked = '';
    const summary = await runCampaign({
      seed: 11,
      missions: 8,
      placement,
      script,
      sinks: [trace],
      onStart: (r) => {
        rt = r;
      },
      onEnvelope: (e) => {
        if (e.kind === 'runner/log') log.push((e.body as { text: string }).text);
        if (e.kind !== 'deck/event') return;
        const d = e.body as DeckEvent;
        events.push(d);
        if (d.type === 'call' && !BASELINES.includes(d.cart) && yankedAt === null) {
          yanked = d.cart;
          yankedAt = e.tick;
          (rt as unknown as Runtime).send('slot-watcher', 'slot/yank', {});
        }
      },
    });
    expect(yankedAt).not.toBeNull();
    // The slot watcher saw the cart go, Mission Control aborted the call, the script heard :abort.
    expect(events).toContainEqual(expect.objectContaining({ type: 'cart', cart: null, yanked: true, error: null }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'call-result', cart: yanked, outcome: 'abort' }));
    expect(log).toContain('probe: outcome :abort');
    expect(log).toContain('probe: slot nil');
    expect(trace.of('send').some((r) => r.kind === 'slot/changed' && r.from === 'slot-watcher' && r.to === 'mission-control')).toBe(true);
    // Afterwards: every contract that needs the pulled cart shows a Hot Swap.
    const rows = log.filter((l) => l.startsWith('probe: board')).map((l) => l.split(' ').slice(3));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const [needs, swap] of rows) if (needs === 'true') expect(swap).toBe('true');
    expect(rows.some(([needs]) => needs === 'true')).toBe(true);
    expect(summary).toMatchObject({ aborts: 1, ended: 'done', scriptErrors: 0 });
  });
});
