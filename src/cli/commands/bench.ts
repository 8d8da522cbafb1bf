import type { Command } from 'commander';
import { suites } from '../../../bench/suites.js';
import type { BenchOptions } from '../actions/bench.js';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description(`Run benchmark suites (tinybench, each against a raw baseline in the same run, each suite in a fresh process; cold figures are a fresh process's or thread's first run, the rest are measured after JIT warm-up). Suites: ${Object.keys(suites).join(', ')}.`)
    .argument('[suites...]', 'suites to run (default: all)')
    .option('--json', 'print one JSON object keyed by suite as the last line', false)
    .addHelpText(
      'after',
      `
Examples:
  nosh bench                          every suite, one table (several minutes; soak is most of it)
  nosh bench --json > before.json     every suite, one JSON object keyed by suite
  nosh bench soak flash               two suites
`,
    )
    .action(async (names: string[], opts: BenchOptions) => {
      const { benchAction } = await import('../actions/bench.js');
      await benchAction(names, opts);
    });
}
