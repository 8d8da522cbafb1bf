import { afterEach, describe, expect, it } from 'vitest';
import { hardwareCatalog } from '../actors/catalog.js';
import { ROW_BYTES } from '../hardware-sim/display/bus.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';

describe('the display actor', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('on its own worker: draws, sends frames to watchers, and marks tears on the trace', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 1, catalog: hardwareCatalog, placement: 'threads', sinks: [trace] });
    // A slow bus: 20 rows per tick.
    await rt.spawn('display', { args: { cyclesPerTick: 20 * ROW_BYTES, cyclesPerByte: 1 } });
    const frames: Envelope[] = [];
    rt.external$.subscribe((e) => frames.push(e));
    rt.send('display', 'display/watch', { to: '$frames' });
    const text = Array.from({ length: 75 }, (_, r) => ({ op: 'text' as const, row: r, col: 0, text: `line ${r}` }));
    rt.send('display', 'display/draw', { commands: [{ op: 'clear' }, ...text], present: true }, { after: 2 });
    await rt.run(20);
    const tears = trace.of('mark').filter((m) => m.name === 'display tear');
    expect(tears).toHaveLength(1);
    expect(frames.map((f) => f.kind)).toEqual(['display/frame']);
    expect((frames[0]?.body as { rows: string[] }).rows[74]?.trimEnd()).toBe('line 74');
    // Four ticks of bus time for 75 rows at 20 a tick.
    expect((frames[0]?.tick ?? 0) - 2).toBe(5);
    const seen = await rt.inspect('display');
    expect(seen.state).toMatchObject({ frames: 1, tears: 1, drops: 0 });
  });

  it('rejects a malformed draw command with an error naming the field', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 1, catalog: hardwareCatalog, placement: 'inline', sinks: [trace] });
    await rt.spawn('display');
    rt.send('display', 'display/draw', { commands: [{ op: 'text', row: 99, col: 0, text: 'x' }] });
    await rt.run(3);
    expect(trace.of('reject')[0]?.field).toBe('body.commands.0.row');
  });
});
