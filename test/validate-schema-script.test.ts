import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

/** Issue 17 item 4: `validate-schema --script FILE` checks an operator script without running it. */
describe('validate-schema --script', () => {
  it('warns of unknown verbs and refuses deck verbs called with a wrong count of arguments, each at line:col', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-script-'));
    const file = join(dir, 'op.lisp');
    writeFileSync(file, `(defun pick (b) (car b))
(define b (board))
(accept 0 1)
(frobnicate b)
(map (lambda (x) (pick x)) (list b))
(cond ((empty? b) (insert-cart)) (else (print '(not-a-call 1))))
`);
    const r = await nosh(['validate-schema', '--script', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${file}:3:2: error: accept takes 1 argument, given 2`,
      `${file}:4:2: warning: unknown verb frobnicate: not a special form, builtin or deck verb, and the script does not define it`,
      `${file}:6:20: error: insert-cart takes 1 argument, given 0`,
    ]);
  });

  it('the shipped autopilot and the test operators are clean; no files at all is a usage error', async () => {
    const r = await nosh(['validate-schema', '--script', 'actors/mission-runner/autopilot.lisp', '--script', 'test/fixtures/scripts/loud-operator.lisp']);
    expect(r.stdout).toBe('ok: 0 schemas in 0 files, 2 scripts\n');
    expect(r.code).toBe(0);
    expect((await nosh(['validate-schema'])).code).toBe(2);
    expect((await nosh(['validate-schema', '--script', '/nonexistent/op.lisp'])).code).toBe(2);
  });
});
