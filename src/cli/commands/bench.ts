import { UsageError } from '../options.js';
import os from 'node:os';
import type { Command } from 'commander';
import { suites } from '../../../bench/suites.js';

interface BenchOptions {
  json: boolean;
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description(`Run benchmark suites (tinybench, each against a raw baseline in the same run). Suites: ${Object.keys(suites).join(', ')}.`)
    .argument('[suites...]', 'suites to run (default: all)')
    .option('--json', 'print one JSON object keyed by suite as the last line', false)
    .action(async (names: string[], opts: BenchOptions) => {
      await benchCommand(names, opts);
    });
}

async function benchCommand(names: string[], opts: BenchOptions): Promise<void> {
  const chosen = names.length > 0 ? names : Object.keys(suites);
  const unknown = chosen.filter((n) => !Object.hasOwn(suites, n));
  if (unknown.length > 0) throw new UsageError(`unknown bench suite '${unknown.join("', '")}' (suites: ${Object.keys(suites).join(', ')})`);
  const results: Record<string, Record<string, number>> = {};
  for (const name of chosen) {
    if (!opts.json) process.stdout.write(`running ${name}…\n`);
    results[name] = await (suites[name] as () => Promise<Record<string, number>>)();
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return;
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  process.stdout.write(`\n${os.cpus().length} × ${cpu} · node ${process.version}\n`);
  const rows = Object.entries(results).flatMap(([suite, figures]) => Object.entries(figures).map(([metric, value]) => ({ suite, metric, value })));
  console.table(rows);
}
