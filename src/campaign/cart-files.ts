import { readFileSync, readdirSync } from 'node:fs';
import { encodeStaticData } from '../../hardware-sim/slot-watcher/static-data.js';
import { projectRoot } from '../runtime/paths.js';

/** The cart content shipped with nosh: every `.lisp` file beside each cart, and which carts are physical. */
export interface CartLibrary {
  readonly files: ReadonlyArray<{ path: string; text: string }>;
  /** Physical cartridges (not System baselines), kebab-case. */
  readonly carts: readonly string[];
  /** Each physical cart's ROM: its static-data block (its registration forms), for the slot watcher. */
  readonly roms: Readonly<Record<string, Uint8Array>>;
}

const BASELINES = new Set(['terminal', 'grid', 'audit', 'sonar']);

export function loadCartLibrary(root: URL = new URL('actors/cartridges/', projectRoot)): CartLibrary {
  const files: Array<{ path: string; text: string }> = [];
  const carts: string[] = [];
  const roms: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = new URL(`${entry.name}/`, root);
    const lisp = readdirSync(dir).filter((f) => f.endsWith('.lisp')).sort();
    for (const f of lisp) files.push({ path: `actors/cartridges/${entry.name}/${f}`, text: readFileSync(new URL(f, dir), 'utf8') });
    if (lisp.includes('registration.lisp') && !BASELINES.has(entry.name)) {
      carts.push(entry.name);
      roms[entry.name] = encodeStaticData({ cart: entry.name, registration: readFileSync(new URL('registration.lisp', dir), 'utf8') });
    }
  }
  return { files, carts, roms };
}

export function loadScript(path: string | URL): { name: string; text: string } {
  const url = typeof path === 'string' ? path : path;
  const text = readFileSync(url, 'utf8');
  const name = typeof path === 'string' ? path : (path.pathname.split('/').pop() ?? 'script.lisp');
  return { name, text };
}

export const AUTOPILOT = new URL('actors/mission-runner/autopilot.lisp', projectRoot);
