import { type ChildProcess, spawn } from 'node:child_process';
import { CLI } from './cli.js';

/** A long-running `nosh` child process (a worker, a queued soak) whose output a test can wait on. */
export interface NoshProcess {
  readonly child: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** Resolves when the output matches `pattern`; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code once it has exited. */
  exited(): Promise<number | null>;
  /** Send `signal` (by PID) and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startNosh(args: readonly string[], cli: string = CLI): NoshProcess {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = new Set<() => void>();
  const hear = (d: Buffer): void => {
    out += d.toString();
    for (const w of waiters) w();
  };
  child.stdout.on('data', hear);
  child.stderr.on('data', hear);
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (!pattern.test(out)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`nosh ${args.join(' ')}: no ${pattern} within ${timeoutMs} ms; output:\n${out}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    exited: () => exit,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, signal);
      return exit;
    },
  };
}
