import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { type CartFile, loadCartContent } from '../mission-control/cart-content.js';
import { type Catalog, buildCatalog } from '../mission-control/catalog.js';
import { MAX_CART_FILE_BYTES } from '../mission-control/limits.js';
import { projectRoot } from '../runtime/paths.js';

/** Where the shipped carts keep their `.lisp` content: `actors/cartridges/<cart>/*.lisp`. */
export const CARTRIDGES_DIR = new URL('actors/cartridges/', projectRoot);

/** Every shipped cart file, in a fixed order (by cart, then file), named relative to the project root. */
export function shippedCartFiles(): CartFile[] {
  const root = fileURLToPath(projectRoot);
  const out: CartFile[] = [];
  const carts = readdirSync(CARTRIDGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const cart of carts) {
    const dir = new URL(`${cart}/`, CARTRIDGES_DIR);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.lisp'))
      .sort();
    for (const f of files) out.push(readCartFile(fileURLToPath(new URL(f, dir)), root));
  }
  return out;
}

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
