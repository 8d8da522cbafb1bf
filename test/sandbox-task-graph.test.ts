import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

const GLASS = 'actors/cartridge/games/ice-breaker/glass-payroll.lisp';

describe("(task-graph FILE) in the designer's sandbox", () => {
  it('draws the schema as it stands, and again after a goal moved; a bad argument is a Lisp error naming the verb', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-sandbox-graph-'));
    const before = join(dir, 'before.svg');
    const after = join(dir, 'after.svg');
    const forms = [`(task-graph "${before}")`, '(goal-complete (quote breach))', `(task-graph "${after}")`, '(task-graph 3)', `(task-graph "${join(dir, 'no', 'such', 'dir.svg')}")`].join('\n');
    const r = await nosh(['repl', '--mission', GLASS, '--sandbox'], { input: `${forms}\n` });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(JSON.stringify(before));
    expect(lines[2]).toBe(JSON.stringify(after));
    expect(lines[3]).toMatch(/^error: 4:1: task-graph: expected the SVG file to write as a string/);
    expect(lines[4]).toMatch(/^error: 5:1: task-graph: cannot write .*dir\.svg: ENOENT/);
    const a = readFileSync(before, 'utf8');
    const b = readFileSync(after, 'utf8');
    // GLASS PAYROLL as seed 003 §9 draws it: the branch at exfil, CORRUPT voiding ghost, the escalation.
    for (const svg of [a, b]) {
      expect(svg).toContain('<title>glass-payroll · seed 1 · phase');
      expect(svg).toMatch(/class='edge branch' data-from='exfil' data-to='mirror'/);
      expect(svg).toMatch(/class='edge voids' data-from='corrupt' data-to='ghost'/);
      expect(svg).toMatch(/class='edge spawns' data-from='escalation-\d+' data-to='escape'/);
    }
    expect(a).toContain("id='breach' data-state='open'");
    expect(b).toContain("id='breach' data-state='done'");
  });
});
