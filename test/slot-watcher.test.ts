import { afterEach, describe, expect, it } from 'vitest';
import { hardwareCatalog } from '../actors/catalog.js';
import { DEFAULT_DEBOUNCE, contactBounce, settleCycle } from '../hardware-sim/slot-watcher/bounce.js';
import type { SlotChanged } from '../hardware-sim/slot-watcher/inbox.js';
import { StaticDataError, decodeStaticData, encodeStaticData } from '../hardware-sim/slot-watcher/static-data.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { rngFromSeed } from '../src/runtime/rng.js';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';

const registration = '(register-capabilities :module :ice-breaker :bit 0x01 :provides \'(:network-penetration))';

describe('contact bounce and debounce', () => {
  it('settles at the first sample that completes a full window of the final level', () => {
    const { sampleEveryCycles: every, stableSamples } = DEFAULT_DEBOUNCE;
    for (let seed = 0; seed < 200; seed++) {
      const bounce = contactBounce(rngFromSeed(`b${seed}`), seed % 2 === 0);
      // The level a sample reads: flipped once per edge at or before it, starting opposite to final.
      const sample = (cycle: number): boolean => (bounce.transitions.filter((t) => t <= cycle).length % 2 === 1 ? bounce.final : !bounce.final);
      const settle = settleCycle(bounce);
      expect(settle % every).toBe(0);
      for (let k = 0; k < stableSamples; k++) expect(sample(settle - k * every)).toBe(bounce.final);
      // One sample earlier the window was not yet complete.
      const earlier = Array.from({ length: stableSamples }, (_, k) => sample(settle - every - k * every));
      expect(earlier.every((level) => level === bounce.final) && settle - stableSamples * every >= 0).toBe(false);
      const last = bounce.transitions[bounce.transitions.length - 1] as number;
      expect(settle).toBeLessThanOrEqual(last + (stableSamples + 1) * every);
    }
  });

  it('bounces differently per seed and identically for the same seed', () => {
    const a = contactBounce(rngFromSeed('x'), true);
    expect(contactBounce(rngFromSeed('x'), true)).toEqual(a);
    expect(contactBounce(rngFromSeed('y'), true)).not.toEqual(a);
  });
});

describe('cartridge static-data block', () => {
  it('round-trips and refuses a damaged or foreign block with a reason', () => {
    const rom = encodeStaticData({ cart: 'ice-breaker', registration });
    expect(decodeStaticData(rom)).toEqual({ cart: 'ice-breaker', registration });
    const dirty = rom.slice();
    dirty[20] = (dirty[20] as number) ^ 0x04;
    expect(() => decodeStaticData(dirty)).toThrow(/fails its CRC/);
    expect(() => decodeStaticData(new TextEncoder().encode('JUNKJUNKJUNKJUNKJUNK'))).toThrow(StaticDataError);
  });
});

describe('the slot watcher actor', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  async function slot(placement: 'threads' | 'inline', carts: Record<string, Uint8Array>): Promise<{ rt: Runtime; changes: Array<Envelope<string, SlotChanged>>; trace: MemorySink }> {
    const trace = new MemorySink();
    const runtime = new Runtime({ seed: 3, catalog: hardwareCatalog, placement, sinks: [trace] });
    await runtime.spawn('slot-watcher', { args: { carts, cyclesPerTick: 20_000 } });
    const changes: Array<Envelope<string, SlotChanged>> = [];
    runtime.external$.subscribe((e) => changes.push(e as Envelope<string, SlotChanged>));
    runtime.send('slot-watcher', 'slot/watch', { to: '$deck' });
    return { rt: runtime, changes, trace };
  }

  it('reports a settled insertion with the cart registration, after the bounce, on its own worker', async () => {
    const s = await slot('threads', { 'ice-breaker': encodeStaticData({ cart: 'ice-breaker', registration }) });
    rt = s.rt;
    rt.send('slot-watcher', 'slot/insert', { cart: 'ice-breaker' }, { after: 2 });
    await rt.run(40);
    expect(s.changes).toHaveLength(1);
    const change = s.changes[0]?.body;
    expect(change).toMatchObject({ cart: 'ice-breaker', previous: null, registration, yanked: false, error: null });
    // The bounce took real (simulated) time: at 20k cycles a tick, more than one tick.
    expect(change?.settleCycles).toBeGreaterThan(20_000);
    expect((s.changes[0]?.tick ?? 0) - 2).toBe(Math.ceil((change?.settleCycles ?? 0) / 20_000) + 1);
  });

  it('a yank mid-mission is reported at once; a busy slot refuses a second cart', async () => {
    const roms = { 'ice-breaker': encodeStaticData({ cart: 'ice-breaker', registration }), neongrid: encodeStaticData({ cart: 'neongrid', registration: '(register-capabilities :module :neongrid)' }) };
    const s = await slot('inline', roms);
    rt = s.rt;
    rt.send('slot-watcher', 'slot/insert', { cart: 'ice-breaker' });
    await rt.run(30);
    rt.send('slot-watcher', 'slot/insert', { cart: 'neongrid' });
    rt.send('slot-watcher', 'slot/yank', {}, { after: 2 });
    await rt.run(40);
    expect(s.trace.of('mark').map((m) => m.name)).toContain('slot busy');
    expect(s.changes.map((c) => [c.body.cart, c.body.previous, c.body.yanked])).toEqual([
      ['ice-breaker', null, false],
      [null, 'ice-breaker', true],
    ]);
    expect(s.changes[1]?.tick).toBe(33);
  });

  it('an unreadable cart is reported with the reason, and the slot counts as empty', async () => {
    const rom = encodeStaticData({ cart: 'depthcharge', registration: '(register-capabilities :module :depthcharge)' });
    rom[rom.length - 10] = (rom[rom.length - 10] as number) ^ 0xff;
    const s = await slot('inline', { depthcharge: rom });
    rt = s.rt;
    rt.send('slot-watcher', 'slot/insert', { cart: 'depthcharge' });
    rt.send('slot-watcher', 'slot/insert', { cart: 'nothing-like-it' }, { after: 30 });
    await rt.run(60);
    expect(s.changes.map((c) => [c.body.cart, c.body.error])).toEqual([
      [null, 'depthcharge: static data block fails its CRC (dirty contacts or a damaged ROM)'],
      [null, "no cartridge 'nothing-like-it' in the library (have: depthcharge)"],
    ]);
  });
});
