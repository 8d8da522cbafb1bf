import { accessSync, constants, existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';

/**
 * Output paths (`--report`, `--trace`, `--frames`…) are checked when the
 * command line is read, before any work starts, so an hour's soak never ends
 * on "cannot write". Kernel file systems are refused outright: creating a
 * folder under /proc hangs Node.
 */
const KERNEL_FS = ['/proc', '/sys', '/dev'];

/** A folder to write into: it exists or can be made, and is writable. Made now. */
export function outputDir(flag: string): (value: string) => string {
  return (value) => {
    const path = resolve(value);
    refuseKernel(flag, value, path);
    if (existsSync(path) && !statSync(path).isDirectory()) throw new InvalidArgumentError(`${flag} ${value}: is a file, not a folder.`);
    writableAncestor(flag, value, path);
    try {
      mkdirSync(path, { recursive: true });
    } catch (err) {
      throw new InvalidArgumentError(`${flag} ${value}: cannot make the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
    return value;
  };
}

/** A file to write: not a folder, in a folder that exists or can be made, writable. */
export function outputFile(flag: string): (value: string) => string {
  return (value) => {
    const path = resolve(value);
    refuseKernel(flag, value, path);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) throw new InvalidArgumentError(`${flag} ${value}: is a folder; give a file name.`);
      writable(flag, value, path);
      return value;
    }
    writableAncestor(flag, value, dirname(path));
    return value;
  };
}

function refuseKernel(flag: string, value: string, path: string): void {
  const real = realOfNearest(path);
  for (const root of KERNEL_FS) {
    if (path === root || path.startsWith(`${root}/`) || real === root || real.startsWith(`${root}/`)) throw new InvalidArgumentError(`${flag} ${value}: ${root} is a kernel file system, not a place for output.`);
  }
}

/** The nearest existing folder at or above `path` must be writable (whatever is missing below it is made). */
function writableAncestor(flag: string, value: string, path: string): void {
  let at = path;
  while (!existsSync(at)) at = dirname(at);
  if (!statSync(at).isDirectory()) throw new InvalidArgumentError(`${flag} ${value}: ${at} is a file, so nothing can be made under it.`);
  writable(flag, value, at);
}

function writable(flag: string, value: string, path: string): void {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new InvalidArgumentError(`${flag} ${value}: ${path} is not writable.`);
  }
}

function realOfNearest(path: string): string {
  let at = path;
  while (!existsSync(at)) at = dirname(at);
  const real = realpathSync(at);
  return at === path ? real : resolve(real, path.slice(at.length + 1));
}
