import type { Command } from 'commander';
import { DEFAULT_LIMITS } from '../../lisp/limits.js';
import { integer } from '../options.js';
import { startRepl } from '../repl.js';

interface ReplCommandOptions {
  strict: boolean;
  maxSteps: number;
  maxCallDepth: number;
}

export function registerRepl(program: Command): void {
  program
    .command('repl')
    .description('Mission Runner REPL: evaluate nOSh Lisp forms. Interactive on a terminal; otherwise reads forms from stdin and prints each result on its own line.')
    .option('--strict', 'exit with status 1 if any form failed (read or evaluation error)', false)
    .option('--max-steps <n>', 'step budget per form', integer('--max-steps', 1), DEFAULT_LIMITS.maxSteps)
    .option('--max-call-depth <n>', 'nested Lisp calls per form', integer('--max-call-depth', 1, 100_000), DEFAULT_LIMITS.maxCallDepth)
    .action(async (opts: ReplCommandOptions) => {
      const result = await startRepl({
        input: process.stdin,
        output: process.stdout,
        strict: opts.strict,
        limits: { maxSteps: opts.maxSteps, maxCallDepth: opts.maxCallDepth },
      });
      process.exitCode = result.exitCode;
    });
}
