import { type Command, Option } from 'commander';
import { DEFAULT_FAULT_RATES, FAULT_KINDS } from '../../campaign/faults/rates.js';
import { INVARIANT_NAMES } from '../../campaign/invariants/index.js';
import { DEFAULT_QUEUE, MAX_CAMPAIGNS, defaultWorkers } from '../../campaign/defaults.js';
import type { SoakOptions } from '../actions/soak.js';
import { integer, redisUrl, soakId } from '../options.js';
import { outputDir, outputFile } from '../output-paths.js';

export function registerSoak(program: Command): void {
  program
    .command('soak')
    .description('Run many campaigns in parallel on a worker pool, each checked against the seeds\' invariants; every violation comes with a one-line replay command.')
    .option('--campaigns <n>', 'campaigns to run (seeds S, S+1, …)', integer('--campaigns', 1, MAX_CAMPAIGNS), 8)
    .option('--missions <m>', 'missions per campaign', integer('--missions', 1, 1_000_000), 100)
    .addOption(new Option('--workers <w>', 'pool threads').argParser(integer('--workers', 1, 256)).default(defaultWorkers(), `every core: ${defaultWorkers()}`))
    .option('--seed <s>', 'seed of the first campaign', integer('--seed'), 1)
    .option('--faults', `inject seeded faults from the catalogue: ${FAULT_KINDS.join(', ')} (docs/soak.md)`, false)
    .option('--fault-rates <list>', `with --faults: probabilities, e.g. crash=0.05,reboot=0.05,delay=0.05 (defaults ${FAULT_KINDS.map((k) => `${k}=${DEFAULT_FAULT_RATES[k]}`).join(',')})`)
    .addOption(new Option('--skim-credit <n>', 'test only: Mission Control skims one credit at settlement N (proves the checks bite)').argParser(integer('--skim-credit', 1)).hideHelp())
    .option('--json', 'print only a JSON summary as the last line: {campaigns, missions, violations, missionsPerSec, workers, hashes}, with details (each violation and its replay command) and stopped (each campaign that stopped early, why, and its replay command) when there are any', false)
    .option('--queue <redis-url>', 'play the campaigns on `nosh worker` processes (any host) through a BullMQ queue in this Redis; same result as a local soak (docs/scale-out.md)', redisUrl('--queue'))
    .option('--attach <soak-id>', 'with --queue: watch a soak already queued (its id is printed when it is queued), running or finished', soakId('--attach'))
    .option('--queue-name <stem>', "with --queue: the queue name's stem (the code version is appended), as the workers have it", DEFAULT_QUEUE)
    .option('--report <dir>', 'write summary.json, report.md and SVG plots into this folder (checked, and made, before the soak starts)', outputDir('--report'))
    .option('--dashboard [port]', 'serve a live dashboard on 127.0.0.1 (port 0: any free one; default 5665); its URL goes to stderr, and after the soak the page keeps the final report until Ctrl-C', integer('--dashboard', 0, 65_535))
    .option('--dashboard-export <file>', 'write the finished soak as one self-contained HTML report (uPlot inlined, no server needed)', outputFile('--dashboard-export'))
    .addHelpText(
      'after',
      `\nExamples:\n  nosh soak --campaigns 8 --missions 100 --json\n  nosh soak --campaigns 48 --missions 40 --faults --fault-rates crash=0.05,reboot=0.05,delay=0.05 --report soak-report\n  nosh soak --campaigns 16 --missions 50 --dashboard            # then open http://127.0.0.1:5665/\n  nosh soak --campaigns 16 --missions 50 --dashboard-export soak.html\n  nosh soak --queue redis://10.0.0.5:6379 --campaigns 1000 --missions 100 --json   (served by nosh worker redis://10.0.0.5:6379 on each host)\n  nosh soak --queue redis://10.0.0.5:6379 --attach soak-3f2a9c1d0b7e4a56\n\nInvariants: ${INVARIANT_NAMES.join(', ')}.\nExit status 1 when any invariant was violated, a campaign stopped early, or a campaign failed; 130 when Ctrl-C stopped the soak (the finished campaigns are still reported, and --report written).`,
    )
    .action(async (opts: SoakOptions) => {
      const { soakAction } = await import('../actions/soak.js');
      await soakAction(opts);
    });
}
