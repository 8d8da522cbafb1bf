import { afterEach, describe, expect, it } from 'vitest';
import { hardwareCatalog } from '../actors/catalog.js';
import { defaultDeckClock, ticksForCycles, ticksForMs } from '../hardware-sim/clock/deck-clock.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';

describe('the deck clock', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('turns cycles and deck time into ticks', () => {
    expect(ticksForCycles(defaultDeckClock, 1)).toBe(1);
    expect(ticksForCycles(defaultDeckClock, 2_500_000)).toBe(3);
    expect(ticksForMs(defaultDeckClock, 8 * 3600 * 1000)).toBe(864_000);
  });

  it('ticks subscribers while powered, and a power-off of hours is one jump of the clock', async () => {
    rt = new Runtime({ seed: 1, catalog: hardwareCatalog, placement: 'inline' });
    await rt.spawn('clock');
    const got: Envelope[] = [];
    rt.external$.subscribe((e) => got.push(e));
    rt.send('clock', 'clock/subscribe', { to: '$deck', every: 10 });
    await rt.run(100);
    const ticks = got.filter((e) => e.kind === 'tick');
    expect(ticks.length).toBeGreaterThanOrEqual(9);
    // Sent at each tenth tick, due (and routed out) the tick after.
    expect(ticks.map((e) => (e.body as { tick: number }).tick)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(ticks.map((e) => e.tick)).toEqual([11, 21, 31, 41, 51, 61, 71, 81, 91, 101]);
    const stepsBefore = rt.summary().handled;
    rt.send('clock', 'clock/power-off', { ms: 8 * 3600 * 1000 });
    await rt.run(100 + 864_000 + 50);
    const power = got.filter((e) => e.kind === 'clock/power').map((e) => e.body as { on: boolean; at: number; offMs?: number });
    expect(power.map((p) => p.on)).toEqual([false, true]);
    expect((power[1]?.at ?? 0) - (power[0]?.at ?? 0)).toBeGreaterThanOrEqual(8 * 3600 * 1000);
    // The eight hours cost a handful of envelopes, not 864,000 ticks' worth.
    expect(rt.summary().handled - stepsBefore).toBeLessThan(25);
    expect(got.filter((e) => e.kind === 'tick').length).toBeGreaterThan(ticks.length);
  });
});
