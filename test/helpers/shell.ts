import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ShellResult {
  readonly code: number | null;
  /** stdout and stderr together, in the order they came. */
  readonly output: string;
  readonly stdout: string;
}

/**
 * The environment a user's shell would give npm: the outer vitest's own
 * variables left out, so a vitest run inside (`npm test` in a clone) is not
 * mistaken for one of our workers.
 */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(VITEST|TINYPOOL|NODE_OPTIONS$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** Run a command as a user would at the prompt, in `cwd`; a command still running after `timeoutMs` is killed and reported. */
export function sh(command: string, args: readonly string[], cwd: string, opts: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<ShellResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: userEnv(opts.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) still running after ${opts.timeoutMs ?? 120_000} ms:\n${output}`));
    }, opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, stdout });
    });
  });
}

/** Like `sh`, but a failure is an error that shows what the command printed. */
export async function shOk(command: string, args: readonly string[], cwd: string, opts: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<ShellResult> {
  const r = await sh(command, args, cwd, opts);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${r.code}:\n${r.output}`);
  return r;
}

/** npm's cache folder (where `npx` keeps the packages it installs, under `_npx`). */
export async function npmCache(cwd: string): Promise<string> {
  return (await shOk('npm', ['config', 'get', 'cache'], cwd)).stdout.trim();
}

/** Remove what `npx` put in its cache for a folder it linked (`npx nosh` in a clone), so temp clones leave nothing behind. */
export function forgetNpx(cache: string, folder: string): void {
  const root = join(cache, '_npx');
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return;
  }
  for (const entry of entries) {
    let manifest: string;
    try {
      manifest = readFileSync(join(root, entry, 'package.json'), 'utf8');
    } catch {
      continue;
    }
    if (manifest.includes(folder)) rmSync(join(root, entry), { recursive: true, force: true });
  }
}
