import type { ActorCatalog } from '../src/runtime/catalog.js';
import { distUrl } from '../src/runtime/paths.js';

/**
 * Every actor by name. Behaviours are loaded from the bundled build
 * (`dist/bundle/`, one file per actor plus shared chunks) so a worker starts
 * in tens of milliseconds rather than resolving hundreds of package files.
 */
function bundled(path: string): string {
  return distUrl(`bundle/actors/${path}/actor.js`).href;
}

function hardware(path: string): string {
  return distUrl(`bundle/hardware-sim/${path}/actor.js`).href;
}

/** The deck's hardware, simulated: actors like the others. */
export const hardwareCatalog: ActorCatalog = {
  display: hardware('display'),
  'slot-watcher': hardware('slot-watcher'),
  clock: hardware('clock'),
  flash: hardware('flash'),
};

/** Probes the benchmarks use. */
export const benchCatalog: ActorCatalog = {
  echo: bundled('bench/echo'),
  'swap-probe': bundled('bench/swap-probe'),
  cartridge: bundled('cartridge'),
};

/** The deck's own actors (the cartridge slot, the hold ticker) and its hardware. */
export const deckCatalog: ActorCatalog = {
  ...hardwareCatalog,
  cartridge: bundled('cartridge'),
  'hold-ticker': bundled('hold-ticker'),
  cipher: bundled('cipher'),
  'mission-control': bundled('mission-control'),
  'mission-runner': bundled('mission-runner'),
};
