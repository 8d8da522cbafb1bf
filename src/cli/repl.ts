import readline from 'node:readline';
import { createEnv } from '../lisp/builtins.js';
import type { Env } from '../lisp/env.js';
import type { Limits } from '../lisp/limits.js';
import { ReplSession } from '../lisp/repl-session.js';

export interface ReplOptions {
  /** The environment to evaluate in; a fresh one over the builtins by default. */
  readonly env?: Env;
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly output: NodeJS.WritableStream & { isTTY?: boolean };
  /** Exit status 1 if any form failed. */
  readonly strict?: boolean;
  readonly prompt?: string;
  /** Interactive line editing; by default when both streams are terminals. */
  readonly terminal?: boolean;
  readonly limits?: Partial<Limits>;
  readonly historySize?: number;
}

export interface ReplResult {
  readonly forms: number;
  readonly errors: number;
  readonly exitCode: 0 | 1;
}

/**
 * Run a REPL over two streams until the input ends. On a terminal: a readline
 * prompt, multi-line forms (a continuation prompt until the form closes),
 * history, tab completion of bound names, Ctrl-C to drop an unfinished form.
 * Otherwise: forms from the input, each result (or `error: line:col: …`) on its
 * own line, no prompts. Later issues pass an env with the Mission Runner's
 * bindings (current-mission, goal verbs, load-capability).
 */
export async function startRepl(options: ReplOptions): Promise<ReplResult> {
  const { input, output } = options;
  const terminal = options.terminal ?? (input.isTTY === true && output.isTTY === true);
  const prompt = options.prompt ?? 'nosh> ';
  const continuation = `${' '.repeat(Math.max(0, prompt.length - 5))}...> `;
  const session = new ReplSession({
    env: options.env ?? createEnv(),
    write: (text) => output.write(text),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  const rl = readline.createInterface({
    input,
    output,
    terminal,
    historySize: options.historySize ?? 500,
    removeHistoryDuplicates: true,
    ...(terminal ? { completer: (line: string) => session.complete(line) } : {}),
  });
  const showPrompt = (): void => {
    if (!terminal) return;
    rl.setPrompt(session.pending ? continuation : prompt);
    rl.prompt();
  };
  rl.on('SIGINT', () => {
    if (!session.pending) {
      rl.close();
      return;
    }
    session.discard();
    output.write('\n');
    showPrompt();
  });
  showPrompt();
  for await (const line of rl) {
    await session.feedLine(line);
    showPrompt();
  }
  await session.end();
  if (terminal) output.write('\n');
  return { forms: session.forms, errors: session.errors, exitCode: options.strict === true && session.errors > 0 ? 1 : 0 };
}
