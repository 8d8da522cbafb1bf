import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createEnv } from '../../lisp/builtins.js';
import type { Env } from '../../lisp/env.js';
import { DEFAULT_LIMITS } from '../../lisp/limits.js';
import { Mission } from '../../objectives/mission.js';
import { bindMission } from '../../objectives/runner-bindings.js';
import { readContractSchemas } from '../../objectives/schema.js';
import { integer } from '../options.js';
import { startRepl } from '../repl.js';

interface ReplCommandOptions {
  strict: boolean;
  maxSteps: number;
  maxCallDepth: number;
  mission?: string;
  schema?: string;
  seed: number;
  sandbox: boolean;
}

export function registerRepl(program: Command): void {
  program
    .command('repl')
    .description('Mission Runner REPL: evaluate nOSh Lisp forms. Interactive on a terminal; otherwise reads forms from stdin and prints each result on its own line.')
    .option('--strict', 'exit with status 1 if any form failed (read or evaluation error)', false)
    .option('--max-steps <n>', 'step budget per form', integer('--max-steps', 1), DEFAULT_LIMITS.maxSteps)
    .option('--max-call-depth <n>', 'nested Lisp calls per form', integer('--max-call-depth', 1, 100_000), DEFAULT_LIMITS.maxCallDepth)
    .option('--mission <file>', 'instantiate the defcontract-schema in FILE and bind current-mission, mission-params, phase-chain and the goal verbs')
    .option('--schema <name>', 'which defcontract-schema of --mission FILE (default: the first)')
    .option('--seed <n>', 'the mission seed (draws the limbs)', integer('--seed', 0, Number.MAX_SAFE_INTEGER), 1)
    .option('--sandbox', "designer's sandbox: also bind set-var!, var, vars, tick!, panel, complete-mission and abandon-mission", false)
    .action(async (opts: ReplCommandOptions) => {
      const env = createEnv();
      if (opts.mission !== undefined) bindMissionFile(env, opts);
      else if (opts.sandbox || opts.schema !== undefined) throw new Error('--sandbox and --schema need --mission FILE');
      const result = await startRepl({
        env,
        input: process.stdin,
        output: process.stdout,
        strict: opts.strict,
        limits: { maxSteps: opts.maxSteps, maxCallDepth: opts.maxCallDepth },
      });
      process.exitCode = result.exitCode;
    });
}

/** A bad file or schema is the CLI's failure (stderr, exit 1), before any form is read. */
function bindMissionFile(env: Env, opts: ReplCommandOptions): void {
  const file = opts.mission as string;
  const schemas = readContractSchemas(readFileSync(file, 'utf8'), file);
  if (schemas.length === 0) throw new Error(`${file} has no defcontract-schema form`);
  const schema = opts.schema === undefined ? schemas[0] : schemas.find((s) => s.name === opts.schema?.replace(/^:/, ''));
  if (schema === undefined) throw new Error(`${file} has no schema :${opts.schema ?? ''} (schemas: ${schemas.map((s) => `:${s.name}`).join(' ')})`);
  const mission = Mission.instantiate(schema, { seed: opts.seed });
  bindMission(env, mission, { sandbox: opts.sandbox });
}
