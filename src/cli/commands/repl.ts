import type { Command } from 'commander';
import { DEFAULT_LIMITS } from '../../lisp/limits.js';
import type { ReplCommandOptions } from '../actions/repl.js';
import { integer, oneOf } from '../options.js';

export function registerRepl(program: Command): void {
  program
    .command('repl')
    .description('Mission Runner REPL: evaluate nOSh Lisp forms. Interactive on a terminal; otherwise reads forms from stdin and prints each result on its own line.')
    .option('--strict', 'exit with status 1 if any form failed (read or evaluation error)', false)
    .option('--max-steps <n>', 'step budget per form', integer('--max-steps', 1), DEFAULT_LIMITS.maxSteps)
    .option('--max-call-depth <n>', 'nested Lisp calls per form', integer('--max-call-depth', 1, 100_000), DEFAULT_LIMITS.maxCallDepth)
    .option('--mission <file>', 'instantiate the defcontract-schema in FILE and bind current-mission, mission-params, phase-chain, the goal verbs and (task-graph "FILE.svg")')
    .option('--schema <name>', 'which defcontract-schema of --mission FILE (default: the first)')
    .option('--seed <n>', 'with --mission: the mission seed (draws the limbs; default 1). Alone: boot a live deck from this seed, seat --cart and accept a contract', integer('--seed', 0, Number.MAX_SAFE_INTEGER))
    .option('--sandbox', "designer's sandbox: also bind set-var!, var, vars, tick!, panel, complete-mission and abandon-mission", false)
    .option('--cart <name>', 'live deck: the cartridge seated at power-on', 'ice-breaker')
    .option('--placement <where>', 'live deck: actors on worker threads or inline', oneOf('--placement', ['inline', 'threads'] as const), 'inline')
    .addHelpText(
      'after',
      "\nExamples:\n  nosh repl --seed 7                                   # a live deck: (board), (accept 1), (status)\n  nosh repl --mission actors/cartridge/games/ice-breaker/glass-payroll.lisp --sandbox\n  echo '(goal-complete \"breach\") (task-graph \"glass.svg\")' | nosh repl --mission actors/cartridge/games/ice-breaker/glass-payroll.lisp --sandbox   # the schema as a task-graph SVG\n  echo '(+ 1 2)' | nosh repl --strict",
    )
    .action(async (opts: ReplCommandOptions) => {
      const { replAction } = await import('../actions/repl.js');
      await replAction(opts);
    });
}
