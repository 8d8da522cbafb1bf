import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nosh-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const statesOf = (svg: string): string[] => [...svg.matchAll(/class='node' id='[^']+' data-state='(\w+)'/g)].map((m) => m[1] as string);

describe('nosh run --graph DIR', () => {
  it('writes one task-graph SVG per mission at accept and one at resolve, the resolve one with the goals settled', async () => {
    const { code, stdout } = await nosh(['run', '--seed', '1', '--missions', '2', '--placement', 'inline', '--graph', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`graphs   4 task-graph SVG → ${dir}`);
    expect(readdirSync(dir).sort()).toEqual(['mission-0001-accept.svg', 'mission-0001-resolve.svg', 'mission-0002-accept.svg', 'mission-0002-resolve.svg']);
    for (const m of ['0001', '0002']) {
      const accept = readFileSync(join(dir, `mission-${m}-accept.svg`), 'utf8');
      const resolve = readFileSync(join(dir, `mission-${m}-resolve.svg`), 'utf8');
      expect(accept.startsWith('<svg')).toBe(true);
      expect(accept).toContain('at accept');
      expect(resolve).toContain('at resolve');
      // At accept nothing is done yet; at resolve no goal is still open.
      expect(statesOf(accept)).not.toContain('done');
      expect(statesOf(resolve).length).toBe(statesOf(accept).length);
      expect(statesOf(resolve)).not.toContain('open');
    }
  });
});
