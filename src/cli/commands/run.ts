import type { Command } from 'commander';
import { Runtime } from '../../runtime/runtime.js';
import { ConsoleSink } from '../console-sink.js';
import { DEMO_CATALOG, startDemo } from '../demo-scenario.js';
import { integer, oneOf } from '../options.js';
import { progressBar } from '../progress.js';

interface RunOptions {
  seed: number;
  placement: 'threads' | 'inline';
  clock: 'lockstep' | 'realtime';
  ticks: number;
  trace?: string;
  traceJsonl?: string;
  json: boolean;
  verbose: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run the deck headless from embedded defaults and print what happened.')
    .option('--seed <n>', 'run seed: the same seed replays the same run', integer('--seed'), 1)
    .option('--placement <where>', 'threads: one worker per actor; inline: all actors on one thread', oneOf('--placement', ['threads', 'inline'] as const), 'threads')
    .option('--clock <mode>', 'lockstep: deterministic ticks; realtime: wall-clock delivery', oneOf('--clock', ['lockstep', 'realtime'] as const), 'lockstep')
    .option('--ticks <n>', 'how many ticks (deck frames, 30 per second) to run', integer('--ticks', 1, 100_000_000), 600)
    .option('--trace <file.json>', 'write a Chrome Trace Event file (open in ui.perfetto.dev)')
    .option('--trace-jsonl <file>', 'stream every trace record as JSON lines')
    .option('--json', 'print only a JSON summary as the last line', false)
    .option('--verbose', 'log every envelope, not just lifecycle events', false)
    .action(async (opts: RunOptions) => {
      await runCommand(opts);
    });
}

async function runCommand(opts: RunOptions): Promise<void> {
  const started = performance.now();
  const log = (line: string): void => {
    (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  };
  const quiet = opts.json && !opts.verbose;
  const rt = new Runtime({
    seed: opts.seed,
    catalog: DEMO_CATALOG,
    placement: opts.placement,
    clock: opts.clock,
    ...(opts.trace ? { traceFile: opts.trace } : {}),
    ...(opts.traceJsonl ? { traceJsonl: opts.traceJsonl } : {}),
    sinks: quiet ? [] : [new ConsoleSink(log, opts.verbose)],
  });
  if (!quiet) log(`nosh run · seed ${opts.seed} · ${opts.placement} · ${opts.clock} · ${opts.ticks} ticks`);
  const bar = progressBar('ticks', opts.ticks, !opts.json && !opts.verbose && process.stdout.isTTY === true);
  try {
    await startDemo(rt);
    const chunk = Math.max(1, Math.ceil(opts.ticks / 100));
    for (let t = chunk; ; t = Math.min(opts.ticks, t + chunk)) {
      await rt.run(t);
      bar.update(t);
      if (t >= opts.ticks) break;
    }
  } finally {
    bar.stop();
  }
  const summary = { ...(await rt.shutdown()), ticks: opts.ticks, wallMs: Math.round(performance.now() - started) };
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  log(
    `summary  ${summary.ticks} ticks · ${summary.envelopes} envelopes · ${summary.handled} handled · ${summary.rejected} rejected · ` +
      `${summary.crashes} crashes · ${summary.restarts} restarts · ${summary.escalations} escalations · ${summary.deadLetters} dead letters · ${summary.wallMs} ms`,
  );
  log(`trace    ${summary.traceHash}`);
  if (opts.trace) log(`chrome trace → ${opts.trace} (open in https://ui.perfetto.dev)`);
  if (opts.traceJsonl) log(`jsonl trace → ${opts.traceJsonl}`);
}
