import { type ChildProcess, spawn } from 'node:child_process';
import { CLI } from './cli.js';

/** A real `nosh soak --dashboard 0 --json` in a child process: its URL, its final --json line, and Ctrl-C. */
export interface DashboardSoak {
  readonly url: string;
  /** The soak's last stdout line, parsed, once it printed it. */
  readonly final: Promise<Record<string, unknown>>;
  /** Ctrl-C (the dashboard waits for it after the soak) and the exit code. */
  stop(): Promise<number | null>;
  readonly child: ChildProcess;
}

export function startDashboardSoak(args: readonly string[]): Promise<DashboardSoak> {
  const child = spawn(process.execPath, [CLI, 'soak', ...args, '--dashboard', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const final = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line !== undefined && stdout.includes(`${line}\n`)) resolve(JSON.parse(line) as Record<string, unknown>);
    });
    void closed.then((code) => reject(new Error(`nosh soak ended (${code}) without a JSON line\nstdout: ${stdout}\nstderr: ${stderr}`)));
  });
  final.catch(() => {});
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const url = /dashboard: (http:\/\/\S+\/)/.exec(stderr)?.[1];
      if (url !== undefined)
        resolve({
          url,
          final,
          child,
          stop: () => {
            child.kill('SIGINT');
            return closed;
          },
        });
    });
    void closed.then((code) => reject(new Error(`nosh soak ended (${code}) before printing its dashboard URL\nstderr: ${stderr}`)));
  });
}
