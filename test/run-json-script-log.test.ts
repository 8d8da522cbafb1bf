import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

describe('nosh run --json: the script log goes to stderr (docs/operator-scripts.md)', () => {
  it('prints the script\'s log lines and errors on stderr, and only the summary on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-log-'));
    const script = join(dir, 'op.lisp');
    writeFileSync(script, '(defun operate () (log "operating" (get (status) :runs)) (accept 0) (complete-mission) (car 1))\n');
    const r = await nosh(['run', '--seed', '2', '--missions', '2', '--placement', 'inline', '--script', script, '--json']);
    expect(r.stderr).toMatch(/^ {3}operating 0$/m);
    expect(r.stderr).toMatch(/^ {3}operating 1$/m);
    expect(r.stderr).toMatch(/^ {3}error: .*car/m);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(lastJson(r.stdout).missions).toBe(2);
  });
});
