import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CartFile } from '../../mission-control/cart-content.js';
import { formatProblem } from '../../mission-control/problems.js';
import { validateSchemas } from '../../mission-control/validate.js';
import { projectRoot } from '../../runtime/paths.js';
import { readCartFile, shippedCartFiles } from '../../campaign/cart-files.js';

/** `nosh validate-schema`: the given files checked beside the shipped carts they may refer to. */
export function validateSchemaAction(paths: readonly string[]): void {
  const shipped = shippedCartFiles();
  const root = process.cwd();
  // A checked file that is also a shipped one is the same file: compare absolute paths, show the path as given.
  const shippedAbs = new Map(shipped.map((f) => [resolve(fileURLToPath(projectRoot), f.path), f]));
  const files: CartFile[] = [];
  for (const p of paths) {
    let text: string;
    try {
      text = readCartFile(resolve(root, p)).text;
    } catch (err) {
      throw new Error(`cannot read ${p}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    files.push({ path: p, text });
    shippedAbs.delete(resolve(root, p));
  }
  const report = validateSchemas(files, [...shippedAbs.values()]);
  for (const problem of report.problems) process.stdout.write(`${formatProblem(problem)}\n`);
  if (report.problems.length > 0) {
    process.stderr.write(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${paths.length} file${paths.length === 1 ? '' : 's'}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`ok: ${report.schemas} schema${report.schemas === 1 ? '' : 's'} in ${paths.length} file${paths.length === 1 ? '' : 's'}\n`);
}

