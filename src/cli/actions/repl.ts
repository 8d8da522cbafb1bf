import { readFileSync } from 'node:fs';
import { createEnv } from '../../lisp/builtins.js';
import type { Env } from '../../lisp/env.js';
import { Mission } from '../../objectives/mission.js';
import { bindMission } from '../../objectives/runner-bindings.js';
import { readContractSchemas } from '../../objectives/schema.js';
import { type LiveDeck, openLiveDeck } from '../../campaign/live-deck.js';
import { UsageError } from '../options.js';
import { startRepl } from '../repl.js';
import { bindTaskGraph } from '../task-graph-verb.js';

export interface ReplCommandOptions {
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

/** `nosh repl`: bind what the flags ask for (a mission, a live deck), then read forms until the input ends. */
export async function replAction(opts: ReplCommandOptions): Promise<void> {
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
  bindTaskGraph(env, mission);
}
