import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { type BenchResults, BenchFileError, changeText, compareResults, readBenchFile } from '../../../bench/compare.js';
import { type SuiteOptions, suites } from '../../../bench/suites.js';
import { distUrl } from '../../runtime/paths.js';
import { UsageError } from '../options.js';

export interface BenchOptions {
  json: boolean;
  compare?: string;
  against?: string;
  soakCampaigns?: number;
  soakMissions?: number;
  soakWarmup?: number;
  soakRounds?: number;
  soakMemory?: number;
  soakWorkers?: number;
}

const RUN_SUITE = fileURLToPath(distUrl('bench/run-suite.js'));

/** `nosh bench`: run the suites (or read a saved run), print them, or their change against a saved run. */
export async function benchAction(names: string[], opts: BenchOptions): Promise<void> {
  const chosen = names.length > 0 ? names : Object.keys(suites);
  const unknown = chosen.filter((n) => !Object.hasOwn(suites, n));
  if (unknown.length > 0) throw new UsageError(`unknown bench suite '${unknown.join("', '")}' (suites: ${Object.keys(suites).join(', ')})`);
  if (opts.against !== undefined && opts.compare === undefined) throw new UsageError('--against needs --compare <old.json>: it names the new side of a comparison');
  // A bad file is found before minutes of benchmarks, not after.
  const old = opts.compare === undefined ? null : pick(readBench('--compare', opts.compare), names);
  const results = opts.against === undefined ? await runSuites(chosen, suiteOptions(opts), opts.json) : pick(readBench('--against', opts.against), names);
  if (old === null) printResults(results, opts.json);
  else printComparison(old, results, opts.json);
}

function readBench(flag: string, path: string): BenchResults {
  try {
    return readBenchFile(path);
  } catch (err) {
    if (err instanceof BenchFileError) throw new UsageError(`${flag}: ${err.message}`);
    throw err;
  }
}

/** Only the suites named on the command line (all, when none is). */
function pick(results: BenchResults, names: readonly string[]): BenchResults {
  return names.length === 0 ? results : Object.fromEntries(Object.entries(results).filter(([suite]) => names.includes(suite)));
}

function suiteOptions(opts: BenchOptions): SuiteOptions {
  const soak = {
    ...(opts.soakCampaigns !== undefined ? { campaignsPerWorker: opts.soakCampaigns } : {}),
    ...(opts.soakMissions !== undefined ? { missions: opts.soakMissions } : {}),
    ...(opts.soakWarmup !== undefined ? { warmupPerWorker: opts.soakWarmup } : {}),
    ...(opts.soakRounds !== undefined ? { rounds: opts.soakRounds } : {}),
    ...(opts.soakMemory !== undefined ? { memoryMissions: opts.soakMemory } : {}),
    ...(opts.soakWorkers !== undefined ? { workers: opts.soakWorkers } : {}),
  };
  return { soak };
}

async function runSuites(chosen: readonly string[], options: SuiteOptions, json: boolean): Promise<BenchResults> {
  const results: BenchResults = {};
  for (const name of chosen) {
    if (!json) process.stdout.write(`running ${name}…\n`);
    results[name] = await runSuiteProcess(name, options);
  }
  return results;
}

/** One suite in a fresh node process (bench/run-suite.ts); its figures are its last stdout line. */
function runSuiteProcess(name: string, options: SuiteOptions): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, RUN_SUITE, name, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`bench suite '${name}' failed (${signal ?? `exit status ${code}`})`));
      else resolve(JSON.parse(last) as Record<string, number>);
    });
  });
}

function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown cpu'} · node ${process.version}`;
}

function printResults(results: BenchResults, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return;
  }
  process.stdout.write(`\n${machine()}\n`);
  console.table(Object.entries(results).flatMap(([suite, figures]) => Object.entries(figures).map(([metric, value]) => ({ suite, metric, value }))));
}

function printComparison(old: BenchResults, now: BenchResults, json: boolean): void {
  const comparison = compareResults(old, now);
  if (json) {
    process.stdout.write(`${JSON.stringify(comparison)}\n`);
    return;
  }
  process.stdout.write(`\n${machine()}\n`);
  console.table(
    Object.entries(comparison).flatMap(([suite, figures]) =>
      Object.entries(figures).map(([metric, c]) => ({ suite, metric, old: c.old ?? '—', new: c.new ?? '—', change: changeText(c) })),
    ),
  );
}
