import { readFileSync } from 'node:fs';

/** What `nosh bench --json` prints: suite → figure → number. */
export type BenchResults = Record<string, Record<string, number>>;

/** One figure in two runs; a figure only one run has is null on the other side. */
export interface FigureChange {
  readonly old: number | null;
  readonly new: number | null;
  /** new / old (null when either is missing or old is 0). */
  readonly ratio: number | null;
}

export type BenchComparison = Record<string, Record<string, FigureChange>>;

/** A bench file that cannot be read or is not a `nosh bench --json` output: the message names the file. */
export class BenchFileError extends Error {}

/** Most bytes a bench file may have (one is a few KiB). */
const MAX_FILE_BYTES = 4 * 2 ** 20;

/**
 * Read a saved `nosh bench --json` output. The file may hold the whole
 * stdout of such a run: the JSON object is its last non-empty line.
 */
export function readBenchFile(path: string): BenchResults {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new BenchFileError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (text.length > MAX_FILE_BYTES) throw new BenchFileError(`${path} has ${text.length} characters; a bench file has at most ${MAX_FILE_BYTES}`);
  const last = text.trim().split('\n').at(-1) ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(last);
  } catch (err) {
    throw new BenchFileError(`${path} is not JSON (${(err as Error).message}); save the output of nosh bench --json`);
  }
  const problem = shapeProblem(parsed);
  if (problem !== null) throw new BenchFileError(`${path} is not a nosh bench --json output: ${problem}`);
  return parsed as BenchResults;
}

function shapeProblem(x: unknown): string | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'expected an object keyed by suite';
  for (const [suite, figures] of Object.entries(x)) {
    if (typeof figures !== 'object' || figures === null || Array.isArray(figures)) return `suite '${suite}' is not an object of figures`;
    for (const [field, value] of Object.entries(figures as object)) {
      if (typeof value !== 'number') return `${suite}.${field} is not a number`;
    }
  }
  return null;
}

/** Every figure of either run, suite by suite (the new run's order first, then what only the old one had). */
export function compareResults(old: BenchResults, now: BenchResults): BenchComparison {
  const out: BenchComparison = {};
  for (const suite of union(Object.keys(now), Object.keys(old))) {
    const a = old[suite] ?? {};
    const b = now[suite] ?? {};
    const figures: Record<string, FigureChange> = {};
    for (const field of union(Object.keys(b), Object.keys(a))) {
      const o = a[field] ?? null;
      const n = b[field] ?? null;
      figures[field] = { old: o, new: n, ratio: o !== null && n !== null && o !== 0 ? n / o : null };
    }
    out[suite] = figures;
  }
  return out;
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

/** The change as people read it: `1.23× (+23.0%)`, or why there is none. */
export function changeText(c: FigureChange): string {
  if (c.old === null) return 'new';
  if (c.new === null) return 'gone';
  if (c.ratio === null) return c.new === c.old ? 'same' : `${c.old} → ${c.new}`;
  const pct = (c.ratio - 1) * 100;
  return `${c.ratio.toFixed(3)}× (${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%)`;
}
