/**
 * `npm run mutants`: test the tests. Each mutant in this folder is one
 * realistic bug, written as an exact edit of one source file. For each, a
 * scratch copy of the project gets the edit, is built, and plays a bounded
 * faulted soak; the mutant is caught when the soak reports it (a violation,
 * or a campaign STOPPED with a reason). A caught mutant is replayed from the
 * command the soak printed, which must reproduce the same finding and hash.
 *
 *   node dist/test/mutants/run-mutants.js [--only id,id] [--keep] [--list]
 *
 * Prints a table, then one JSON line: {"mutants","caught","replayed","score"}.
 * Exit 0 when every caught mutant replayed and the score reaches the bar
 * (0.9 for the whole catalogue; every one for --only), 1 otherwise, 2 for a
 * bad command line or a mutant that no longer applies.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { projectRoot } from '../../src/runtime/paths.js';

export interface Mutant {
  readonly id: string;
  /** The rule family it breaks (issue 12's list: banking vs escrow, reputation penalties, …). */
  readonly family: string;
  /** The bug, as a reviewer would describe it. */
  readonly bug: string;
  readonly file: string;
  /** Exact text, found exactly once in `file`, and what it becomes. */
  readonly find: string;
  readonly replace: string;
  /** The invariants (or `stopped`) expected to notice: documentation, and what the table compares with. */
  readonly expect: readonly string[];
  /** The soak it plays (default: DEFAULT_SOAK). */
  readonly soak?: readonly string[];
}

export interface MutantResult {
  readonly id: string;
  readonly family: string;
  readonly caught: boolean;
  /** What reported it: invariant names, `stopped`, `failed`. */
  readonly by: readonly string[];
  readonly replayed: boolean;
  readonly seconds: number;
  readonly note: string;
}

/** Sized for a 2-core machine: enough campaigns and missions, with every kind of fault, to meet each rule a few times. */
export const DEFAULT_SOAK = ['--campaigns', '6', '--missions', '30', '--workers', '2', '--faults'];
const SOAK_TIMEOUT_MS = 300_000;
/** What a scratch copy needs to build and run. */
const COPIED = ['package.json', 'tsconfig.json', 'src', 'actors', 'workers', 'hardware-sim', 'bench', 'test', 'dist'];
const SCORE_BAR = 0.9;

/** The project root, whether this runs built (dist/test/mutants/) or from source (vitest). */
const root = fileURLToPath(projectRoot);
const catalogue = join(root, 'test', 'mutants');

export function loadMutants(): Mutant[] {
  return readdirSync(catalogue)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const m = JSON.parse(readFileSync(join(catalogue, f), 'utf8')) as Mutant;
      if (m.id !== f.replace(/\.json$/, '')) throw new UsageError(`test/mutants/${f}: its id is '${m.id}'; it must match the file name`);
      return m;
    });
}

class UsageError extends Error {}

/** A scratch copy of the project with the mutant's edit, built (the edited file recompiled, the actor bundles redone). */
async function scratchWith(m: Mutant): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `nosh-mutant-${m.id}-`));
  for (const entry of COPIED) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const source = readFileSync(join(dir, m.file), 'utf8');
  const at = source.indexOf(m.find);
  if (at < 0 || source.indexOf(m.find, at + 1) >= 0) throw new UsageError(`mutant ${m.id} no longer applies: its find text is ${at < 0 ? 'not' : 'more than once'} in ${m.file}`);
  const mutated = source.slice(0, at) + m.replace + source.slice(at + m.find.length);
  writeFileSync(join(dir, m.file), mutated);
  const js = await transform(mutated, { loader: 'ts', format: 'esm', target: 'node20', sourcefile: m.file });
  writeFileSync(join(dir, 'dist', m.file.replace(/\.ts$/, '.js')), js.code);
  const bundled = await run('npm', ['run', '--silent', 'bundle'], dir, 120_000);
  if (bundled.code !== 0) throw new Error(`mutant ${m.id}: the bundle did not build: ${bundled.stderr.slice(-500)}`);
  return dir;
}

function run(cmd: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface SoakLine {
  violations: number;
  details?: Array<{ invariant: string; tick: number; replay: string }>;
  stopped?: Array<{ ended: string; replay: string }>;
  failed?: Array<{ error: string; replay: string }>;
}

function lastJson<T>(text: string): T | null {
  const line = text.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    return null;
  }
}

/** Replay the first finding from the command the soak printed: the same invariant at the same tick (or the same stop), and the same hash. */
async function replays(dir: string, soak: SoakLine): Promise<{ ok: boolean; note: string }> {
  const found = soak.details?.[0];
  const stop = soak.stopped?.[0];
  const command = found?.replay ?? stop?.replay ?? soak.failed?.[0]?.replay;
  if (command === undefined) return { ok: false, note: 'no replay command printed' };
  const args = [...command.split(' ').slice(2), '--json'];
  const r = await run(process.execPath, [join(dir, 'dist/src/cli/main.js'), 'replay', ...args], dir, SOAK_TIMEOUT_MS);
  const out = lastJson<{ details: Array<{ invariant: string; tick: number }>; ended: string; reproduced?: boolean }>(r.stdout);
  if (out === null) return { ok: false, note: `replay printed no summary (exit ${r.code})` };
  if (r.code !== 1) return { ok: false, note: `replay exited ${r.code}` };
  if (out.reproduced === false) return { ok: false, note: 'replay gave another hash' };
  if (found) return out.details.some((d) => d.invariant === found.invariant && d.tick === found.tick) ? { ok: true, note: '' } : { ok: false, note: `replay did not find ${found.invariant} at tick ${found.tick}` };
  if (stop) return out.ended === stop.ended ? { ok: true, note: '' } : { ok: false, note: `replay ended "${out.ended}"` };
  return { ok: true, note: '' };
}

export async function tryMutant(m: Mutant, keep = false): Promise<MutantResult> {
  const started = Date.now();
  const dir = await scratchWith(m);
  try {
    const r = await run(process.execPath, [join(dir, 'dist/src/cli/main.js'), 'soak', ...(m.soak ?? DEFAULT_SOAK), '--json'], dir, SOAK_TIMEOUT_MS);
    const soak = lastJson<SoakLine>(r.stdout);
    const seconds = (Date.now() - started) / 1000;
    if (soak === null) return { id: m.id, family: m.family, caught: false, by: [], replayed: false, seconds, note: `the soak printed no summary (exit ${r.code}${r.code === null ? ', timed out' : ''})` };
    const by = [...new Set([...(soak.details ?? []).map((d) => d.invariant), ...(soak.stopped?.length ? ['stopped'] : []), ...(soak.failed?.length ? ['failed'] : [])])];
    if (by.length === 0) return { id: m.id, family: m.family, caught: false, by, replayed: false, seconds, note: 'survived: the soak reported nothing' };
    const replay = await replays(dir, soak);
    return { id: m.id, family: m.family, caught: true, by, replayed: replay.ok, seconds: (Date.now() - started) / 1000, note: replay.note };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

function table(results: readonly MutantResult[], mutants: readonly Mutant[]): string {
  const rows = results.map((r) => {
    const m = mutants.find((x) => x.id === r.id) as Mutant;
    return `| ${r.id} | ${r.family} | ${r.caught ? 'caught' : '**survived**'} | ${r.by.join(', ') || '—'} | ${m.expect.join(', ')} | ${r.caught ? (r.replayed ? 'yes' : `**no**: ${r.note}`) : '—'} | ${r.seconds.toFixed(0)} s |`;
  });
  return ['| mutant | family | verdict | reported by | expected | replayed | time |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const known = new Set(['--only', '--keep', '--list']);
  const stray = argv.filter((a, i) => a.startsWith('--') && !known.has(a) && argv[i - 1] !== '--only');
  if (stray.length > 0) throw new UsageError(`unknown option ${stray.join(' ')} (options: --only id,id · --keep · --list)`);
  const all = loadMutants();
  if (argv.includes('--list')) {
    for (const m of all) process.stdout.write(`${m.id} · ${m.family} · ${m.bug}\n`);
    return 0;
  }
  const only = flag('--only')?.split(',').filter((x) => x !== '');
  const unknown = (only ?? []).filter((id) => !all.some((m) => m.id === id));
  if (unknown.length > 0) throw new UsageError(`no mutant ${unknown.join(', ')} (see --list)`);
  const chosen = only ? all.filter((m) => only.includes(m.id)) : all;
  const results: MutantResult[] = [];
  for (const m of chosen) {
    process.stderr.write(`mutant ${results.length + 1}/${chosen.length}: ${m.id} …\n`);
    const r = await tryMutant(m, argv.includes('--keep'));
    process.stderr.write(`  ${r.caught ? `caught by ${r.by.join(', ')}${r.replayed ? ', replayed' : `, NOT replayed: ${r.note}`}` : r.note} (${r.seconds.toFixed(0)} s)\n`);
    results.push(r);
  }
  const caught = results.filter((r) => r.caught).length;
  const replayed = results.filter((r) => r.caught && r.replayed).length;
  const score = Math.round((caught / results.length) * 1000) / 1000;
  process.stdout.write(`${table(results, chosen)}\n\n`);
  process.stdout.write(`${JSON.stringify({ mutants: results.length, caught, replayed, score })}\n`);
  const bar = only ? 1 : SCORE_BAR;
  return score >= bar && replayed === caught ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(err instanceof UsageError ? 2 : 1);
    },
  );
}
