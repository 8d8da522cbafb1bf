// The build's inputs, fingerprinted. `npm run build` ends with `write`; `prepare` runs
// `check` and builds only when it fails. Why: npm runs `prepare` whenever it links this
// folder somewhere, and `npx nosh` in a clone does just that (it links the folder into
// npx's cache to find the bin), as does `npm pack`. A build that is already current must
// cost nothing there, not a second 10–120 s compile (issue 13).
// Plain JavaScript at the top of .ci/ (the project's top level is fixed): it runs before
// anything is compiled.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const stamp = join(root, 'dist', '.build-inputs');
/** What `tsc -p tsconfig.json` compiles (its `include`) and what says how: compiler, bundler, dependencies. */
const DIRS = ['src', 'actors', 'workers', 'hardware-sim', 'bench', 'test'];
const FILES = ['package.json', 'package-lock.json', 'tsconfig.json'];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs|json)$/;

function inputsHash() {
  const paths = [...FILES];
  for (const dir of DIRS) {
    if (!existsSync(join(root, dir))) continue;
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && SOURCE.test(entry.name)) paths.push(join(entry.parentPath ?? entry.path, entry.name).slice(root.length));
    }
  }
  const hash = createHash('sha256');
  for (const path of paths.sort()) {
    hash.update(`${path}\0`);
    hash.update(existsSync(join(root, path)) ? readFileSync(join(root, path)) : '(none)');
    hash.update('\0');
  }
  return hash.digest('hex');
}

const mode = process.argv[2];
if (mode === 'write') {
  writeFileSync(stamp, `${inputsHash()}\n`);
} else if (mode === 'check') {
  const built = existsSync(stamp) && existsSync(join(root, 'dist', 'src', 'cli', 'main.js')) ? readFileSync(stamp, 'utf8').trim() : null;
  if (built !== inputsHash()) {
    process.stderr.write(built === null ? 'nosh: no build yet, building\n' : 'nosh: sources changed since the last build, building\n');
    process.exit(1);
  }
} else {
  process.stderr.write('usage: node .ci/build-stamp.mjs write|check\n');
  process.exit(2);
}
