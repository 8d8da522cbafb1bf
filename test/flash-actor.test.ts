import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hardwareCatalog } from '../actors/catalog.js';
import type { FlashState } from '../hardware-sim/flash/actor.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const text = (b: string | null): string | null => (b === null ? null : Buffer.from(b, 'base64').toString());

describe('the flash actor (threads placement, image file on disk)', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  async function deck(image: string): Promise<{ rt: Runtime; got: Envelope[]; trace: MemorySink }> {
    const trace = new MemorySink();
    const runtime = new Runtime({ seed: 1, catalog: hardwareCatalog, placement: 'threads', sinks: [trace] });
    await runtime.spawn('flash', { args: { image, cyclesPerTick: 50_000 } });
    const got: Envelope[] = [];
    runtime.external$.subscribe((e) => got.push(e));
    return { rt: runtime, got, trace };
  }

  it('commits take the chip time they cost, and a second run on the same image reads what the first wrote', async () => {
    const image = join(mkdtempSync(join(tmpdir(), 'nosh-flash-actor-')), 'deck.img');
    const first = await deck(image);
    rt = first.rt;
    rt.send('flash', 'flash/write', { state: b64('credits=100'), tag: 'a' });
    rt.send('flash', 'flash/write', { state: b64('credits=250'), tag: 'b' }, { after: 20 });
    await rt.run(60);
    const acks = first.got.filter((e) => e.kind === 'flash/ack');
    expect(acks.map((e) => (e.body as { tag: string }).tag)).toEqual(['a', 'b']);
    // The first commit erased a block (45k cycles) and programmed a page: over one 50k-cycle tick.
    expect(acks[0]?.tick).toBeGreaterThan(2);
    await rt.shutdown();

    const second = await deck(image);
    rt = second.rt;
    rt.send('flash', 'flash/read', {});
    await rt.run(3);
    const state = second.got.find((e) => e.kind === 'flash/state')?.body as FlashState;
    expect(text(state.state)).toBe('credits=250');
    expect(state).toMatchObject({ seq: 2, created: false });
  });

  it('power lost mid-commit: the writer hears it, and power-on finds the state from before', async () => {
    const image = join(mkdtempSync(join(tmpdir(), 'nosh-flash-actor-')), 'deck.img');
    const d = await deck(image);
    rt = d.rt;
    rt.send('flash', 'flash/write', { state: b64('before') });
    rt.send('flash', 'flash/arm-power-cut', { afterSteps: 1, seed: 4 }, { after: 10 });
    rt.send('flash', 'flash/write', { state: b64('after, never whole') }, { after: 11 });
    rt.send('flash', 'flash/power-on', {}, { after: 20 });
    await rt.run(40);
    expect(d.got.map((e) => e.kind)).toEqual(['flash/ack', 'flash/power-lost', 'flash/state']);
    const state = d.got[2]?.body as FlashState;
    expect(text(state.state)).toBe('before');
    expect(d.trace.of('mark').map((m) => m.name)).toContain('power lost');
  });
});
