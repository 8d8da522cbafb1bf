import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetNpx, npmCache, shOk } from './helpers/shell.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STEP_MS = 180_000;

/** What says whether a build ran: the stamp the build writes last, and the bin it compiled. */
function buildState(clone: string): { stamp: string; stampMtime: number; binMtime: number } {
  const stamp = join(clone, 'dist', '.build-inputs');
  return { stamp: readFileSync(stamp, 'utf8'), stampMtime: statSync(stamp).mtimeMs, binMtime: statSync(join(clone, 'dist/src/cli/main.js')).mtimeMs };
}

/**
 * The README's Quick start, in order, on a fresh clone of HEAD (committed
 * work only): install, run, test, run again. Each `npx nosh` must run the
 * clone's own bin (npx links the folder into its cache to find it) without
 * building again and without the registry (npm is told to stay offline).
 *
 * `npm test` here runs the whole of the test script (build, lint, vitest)
 * on one test file: the full suite would run this test again inside
 * itself, and take minutes. What breaks the README's commands is the
 * build and its `rm -rf dist`, and that part runs in full.
 */
describe("the README's Quick start on a fresh clone", () => {
  const dir = mkdtempSync(join(tmpdir(), 'nosh-readme-'));
  const clone = join(dir, 'nosh');
  let cache = '';
  afterAll(() => {
    if (cache !== '') forgetNpx(cache, clone);
    rmSync(dir, { recursive: true, force: true });
  });

  it('npm install && npx nosh run, npm test, npx nosh run: each exits 0, and npx never builds again', async () => {
    const head = (await shOk('git', ['rev-parse', 'HEAD'], ROOT)).stdout.trim();
    await shOk('git', ['clone', '--quiet', ROOT, clone], dir);
    await shOk('git', ['checkout', '--quiet', head], clone);
    cache = await npmCache(clone);

    // The lockfile's packages come from npm's cache when it has them (here, always), else from the registry.
    await shOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], clone, { timeoutMs: STEP_MS });
    const installed = buildState(clone);
    expect(statSync(join(clone, 'dist/src/cli/main.js')).mode & 0o111).not.toBe(0);

    const offline = { env: { npm_config_offline: 'true' }, timeoutMs: STEP_MS };
    const first = await shOk('npx', ['nosh', 'run', '--missions', '2'], clone, offline);
    expect(first.stdout).toMatch(/^summary {2}2 missions · /m);
    expect(first.output).not.toMatch(/> nosh@[^ ]+ build/);
    expect(buildState(clone)).toEqual(installed);

    await shOk('npm', ['test', '--', 'test/bin-executable.test.ts'], clone, { timeoutMs: STEP_MS });
    const tested = buildState(clone);
    expect(tested.binMtime).toBeGreaterThan(installed.binMtime);

    const again = await shOk('npx', ['nosh', 'run', '--missions', '2'], clone, offline);
    expect(again.stdout).toMatch(/^summary {2}2 missions · /m);
    expect(again.output).not.toMatch(/> nosh@[^ ]+ build/);
    expect(buildState(clone)).toEqual(tested);
    // The same seed, the same campaign: the second run is the first one again.
    expect(again.stdout.match(/^trace {4}(\w+)/m)?.[1]).toBe(first.stdout.match(/^trace {4}(\w+)/m)?.[1]);
  }, 4 * STEP_MS);
});
