import { type Command, Option } from 'commander';
import { suites } from '../../../bench/suites.js';
import type { BenchOptions } from '../actions/bench.js';
import { integer } from '../options.js';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description(`Run benchmark suites (tinybench, each against a raw baseline in the same run, each suite in a fresh process; cold figures are a fresh process's or thread's first run, the rest are measured after JIT warm-up). Suites: ${Object.keys(suites).join(', ')}.`)
    .argument('[suites...]', 'suites to run (default: all)')
    .option('--json', 'print one JSON object keyed by suite as the last line (with --compare: suite → figure → {old, new, ratio})', false)
    .option('--compare <old.json>', 'show each figure of this run against a saved nosh bench --json output: old, new and the change')
    .option('--against <new.json>', 'with --compare: compare with this saved output instead of running the suites')
    .addOption(new Option('--soak-campaigns <n>', 'soak: campaigns per worker in each timed round').argParser(integer('--soak-campaigns', 1, 1000)))
    .addOption(new Option('--soak-missions <m>', 'soak: missions per campaign').argParser(integer('--soak-missions', 1, 10_000)))
    .addOption(new Option('--soak-warmup <n>', 'soak: campaigns each pool thread plays before timing').argParser(integer('--soak-warmup', 0, 1000)))
    .addOption(new Option('--soak-rounds <n>', 'soak: timed rounds, 1 worker and W alternating').argParser(integer('--soak-rounds', 1, 100)))
    .addOption(new Option('--soak-memory <missions>', 'soak: missions of the heap-growth campaign').argParser(integer('--soak-memory', 10, 1_000_000)))
    .addOption(new Option('--soak-workers <w>', 'soak: W, the pool size of the scaling run (default: every core)').argParser(integer('--soak-workers', 1, 256)))
    .addHelpText(
      'after',
      `
Examples:
  nosh bench                                   every suite, one table (a few minutes; soak is most of it)
  nosh bench --json > before.json              every suite, one JSON object keyed by suite
  nosh bench soak flash --compare before.json  run two suites, show each figure against before.json
  nosh bench --compare before.json --against after.json --json
                                               compare two saved runs, as JSON
  nosh bench soak --soak-campaigns 24 --soak-missions 40 --soak-workers 2

A file --compare or --against cannot read, or that is not a nosh bench --json output, is a usage error (exit status 2).\n`,
    )
    .action(async (names: string[], opts: BenchOptions) => {
      const { benchAction } = await import('../actions/bench.js');
      await benchAction(names, opts);
    });
}
