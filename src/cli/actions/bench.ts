import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { type SuiteOptions, suites } from '../../../bench/suites.js';
import { distUrl } from '../../runtime/paths.js';
import { UsageError } from '../options.js';

export interface BenchOptions {
  json: boolean;
}

const RUN_SUITE = fileURLToPath(distUrl('bench/run-suite.js'));

/** What `nosh bench --json` prints: suite → figure → number. */
type BenchResults = Record<string, Record<string, number>>;

/** `nosh bench`: run the suites, each in a process of its own, and print their figures. */
export async function benchAction(names: string[], opts: BenchOptions): Promise<void> {
  const chosen = names.length > 0 ? names : Object.keys(suites);
  const unknown = chosen.filter((n) => !Object.hasOwn(suites, n));
  if (unknown.length > 0) throw new UsageError(`unknown bench suite '${unknown.join("', '")}' (suites: ${Object.keys(suites).join(', ')})`);
  printResults(await runSuites(chosen, {}, opts.json), opts.json);
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
