import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { hardwareCatalog } from '../actors/catalog.js';
import flashActor, { type FlashState } from '../hardware-sim/flash/actor.js';
import { chipMemoryBytes, chipOnMemory, newChipMemory } from '../hardware-sim/flash/chip-memory.js';
import { LogStore } from '../hardware-sim/flash/log-store.js';
import type { Placement } from '../src/runtime/coordinator.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const text = (b: string | null): string | null => (b === null ? null : Buffer.from(b, 'base64').toString());

describe('a chip on shared memory outlives its controller', () => {
  it('a second chip on the same memory mounts what the first committed, erase counts and all', () => {
    const memory = newChipMemory();
    expect(memory.byteLength).toBe(chipMemoryBytes());
    const first = chipOnMemory(memory);
    const { store } = LogStore.mount(first);
    store.commit(new TextEncoder().encode('balance=900'));
    store.commit(new TextEncoder().encode('balance=1500'));
    const second = chipOnMemory(memory);
    expect(new TextDecoder().decode(LogStore.mount(second).state as Uint8Array)).toBe('balance=1500');
    expect(second.eraseCount(0)).toBe(1);
    second.markDefective(5);
    expect(chipOnMemory(memory).defectiveBlocks).toEqual([5]);
  });

  it('the flash actor refuses memory that is not a chip of its geometry, and an image and memory at once', () => {
    const args = flashActor.args as v.GenericSchema;
    const wrong = v.safeParse(args, { image: null, memory: new SharedArrayBuffer(1024) });
    expect(wrong.success).toBe(false);
    expect(wrong.issues?.[0]?.message).toMatch(/SharedArrayBuffer of \d+ bytes from newChipMemory\(\), got one of 1024 bytes/);
    const both = v.safeParse(args, { image: '/tmp/deck.img', memory: newChipMemory() });
    expect(both.issues?.[0]?.message).toBe('give the chip an image file or shared memory, not both');
    expect(v.safeParse(args, { image: null, memory: newChipMemory() }).success).toBe(true);
  });

  for (const placement of ['inline', 'threads'] satisfies Placement[]) {
    describe(`${placement} placement`, () => {
      let rt: Runtime | null = null;
      afterEach(async () => {
        await rt?.shutdown();
        rt = null;
      });

      it('a flash actor killed and restarted by its supervisor re-mounts the committed state', async () => {
        const trace = new MemorySink();
        rt = new Runtime({ seed: 3, catalog: hardwareCatalog, placement, sinks: [trace] });
        const got: Envelope[] = [];
        rt.external$.subscribe((e) => got.push(e));
        await rt.spawn('flash', { args: { image: null, memory: newChipMemory() } });
        const firstThread = (await rt.inspect('flash')).threadId;
        rt.send('flash', 'flash/write', { state: b64('credits=100'), tag: 'a' });
        rt.send('flash', 'flash/write', { state: b64('credits=700'), tag: 'b' }, { after: 3 });
        await rt.run(10);
        expect(got.filter((e) => e.kind === 'flash/ack').map((e) => (e.body as { tag: string }).tag)).toEqual(['a', 'b']);

        rt.kill('flash');
        await rt.run(40);
        expect(trace.of('restart').filter((r) => r.actor === 'flash').map((r) => r.incarnation)).toEqual([1]);
        const seen = await rt.inspect('flash');
        expect(seen.incarnation).toBe(1);
        if (placement === 'threads') expect(seen.threadId).not.toBe(firstThread);

        rt.send('flash', 'flash/read', {});
        await rt.run(45);
        const state = got.find((e) => e.kind === 'flash/state')?.body as FlashState;
        expect(text(state.state)).toBe('credits=700');
        expect(state).toMatchObject({ seq: 2, damaged: false, created: false });
      });
    });
  }
});
