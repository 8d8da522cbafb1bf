#!/usr/bin/env node
// Startup is what every command pays, `--version` and `--help` included: the command modules
// imported here hold only options and help, and each imports its work (./actions/) when it runs.
// test/fast-start.test.ts checks that nothing heavy loads before then; `nosh bench startup` times it.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerBench } from './commands/bench.js';
import { registerBoard } from './commands/board.js';
import { registerDashboard } from './commands/dashboard.js';
import { registerFlash } from './commands/flash.js';
import { registerRepl } from './commands/repl.js';
import { registerReplay } from './commands/replay.js';
import { registerRun } from './commands/run.js';
import { registerSoak } from './commands/soak.js';
import { registerValidateSchema } from './commands/validate-schema.js';
import { registerWorker } from './commands/worker.js';
import { projectRoot } from '../runtime/paths.js';
import { UsageError } from './options.js';

const pkg = JSON.parse(readFileSync(new URL('package.json', projectRoot), 'utf8')) as { version: string };

// A reader that stops early (`nosh run | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const program = new Command('nosh')
  .description("The nOSh deck's mission subsystem as actors on worker threads: headless runs, traces, benchmarks.")
  .version(pkg.version)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerRun(program);
registerSoak(program);
registerWorker(program);
registerDashboard(program);
registerReplay(program);
registerBench(program);
registerRepl(program);
registerFlash(program);
registerBoard(program);
registerValidateSchema(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Help and --version exit 0; anything else commander refused is a usage error (2), as is a UsageError.
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
}
