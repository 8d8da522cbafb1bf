import type { Command } from 'commander';
import { DEFAULT_QUEUE } from '../../campaign/defaults.js';
import { integer, redisUrl, soakId } from '../options.js';
import { outputFile } from '../output-paths.js';

interface DashboardCommandOptions {
  attach: string;
  port: number;
  queueName: string;
  export?: string;
  json: boolean;
}

/** `nosh dashboard`: the live page of a soak queued on Redis, watched from any host (`nosh soak --queue … --dashboard` from the one that submits it). */
export function registerDashboard(program: Command): void {
  program
    .command('dashboard')
    .description("Watch a queued soak (nosh soak --queue) in the browser: the same live page as soak --dashboard, with each nosh worker's load. The soak runs on whether or not anything watches it.")
    .argument('<redis-url>', 'the Redis the soak is queued on, e.g. redis://10.0.0.5:6379', redisUrl('REDIS_URL'))
    .requiredOption('--attach <soak-id>', 'the soak to watch (its id is printed when it is queued)', soakId('--attach'))
    .option('--port <n>', 'port on 127.0.0.1 (0: any free one)', integer('--port', 0, 65_535), 5665)
    .option('--queue-name <stem>', "the queue name's stem (the code version is appended), as the workers have it", DEFAULT_QUEUE)
    .option('--export <file>', 'also write the finished soak as one self-contained HTML report', outputFile('--export'))
    .option('--json', "when the soak is done, print only its --json line (as nosh soak --json would)", false)
    .addHelpText(
      'after',
      `
Examples:
  nosh dashboard redis://10.0.0.5:6379 --attach soak-3f2a9c1d0b7e4a56              # then open http://127.0.0.1:5665/
  nosh dashboard redis://127.0.0.1:6379 --attach soak-3f2a9c1d0b7e4a56 --port 0 --export soak.html

The URL goes to stderr. When the soak is done the page keeps its final report until Ctrl-C; a Ctrl-C
before then stops watching (exit 130) and the soak runs on. Exit status as nosh soak --attach: 1 when
an invariant was violated or a campaign stopped early or failed. See docs/dashboard.md.`,
    )
    .action(async (url: string, opts: DashboardCommandOptions) => {
      const { soakAction } = await import('../actions/soak.js');
      // The soak's size and seeds come from the queue: the sizes given here are never read.
      await soakAction({ campaigns: 1, missions: 1, workers: 1, seed: 1, faults: false, json: opts.json, queue: url, attach: opts.attach, queueName: opts.queueName, dashboard: opts.port, ...(opts.export !== undefined ? { dashboardExport: opts.export } : {}) });
    });
}
