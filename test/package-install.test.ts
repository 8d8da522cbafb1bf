import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { shOk } from './helpers/shell.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STEP_MS = 120_000;

interface LockEntry {
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [field: string]: unknown;
}

/**
 * The lockfile paths nosh's runtime dependencies install (optional ones too), found by walking them
 * the way Node resolves: `dev`/`devOptional` flags cannot say it, since a package both a dev tool and
 * a runtime optional dependency need (detect-libc, for bullmq's msgpackr-extract) is marked `devOptional`.
 */
function productionTree(packages: Readonly<Record<string, LockEntry>>): string[] {
  const seen = new Set<string>();
  const depsOf = (e: LockEntry | undefined): string[] => Object.keys({ ...(e?.dependencies as object | undefined), ...(e?.optionalDependencies as object | undefined) });
  const visit = (from: string, name: string): void => {
    // From `a/node_modules/b`, `c` resolves to `a/node_modules/b/node_modules/c`, then outwards to `node_modules/c`.
    for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
      const path = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
      if (packages[path] !== undefined) {
        if (seen.has(path)) return;
        seen.add(path);
        for (const dep of depsOf(packages[path])) visit(path, dep);
        return;
      }
      if (dir === '') return; // not in the lock (an optional dependency for another platform)
    }
  };
  for (const dep of depsOf(packages[''])) visit('', dep);
  return [...seen].sort();
}

/**
 * A consumer's package.json and lockfile that depend on the tarball, with
 * nosh's own locked versions of its runtime dependencies (the versions it is
 * tested with): `npm ci` then installs from npm's cache, never resolving a
 * range against the registry.
 */
function consumer(app: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const own = lock.packages[''] as LockEntry;
  const spec = `file:${tarball}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', dependencies: { nosh: spec } },
    'node_modules/nosh': { version: own.version, resolved: spec, integrity, dependencies: own.dependencies, bin: own.bin, engines: own.engines },
  };
  for (const path of productionTree(lock.packages)) packages[path] = lock.packages[path];
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { nosh: spec } }));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }));
}

/** What a consumer's script does with the API: play a campaign, read its trace back, check it against the run's hash, run a small soak. */
const USE_API = `
const nosh = await import('nosh');
const exported = Object.keys(nosh).sort();
const summary = await nosh.runCampaign({ seed: 5, missions: 1, placement: 'inline', traceJsonl: 'run.jsonl' });
const records = nosh.readTrace('run.jsonl');
const soak = await nosh.runSoak({ campaigns: 2, missions: 1, workers: 1, seed: 1, faults: null, skimCredit: null });
console.log(JSON.stringify({ exported, missions: summary.missions, ended: summary.ended, records: records.length, sameHash: nosh.traceHashOf(records) === summary.traceHash, soak: { missions: soak.missions, violations: soak.violations } }));
`;

/** A consumer's TypeScript: the declarations must type it, and refuse a wrong config. */
const TYPED_USE = `import { type CampaignSummary, readTrace, runCampaign, runSoak, type TraceRecord } from 'nosh';
export const summary: Promise<CampaignSummary> = runCampaign({ seed: 1, missions: 1, placement: 'inline' });
export const records: TraceRecord[] = readTrace('run.jsonl');
export const soak = runSoak({ campaigns: 1, missions: 1, workers: 1, seed: 1, faults: null, skimCredit: null });
// @ts-expect-error missions is a number
export const wrong = runCampaign({ seed: 1, missions: 'two' });
`;

describe('the packed tarball', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nosh-package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships no tests and no maps of unshipped sources, installs elsewhere, runs `npx nosh run`, and imports with types', async () => {
    // The build under test, packed as it is (prepare would only find it current, or rebuild under the other tests' feet).
    const packed = await shOk('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT, { timeoutMs: STEP_MS });
    const [pack] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = (pack?.files ?? []).map((f) => f.path);
    expect(files).toContain('dist/src/cli/main.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('LICENSE');
    expect(files.filter((f) => /(^|\/)test\//.test(f))).toEqual([]);
    // tsc's maps point at .ts files the package does not have; the bundle's carry their sources inside.
    expect(files.filter((f) => f.endsWith('.map') && !f.startsWith('dist/bundle/'))).toEqual([]);

    const app = join(dir, 'app');
    mkdirSync(app);
    consumer(app, join(dir, pack?.filename as string));
    await shOk('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], app, { timeoutMs: STEP_MS });

    const run = await shOk('npx', ['nosh', 'run', '--missions', '2'], app, { env: { npm_config_offline: 'true' }, timeoutMs: STEP_MS });
    expect(run.stdout).toMatch(/^summary {2}2 missions · /m);
    expect(run.stdout).toMatch(/^trace {4}[0-9a-f]{64}$/m);

    const used = await shOk(process.execPath, ['--input-type=module', '-e', USE_API], app, { timeoutMs: STEP_MS });
    expect(JSON.parse(used.stdout.trim().split('\n').at(-1) as string)).toEqual({
      exported: ['DEFAULT_FAULT_RATES', 'FAULT_KINDS', 'parseFaultRates', 'readTrace', 'runCampaign', 'runSoak', 'traceHashOf'],
      missions: 1,
      ended: 'done',
      records: expect.any(Number) as number,
      sameHash: true,
      soak: { missions: 2, violations: 0 },
    });

    writeFileSync(join(app, 'use.ts'), TYPED_USE);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    await shOk(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'use.ts'], app, { timeoutMs: STEP_MS });
  }, 6 * STEP_MS);
});
