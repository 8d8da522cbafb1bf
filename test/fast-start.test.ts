import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI } from './helpers/cli.js';

/** A module-resolution hook that names every module the process loads, on stderr. */
const HOOK = `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('loaded: ' + r.url + '\\n'); return r; }`;
const RECORD = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

/** The modules `nosh ARGS` loads, and its stdout. */
function loads(args: readonly string[]): { modules: string[]; stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(RECORD)}`, CLI, ...args], { encoding: 'utf8' });
  const modules = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('loaded: '))
    .map((l) => l.slice('loaded: '.length));
  return { modules, stdout: r.stdout, status: r.status };
}

/** What only a command's work needs: the deck, the pool, plots, PNG, fonts and the benchmarks. */
const HEAVY = /node_modules\/(vega|vega-lite|tinybench|opentype\.js|pngjs|piscina|rxjs|@fontsource|bullmq|ioredis)\/|dist\/src\/(runtime\/runtime|campaign\/campaign|campaign\/soak)\.js|dist\/bench\/(?!suites\.js)/;

describe('nosh starts fast', () => {
  it.each(['--version', '--help', 'soak --help', 'worker --help', 'bench --help'])('nosh %s loads only commander and the option lists', (line) => {
    const r = loads(line.split(' '));
    expect(r.status).toBe(0);
    // The recorder works: the entry point and commander are seen.
    expect(r.modules.some((m) => m.endsWith('/dist/src/cli/main.js'))).toBe(true);
    expect(r.modules.some((m) => m.includes('/node_modules/commander/'))).toBe(true);
    expect(r.modules.filter((m) => HEAVY.test(m))).toEqual([]);
  });

  it('a command still loads its work when it runs', () => {
    const r = loads(['board', '--json']);
    expect(r.status).toBe(0);
    expect(r.modules.some((m) => m.endsWith('/dist/src/mission-control/generation.js'))).toBe(true);
    expect(JSON.parse(r.stdout.trim()).contracts.length).toBeGreaterThan(0);
  });
});
