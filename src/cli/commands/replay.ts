import { type Command, Option } from 'commander';
import { DEFAULT_FAULT_RATES, FAULT_KINDS } from '../../campaign/faults/rates.js';
import type { ReplayOptions } from '../actions/replay.js';
import { outputFile } from '../output-paths.js';
import { integer, oneOf } from '../options.js';

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('Replay one campaign of a soak exactly (same seed, same faults): its invariant violations, its trace hash, and the Perfetto trace of one mission.')
    .requiredOption('--seed <s>', 'the campaign seed (as a soak prints it)', integer('--seed'))
    .requiredOption('--missions <m>', 'missions the campaign played', integer('--missions', 1, 1_000_000))
    .option('--faults', 'with the same seeded faults as the soak', false)
    .option('--fault-rates <list>', `with --faults: the soak's rates (defaults ${FAULT_KINDS.map((k) => `${k}=${DEFAULT_FAULT_RATES[k]}`).join(',')})`)
    .addOption(new Option('--skim-credit <n>', 'test only: as the soak had it').argParser(integer('--skim-credit', 1)).hideHelp())
    .option('--mission <k>', 'with --trace: trace only mission K (from its acceptance to its settlement)', integer('--mission', 1))
    .option('--trace <file.json>', 'write a Chrome Trace Event file (open in ui.perfetto.dev)', outputFile('--trace'))
    .option('--placement <where>', 'inline (as the soak ran it) or threads: the hash is the same', oneOf('--placement', ['inline', 'threads'] as const), 'inline')
    .option('--expect-hash <sha256>', "the soak's hash for this seed: exit 1 unless the replay reproduces it")
    .option('--json', 'print only a JSON summary as the last line', false)
    .addHelpText(
      'after',
      `
Examples:
  nosh replay --seed 41 --missions 8 --faults --mission 4 --trace replay-41-m4.json
  nosh replay --seed 7 --missions 100 --faults --expect-hash 2b43c1e3…  (the hash from soak --json)

Exit status 1 when an invariant was violated, the campaign stopped early, or the hash differs from --expect-hash.`,
    )
    .action(async (opts: ReplayOptions) => {
      const { replayAction } = await import('../actions/replay.js');
      await replayAction(opts);
    });
}
