import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
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

/**
 * A flash image: kept between runs, so read and written in place. It may not exist yet (the first
 * run makes it), but its folder must: a mistyped folder is a usage error now, not a deck whose
 * flash chip fails to open and a campaign that plays no mission.
 */
export function flashImage(flag: string): (value: string) => string {
  return (value) => {
    const path = resolve(value);
    refuseKernel(flag, value, path);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) throw new InvalidArgumentError(`${flag} ${value}: is a folder; give the image's file name (it is made on the first run).`);
      writable(flag, value, path);
      return value;
    }
    const folder = dirname(path);
    if (!existsSync(folder)) throw new InvalidArgumentError(`${flag} ${value}: the folder ${folder} does not exist (the image is made on the first run, its folder is not).`);
    if (!statSync(folder).isDirectory()) throw new InvalidArgumentError(`${flag} ${value}: ${folder} is a file, not a folder.`);
    writable(flag, value, folder);
    return value;
  };
}

/** A text file to read (a script): read now, so a missing file or a folder is the flag's error, not a raw ENOENT. */
export function inputText(flag: string): (value: string) => { readonly name: string; readonly text: string } {
  return (value) => {
    const path = resolve(value);
    if (!existsSync(path)) throw new InvalidArgumentError(`${flag} ${value}: no such file.`);
    if (statSync(path).isDirectory()) throw new InvalidArgumentError(`${flag} ${value}: is a folder; give a file.`);
    try {
      return { name: value, text: readFileSync(path, 'utf8') };
    } catch (err) {
      throw new InvalidArgumentError(`${flag} ${value}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
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
