import { afterEach, describe, expect, it } from 'vitest';
import { hardwareCatalog } from '../actors/catalog.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';

/** Ticks the clock sent to `to`, by the tick they were sent for. */
function ticksTo(got: readonly Envelope[], to: string): number[] {
  return got.filter((e) => e.kind === 'tick' && e.to === to).map((e) => (e.body as { tick: number }).tick);
}

describe('a subscriber that joins while a slower beat is pending', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('is ticked at its own rate from the next tick, not at the slow subscriber\'s next beat', async () => {
    rt = new Runtime({ seed: 1, catalog: hardwareCatalog, placement: 'inline' });
    await rt.spawn('clock');
    const got: Envelope[] = [];
    rt.external$.subscribe((e) => got.push(e));
    // Mission Control's board decay: one beat every 900 ticks, pending from tick 1.
    rt.send('clock', 'clock/subscribe', { to: '$decay', every: 900 });
    await rt.run(100);
    // The hold ticker joins at tick 100 (a mission was accepted) and must hear every tick.
    rt.send('clock', 'clock/subscribe', { to: '$holds', every: 1 });
    await rt.run(140);
    const holds = ticksTo(got, '$holds');
    expect(holds.length).toBeGreaterThanOrEqual(35);
    // It subscribed at tick 101 (sent at 100): it hears tick 101 at once, then every tick.
    expect(holds.slice(0, 5)).toEqual([101, 102, 103, 104, 105]);
    for (let i = 1; i < holds.length; i++) expect(holds[i]).toBe((holds[i - 1] as number) + 1);
    // Leaving the fast subscriber does not disturb the slow one's own beat.
    rt.send('clock', 'clock/unsubscribe', { to: '$holds' });
    await rt.run(2_000);
    expect(ticksTo(got, '$decay')).toEqual([900, 1800]);
  });

  it('ticks each subscriber once per due tick however often others come and go (a stale beat is ignored)', async () => {
    rt = new Runtime({ seed: 1, catalog: hardwareCatalog, placement: 'inline' });
    await rt.spawn('clock');
    const got: Envelope[] = [];
    rt.external$.subscribe((e) => got.push(e));
    rt.send('clock', 'clock/subscribe', { to: '$decay', every: 900 });
    for (let i = 0; i < 20; i++) {
      rt.send('clock', 'clock/subscribe', { to: '$holds', every: 1 });
      await rt.run(rt.tick + 5);
      rt.send('clock', 'clock/unsubscribe', { to: '$holds' });
      await rt.run(rt.tick + 5);
    }
    await rt.run(3_700);
    expect(ticksTo(got, '$decay')).toEqual([900, 1800, 2700, 3600]);
    const before = rt.summary().handled;
    await rt.run(3_700 + 9_000);
    // Idle but for the slow subscriber: a beat and a tick per 900 ticks.
    expect(rt.summary().handled - before).toBe(20);
  });
});
