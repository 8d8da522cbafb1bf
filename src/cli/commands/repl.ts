import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createEnv } from '../../lisp/builtins.js';
import type { Env } from '../../lisp/env.js';
import { DEFAULT_LIMITS } from '../../lisp/limits.js';
import { Mission } from '../../objectives/mission.js';
import { bindMission } from '../../objectives/runner-bindings.js';
import { readContractSchemas } from '../../objectives/schema.js';
import { type LiveDeck, openLiveDeck } from '../../campaign/live-deck.js';
import { integer, oneOf, UsageError } from '../options.js';
import { startRepl } from '../repl.js';

interface ReplCommandOptions {
  strict: boolean;
  maxSteps: number;
  maxCallDepth: number;
  mission?: string;
  schema?: string;
  seed?: number;
  sandbox: boolean;
  cart: string;
  placement: 'inline' | 'threads';
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
    .option('--seed <n>', 'with --mission: the mission seed (draws the limbs; default 1). Alone: boot a live deck from this seed, seat --cart and accept a contract', integer('--seed', 0, Number.MAX_SAFE_INTEGER))
    .option('--sandbox', "designer's sandbox: also bind set-var!, var, vars, tick!, panel, complete-mission and abandon-mission", false)
    .option('--cart <name>', 'live deck: the cartridge seated at power-on', 'ice-breaker')
    .option('--placement <where>', 'live deck: actors on worker threads or inline', oneOf('--placement', ['inline', 'threads'] as const), 'inline')
    .action(async (opts: ReplCommandOptions) => {
      let env = createEnv();
      let deck: LiveDeck | null = null;
      if (opts.mission !== undefined) bindMissionFile(env, opts);
      else if (opts.sandbox || opts.schema !== undefined) throw new UsageError('--sandbox and --schema need --mission FILE');
      else if (opts.seed !== undefined) {
        const say = (line: string): void => void process.stderr.write(`${line}\n`);
        deck = await openLiveDeck({ seed: opts.seed, placement: opts.placement, cart: opts.cart, out: say });
        say(`live deck · seed ${opts.seed} · ${opts.cart} seated · accepted ${deck.accepted}`);
        env = deck.env;
      }
      try {
        const result = await startRepl({
          env,
          input: process.stdin,
          output: process.stdout,
          strict: opts.strict,
          limits: { maxSteps: opts.maxSteps, maxCallDepth: opts.maxCallDepth },
        });
        process.exitCode = result.exitCode;
      } finally {
        await deck?.close();
      }
    });
}

/** A bad file or schema is the CLI's failure (stderr, exit 1), before any form is read. */
function bindMissionFile(env: Env, opts: ReplCommandOptions): void {
  const file = opts.mission as string;
  const schemas = readContractSchemas(readFileSync(file, 'utf8'), file);
  if (schemas.length === 0) throw new Error(`${file} has no defcontract-schema form`);
  const schema = opts.schema === undefined ? schemas[0] : schemas.find((s) => s.name === opts.schema?.replace(/^:/, ''));
  if (schema === undefined) throw new Error(`${file} has no schema :${opts.schema ?? ''} (schemas: ${schemas.map((s) => `:${s.name}`).join(' ')})`);
  const mission = Mission.instantiate(schema, { seed: opts.seed ?? 1 });
  bindMission(env, mission, { sandbox: opts.sandbox });
}
