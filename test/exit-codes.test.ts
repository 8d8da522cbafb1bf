import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

// One case per row of docs/exit-codes.md (130, Ctrl-C, is test/soak-interrupted.test.ts).
const dir = mkdtempSync(join(tmpdir(), 'nosh-exit-'));
const broken = join(dir, 'broken.lisp');
writeFileSync(broken, '(car 1)\n');
const badSchema = join(dir, 'bad-schema.lisp');
writeFileSync(badSchema, '(defcontract-schema oops)\n');
const notAnImage = join(dir, 'not-an-image.img');
writeFileSync(notAnImage, 'hello\n');
const ANOTHER_HASH = 'ab'.repeat(32);

const rows: ReadonlyArray<{ code: number; cases: ReadonlyArray<readonly string[]> }> = [
  {
    code: 0,
    cases: [
      ['run', '--missions', '1', '--placement', 'inline', '--quiet'],
      ['validate-schema', 'actors/cartridge/games/ice-breaker/glass-payroll.lisp'],
      ['soak', '--campaigns', '1', '--missions', '2', '--workers', '1', '--json'],
      ['--help'],
      ['--version'],
    ],
  },
  {
    code: 1,
    cases: [
      ['soak', '--campaigns', '1', '--missions', '3', '--workers', '1', '--skim-credit', '1', '--json'],
      ['replay', '--seed', '1', '--missions', '1', '--expect-hash', ANOTHER_HASH],
      ['validate-schema', badSchema],
      ['run', '--missions', '1', '--placement', 'inline', '--quiet', '--script', broken],
      ['flash', 'info', notAnImage],
    ],
  },
  {
    code: 2,
    cases: [
      ['nothing-such'],
      ['run', '--bogus'],
      ['run', '--missions', 'x'],
      ['run', '--script', join(dir, 'missing.lisp')],
      ['run', '--script', dir],
      ['run', '--quiet', '--verbose'],
      ['run', '--off', '2d'],
      ['board', '--at', '2026-02-30T00:00:00Z'],
      ['replay', '--seed', '1', '--missions', '1', '--expect-hash', '00'],
    ],
  },
];

describe('exit codes, as docs/exit-codes.md has them', () => {
  for (const row of rows) {
    it(`exit ${row.code}`, async () => {
      const results = await Promise.all(row.cases.map((args) => nosh(args, { cwd: process.cwd() })));
      results.forEach((r, i) => expect(r.code, `nosh ${row.cases[i]?.join(' ')}\n${r.stderr.slice(-400)}`).toBe(row.code));
      // A usage error says what was wrong on stderr, in one place, and runs nothing.
      if (row.code === 2) for (const r of results) expect(r.stderr).toMatch(/^error: /m);
    }, 120_000);
  }
});
