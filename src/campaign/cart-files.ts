import { readFileSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeStaticData } from '../../hardware-sim/slot-watcher/static-data.js';
import { type CartFile, loadCartContent } from '../mission-control/cart-content.js';
import { type Catalog, buildCatalog } from '../mission-control/catalog.js';
import { MAX_CART_FILE_BYTES } from '../mission-control/limits.js';
import { projectRoot } from '../runtime/paths.js';

/** Where the shipped carts keep their `.lisp` content: `actors/cartridge/games/<cart>/*.lisp`. */
export const CARTRIDGES_DIR = new URL('actors/cartridge/games/', projectRoot);

/** The cart content shipped with nosh: every `.lisp` file beside each cart, and which carts are physical. */
export interface CartLibrary {
  readonly files: readonly CartFile[];
  /** Physical cartridges (not System baselines), kebab-case: the modules the content does not mark `:system`. */
  readonly carts: readonly string[];
  /** Each physical cart's ROM: its static-data block (its registration forms), for the slot watcher. */
  readonly roms: Readonly<Record<string, Uint8Array>>;
}

/** Every shipped cart file, in a fixed order (by cart, then file), named relative to the project root: the one loader. */
export function shippedCartFiles(root: URL = CARTRIDGES_DIR): CartFile[] {
  const out: CartFile[] = [];
  const carts = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const cart of carts) {
    const dir = new URL(`${cart}/`, root);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.lisp'))
      .sort();
    for (const f of files) out.push(readCartFile(fileURLToPath(new URL(f, dir))));
  }
  return out;
}

/** One cart file, refused past the size a cart file may have; named relative to the project root when inside it. */
export function readCartFile(path: string, root = fileURLToPath(projectRoot)): CartFile {
  const text = readFileSync(path, 'utf8');
  if (text.length > MAX_CART_FILE_BYTES) throw new Error(`${path}: ${text.length} characters; a cart file may have ${MAX_CART_FILE_BYTES}`);
  const rel = relative(root, path);
  return { path: rel.startsWith('..') ? path : rel, text };
}

/** The shipped carts as a catalog ready for generation. */
export function shippedCatalog(): Catalog {
  return buildCatalog(loadCartContent(shippedCartFiles()));
}

/**
 * The library the deck boots with. Which carts are physical comes from the
 * content itself (a module not marked `:system`), so the list of carts and
 * baselines is written once, in the carts' own registration forms.
 */
export function loadCartLibrary(root: URL = CARTRIDGES_DIR): CartLibrary {
  const files = shippedCartFiles(root);
  const modules = buildCatalog(loadCartContent(files)).modules;
  const carts = modules.filter((m) => !m.system).map((m) => m.name).sort();
  const roms: Record<string, Uint8Array> = {};
  for (const cart of carts) {
    const registration = files.find((f) => f.path.endsWith(`${cart}/registration.lisp`));
    if (registration === undefined) throw new Error(`cart '${cart}' has no registration.lisp in ${fileURLToPath(root)}`);
    roms[cart] = encodeStaticData({ cart, registration: registration.text });
  }
  return { files, carts, roms };
}

export function loadScript(path: string | URL): { name: string; text: string } {
  const text = readFileSync(path, 'utf8');
  const name = typeof path === 'string' ? path : (path.pathname.split('/').pop() ?? 'script.lisp');
  return { name, text };
}

export const AUTOPILOT = new URL('actors/mission-runner/autopilot.lisp', projectRoot);
