import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CartFile } from '../../mission-control/cart-content.js';
import { type Problem, formatProblem, sortProblems } from '../../mission-control/problems.js';
import { validateSchemas } from '../../mission-control/validate.js';
import { projectRoot } from '../../runtime/paths.js';
import { readCartFile, shippedCartFiles } from '../../campaign/cart-files.js';
import { checkScript } from '../../campaign/script-check.js';
import { UsageError } from '../options.js';

/** `nosh validate-schema`: the given files checked beside the shipped carts they may refer to. */
export interface ValidateSchemaOptions {
  /** One JSON object per problem, a line each, for editors. */
  readonly json?: boolean;
  /** Operator scripts to check beside (or instead of) cart files. */
  readonly scripts?: readonly string[];
}

export function validateSchemaAction(paths: readonly string[], options: ValidateSchemaOptions = {}): void {
  const shipped = shippedCartFiles();
  const root = process.cwd();
  // A checked file that is also a shipped one is the same file: compare absolute paths, show the path as given.
  const shippedAbs = new Map(shipped.map((f) => [resolve(fileURLToPath(projectRoot), f.path), f]));
  const files: CartFile[] = [];
  const fileProblems: Problem[] = [];
  for (const p of paths) {
    let text: string;
    try {
      text = readCartFile(resolve(root, p)).text;
    } catch (err) {
      throw new Error(`cannot read ${p}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    shippedAbs.delete(resolve(root, p));
    const unfit = unfitText(p, text);
    if (unfit !== undefined) fileProblems.push(unfit);
    else files.push({ path: p, text });
  }
  for (const p of options.scripts ?? []) {
    let text: string;
    try {
      text = readFileSync(resolve(root, p), 'utf8');
    } catch (err) {
      throw new UsageError(`--script ${p}: cannot read it: ${err instanceof Error ? err.message : String(err)}`);
    }
    fileProblems.push(...(unfitScript(p, text) ?? checkScript(p, text)));
  }
  const report = files.length === 0 ? { problems: [], schemas: 0 } : validateSchemas(files, [...shippedAbs.values()]);
  const problems = sortProblems([...fileProblems, ...report.problems]);
  for (const problem of problems) process.stdout.write(`${options.json === true ? JSON.stringify(problemJson(problem)) : formatProblem(problem)}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${paths.length} file${paths.length === 1 ? '' : 's'}\n`);
    process.exitCode = 1;
    return;
  }
  // Under --json stdout holds problems only, so an editor reads an empty stream as clean.
  const scripts = options.scripts?.length ?? 0;
  (options.json === true ? process.stderr : process.stdout).write(`ok: ${report.schemas} schema${report.schemas === 1 ? '' : 's'} in ${paths.length} file${paths.length === 1 ? '' : 's'}${scripts === 0 ? '' : `, ${scripts} script${scripts === 1 ? '' : 's'}`}\n`);
}


/**
 * A file the reader should not be given: a binary file read as Lisp fails on
 * some stray bracket ("1:51: unexpected ']'"), and an empty one passed as
 * "ok: 0 schemas" (issue 17). Both are problems of the file, at 1:1.
 */
function unfitText(path: string, text: string): Problem | undefined {
  const at = { line: 1, col: 1, source: path };
  const nul = text.indexOf('\u0000');
  const bad = nul >= 0 ? nul : text.indexOf('\uFFFD');
  if (bad >= 0) return { pos: at, message: `not a text file: byte ${bad} is ${nul >= 0 ? 'NUL' : 'not UTF-8'}; a cart file is Lisp source in UTF-8` };
  if (/^(?:\s|;[^\n]*)*$/.test(text)) return { pos: at, message: 'the file holds no forms: a cart file declares at least one schema or registration' };
  return undefined;
}

/** What `--json` prints per problem: the shape editors' problem matchers read. */
function problemJson(p: Problem): { file: string | null; line: number | null; col: number | null; severity: 'error' | 'warning'; message: string } {
  return { file: p.pos?.source ?? null, line: p.pos?.line ?? null, col: p.pos?.col ?? null, severity: p.severity ?? 'error', message: p.message };
}

/** A script that is binary is refused as a cart file is; an empty script is fine to check (it does nothing). */
function unfitScript(path: string, text: string): Problem[] | undefined {
  const p = unfitText(path, text);
  return p === undefined || p.message.startsWith('the file holds no forms') ? undefined : [p];
}
