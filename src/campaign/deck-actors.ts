import { newChipMemory } from '../../hardware-sim/flash/chip-memory.js';
import { newSlotContacts } from '../../hardware-sim/slot-watcher/actor.js';
import type { Runtime } from '../runtime/runtime.js';
import type { CartLibrary } from './cart-files.js';

/** How a deck is put together: the same for a campaign and for the REPL's live deck. */
export interface DeckWiring {
  readonly seed: number;
  readonly library: CartLibrary;
  /** Flash image file; null: a chip in shared memory (it outlives its controller, not the run). */
  readonly flash: string | null;
  /** Who operates the deck: the Mission Runner actor, or a `$` address outside. */
  readonly operator: string;
  /** A cart in the slot at power-on. */
  readonly seated?: string | null;
  /** Test only (`--skim-credit N`). */
  readonly skimAt?: number | null;
  /** Who besides the display hears CIPHER's lines. */
  readonly cipherWatchers?: readonly string[];
}

/**
 * Spawn the deck's hardware, CIPHER, the hold ticker and Mission Control.
 * What is physical (the chip's cells, the slot's contacts) lives in shared
 * memory and what is wiring is given at spawn, so any of these actors can
 * restart (a crash, a reboot) and find the deck as it was.
 */
export async function spawnDeckActors(rt: Runtime, w: DeckWiring): Promise<void> {
  await rt.spawn('flash', { args: w.flash === null ? { image: null, memory: newChipMemory() } : { image: w.flash } });
  await rt.spawn('clock');
  await rt.spawn('slot-watcher', { args: { carts: w.library.roms, contacts: newSlotContacts(), watchers: ['mission-control'] } });
  await rt.spawn('display', { args: null });
  await rt.spawn('cipher', { args: { watchers: [...(w.cipherWatchers ?? [])], display: 'display' } });
  await rt.spawn('hold-ticker');
  await rt.spawn('mission-control', {
    args: { seed: w.seed, cartFiles: w.library.files, owned: w.library.carts, operator: w.operator, seated: w.seated ?? null, skimAt: w.skimAt ?? null },
  });
}
