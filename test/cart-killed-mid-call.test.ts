import { describe, expect, it } from 'vitest';
import type { DeckEvent } from '../actors/mission-control/messages.js';
import { runCampaign } from '../src/campaign/campaign.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';

const BASELINES = ['terminal', 'grid', 'audit', 'sonar'];

describe('killing the cart worker mid-call', () => {
  it('gives the runner :abort, restarts the cart, keeps what was banked, and the campaign goes on', async () => {
    const trace = new MemorySink();
    const log: string[] = [];
    let rt: Runtime | null = null;
    let killed: { actor: string; balance: number; tick: number } | null = null;
    let balance = 0;
    const events: DeckEvent[] = [];
    const summary = await runCampaign({
      seed: 7,
      missions: 6,
      placement: 'threads',
      sinks: [trace],
      onStart: (r) => {
        rt = r;
      },
      onEnvelope: (e) => {
        if (e.kind === 'runner/log') log.push((e.body as { text: string }).text);
        if (e.kind !== 'deck/event') return;
        const d = e.body as DeckEvent;
        events.push(d);
        if (d.type === 'settled') balance = d.balance;
        // Mid-call in the third mission: the cart's worker dies.
        if (d.type === 'call' && !d.swap && killed === null && events.filter((x) => x.type === 'accepted').length === 3) {
          const actor = BASELINES.includes(d.cart) ? 'baseline' : 'cart';
          killed = { actor, balance, tick: e.tick };
          (rt as unknown as Runtime).kill(actor, 'test: worker killed mid-call');
        }
      },
    });
    expect(killed).not.toBeNull();
    const k = killed as unknown as { actor: string; balance: number };
    expect(k.balance).toBeGreaterThan(0);
    // The runner heard :abort (and the autopilot retried), the trace shows the crash and the restart.
    expect(events.some((d) => d.type === 'call-result' && d.outcome === 'abort')).toBe(true);
    expect(log.some((l) => /aborted, retrying/.test(l))).toBe(true);
    expect(trace.of('crash').some((c) => c.actor === k.actor && c.error.includes('worker killed mid-call'))).toBe(true);
    expect(trace.of('restart').some((c) => c.actor === k.actor)).toBe(true);
    // The campaign went on to the end, and no credit banked before the kill was lost.
    expect(summary).toMatchObject({ missions: 6, ended: 'done', aborts: 1 });
    const balances = events.filter((d): d is Extract<DeckEvent, { type: 'settled' }> => d.type === 'settled').map((d) => d.balance);
    expect(Math.min(...balances.slice(2))).toBeGreaterThanOrEqual(k.balance);
    expect(summary.credits).toBeGreaterThanOrEqual(k.balance);
  });
});
