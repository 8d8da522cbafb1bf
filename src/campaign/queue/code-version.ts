import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../../runtime/paths.js';

/** What a campaign's result depends on: the compiled code (actors, kernel, campaign layer, pool thread) and the shipped Lisp. */
const INPUTS: ReadonlyArray<{ readonly dir: string; readonly ends: string }> = [
  { dir: 'dist/src', ends: '.js' },
  { dir: 'dist/workers', ends: '.js' },
  { dir: 'dist/actors', ends: '.js' },
  { dir: 'dist/hardware-sim', ends: '.js' },
  { dir: 'dist/bundle', ends: '.js' },
  { dir: 'actors', ends: '.lisp' },
];

let cached: string | null = null;

/**
 * The build's fingerprint (16 hex digits of a SHA-256 over every file a campaign runs, by path
 * and content). Two builds with the same fingerprint play a campaign the same way, so a queue
 * worker takes only jobs of its own fingerprint: a worker of another build could not reproduce
 * the hashes a local soak would print. Deliberately strict: any change to the compiled code, even
 * one that could not change a trace, is another version.
 */
export function codeVersion(root: URL = projectRoot): string {
  if (cached !== null && root === projectRoot) return cached;
  const base = fileURLToPath(root);
  const files: string[] = [];
  for (const { dir, ends } of INPUTS) {
    let entries;
    try {
      entries = readdirSync(join(base, dir), { recursive: true, withFileTypes: true });
    } catch {
      continue; // a folder a build does not have (no hardware-sim actors, say) adds nothing
    }
    for (const e of entries) if (e.isFile() && e.name.endsWith(ends)) files.push(relative(base, join(e.parentPath, e.name)));
  }
  const hash = createHash('sha256');
  for (const path of files.sort()) hash.update(path).update('\0').update(readFileSync(join(base, path))).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  if (root === projectRoot) cached = version;
  return version;
}
