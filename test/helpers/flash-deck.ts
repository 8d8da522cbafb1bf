import { hardwareCatalog } from '../../actors/catalog.js';
import type { FlashState } from '../../hardware-sim/flash/actor.js';
import type { Placement } from '../../src/runtime/coordinator.js';
import type { Envelope } from '../../src/runtime/envelope.js';
import { rngFromSeed } from '../../src/runtime/rng.js';
import { Runtime } from '../../src/runtime/runtime.js';
import { MemorySink } from '../../src/runtime/trace/memory-sink.js';

/** A runtime with only the `flash` actor on it, and everything it says to the outside. */
export interface FlashDeck {
  readonly rt: Runtime;
  readonly got: Envelope[];
  readonly trace: MemorySink;
  /** Bodies of the outside's envelopes of one kind, in order. */
  bodies<T>(kind: string): T[];
  /** The marks of one name the flash put on the trace, by their args. */
  marks(name: string): Array<Record<string, unknown>>;
  /** Ask the flash for its state and run until it answers. */
  read(): Promise<FlashState>;
}

export async function flashDeck(placement: Placement, args: Record<string, unknown>): Promise<FlashDeck> {
  const trace = new MemorySink();
  const rt = new Runtime({ seed: 11, catalog: hardwareCatalog, placement, sinks: [trace] });
  const got: Envelope[] = [];
  rt.external$.subscribe((e) => got.push(e));
  await rt.spawn('flash', { args });
  const bodies = <T>(kind: string): T[] => got.filter((e) => e.kind === kind).map((e) => e.body as T);
  return {
    rt,
    got,
    trace,
    bodies,
    marks: (name) => trace.of('mark').filter((m) => m.actor === 'flash' && m.name === name).map((m) => m.args ?? {}),
    read: async () => {
      const before = bodies('flash/state').length;
      rt.send('flash', 'flash/read', {});
      await rt.run(rt.tick + 2);
      const states = bodies<FlashState>('flash/state');
      if (states.length !== before + 1) throw new Error(`flash answered ${states.length - before} reads`);
      return states[states.length - 1] as FlashState;
    },
  };
}

/** Seeded deck-state bytes, base64 as `flash/write` takes them. */
export function seededState(i: number, size: number): string {
  const rng = rngFromSeed(`flash-state:${i}`);
  const bytes = new Uint8Array(size);
  for (let j = 0; j < size; j++) bytes[j] = rng.int(256);
  return Buffer.from(bytes).toString('base64');
}
