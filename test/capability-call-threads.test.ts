import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import type { TraceRecord } from '../src/runtime/trace/record.js';

describe('a capability call in a campaign crosses threads', () => {
  it('the call leaves the runner, the cart answers from its own thread, with telemetry in between', async () => {
    const trace = new MemorySink();
    const threads: Record<string, number> = {};
    await runCampaign({
      seed: 5,
      missions: 1,
      placement: 'threads',
      sinks: [trace],
      onFinish: async (rt) => {
        for (const id of rt.actors()) threads[id] = (await rt.inspect(id)).threadId;
      },
    });
    const r = trace.records;
    const at = (pred: (x: TraceRecord) => boolean, from = 0): number => r.findIndex((x, i) => i >= from && pred(x));
    const ask = at((x) => x.type === 'send' && x.from === 'mission-runner' && x.kind === 'op/capability');
    expect(ask).toBeGreaterThanOrEqual(0);
    const call = at((x) => x.type === 'send' && x.from === 'mission-control' && x.kind === 'capability/call', ask);
    const cartId = (r[call] as Extract<TraceRecord, { type: 'send' }>).to;
    expect(['cart', 'baseline']).toContain(cartId);
    const prompt = at((x) => x.type === 'send' && x.from === cartId && x.kind === 'cart/prompt' && x.to === 'mission-runner', call);
    const move = at((x) => x.type === 'handle' && x.actor === cartId && x.kind === 'cart/move' && x.from === 'mission-runner', prompt);
    const telemetry = at((x) => x.type === 'handle' && x.actor === 'mission-runner' && x.kind === 'cart/telemetry' && x.from === cartId, move);
    // Mission Control answers the runner's request with the cart's result (the one answerer).
    const result = at((x) => x.type === 'handle' && x.actor === 'mission-runner' && x.kind === 'capability/result' && x.from === 'mission-control', telemetry);
    expect([call, prompt, move, telemetry, result].every((i) => i > ask)).toBe(true);
    expect(result).toBeGreaterThan(telemetry);
    // Each party is on a thread of its own.
    expect(threads['mission-runner']).toBeGreaterThan(0);
    expect(threads[cartId]).toBeGreaterThan(0);
    expect(new Set([threads['mission-runner'], threads['mission-control'], threads[cartId], threads['hold-ticker']]).size).toBe(4);
  });
});
