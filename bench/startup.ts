import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { distUrl } from '../src/runtime/paths.js';
import { compareLatency, round } from './measure.js';

const run = promisify(execFile);
const MAIN = fileURLToPath(distUrl('src/cli/main.js'));

/** Issue 13: `nosh --version` within this many times a bare `node -e 0`. */
export const STARTUP_TARGET = 3;

/** One process from spawn to exit: what a user waits for at the prompt. */
async function spawnOnce(args: readonly string[]): Promise<void> {
  await run(process.execPath, args);
}

async function timeOnce(args: readonly string[]): Promise<number> {
  const started = performance.now();
  await spawnOnce(args);
  return performance.now() - started;
}

/**
 * How long `nosh` takes to start, against a bare `node -e 0` spawned the same
 * way in the same run: `nosh --version` and `nosh --help`, each in
 * alternating rounds with the bare node (warm: the p50 after tinybench's
 * warmup), and the first spawn of each before anything else has run (cold:
 * one sample each, so noisier; the OS may still hold the files from a
 * build). Both load only commander and the commands' option lists; a
 * command's work is imported when it runs.
 */
export async function startupSuite(timeMs = 6000, rounds = 5): Promise<Record<string, number>> {
  const coldBare = await timeOnce(['-e', '0']);
  const coldVersion = await timeOnce([MAIN, '--version']);
  const bare = { name: 'node -e 0', fn: () => spawnOnce(['-e', '0']) };
  // Few iterations a round: one spawn is tens of milliseconds, tinybench's default 64 would take minutes.
  const version = await compareLatency(bare, { name: 'nosh --version', fn: () => spawnOnce([MAIN, '--version']) }, timeMs / 2, rounds, 4);
  const help = await compareLatency(bare, { name: 'nosh --help', fn: () => spawnOnce([MAIN, '--help']) }, timeMs / 2, rounds, 4);
  return {
    bareMs: round(version.baseline.p50Us / 1000, 1),
    versionMs: round(version.candidate.p50Us / 1000, 1),
    startupRatio: round(version.ratioP50, 2),
    helpMs: round(help.candidate.p50Us / 1000, 1),
    helpRatio: round(help.ratioP50, 2),
    coldBareMs: round(coldBare, 1),
    coldVersionMs: round(coldVersion, 1),
    coldStartupRatio: round(coldVersion / coldBare, 2),
    target: STARTUP_TARGET,
  };
}
