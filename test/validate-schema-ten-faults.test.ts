import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

const FILE = 'test/fixtures/ten-faults.lisp';

/** Issue 17 item 4 and its Must show: a file with 10 different faults reports all 10, each with line:col. */
const FAULTS: readonly (readonly [string, RegExp])[] = [
  ['5:65', /:threat-cap must be an integer in 1\.\.6, found 9/],
  ['8:60', /:threat-range high must be an integer in 1\.\.6, found 9/],
  ['15:86', /goal probe: :hold must be a truth test .*found \(\+ …\), which computes a value/],
  ['20:86', /goal probe: :hold must be a truth test .*found nil, which is always false/],
  ['23:41', /unknown capability :orbital-strike/],
  ['26:34', /unknown generator moon-phase/],
  ['27:19', /unknown payout formula lottery-payout/],
  ['28:14', /inverted :ttl-range \(7200 1800\)/],
  ['29:10', /:brief uses \{nowhere\}/],
  ['30:85', /goal tap pays :recurring, but :many-at-once is not :episodic/],
];

describe('validate-schema reports every fault in a file', () => {
  it('all 10 faults of the fixture, each at its line:col, and exits 1', async () => {
    const r = await nosh(['validate-schema', FILE]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    for (const [at, pattern] of FAULTS) {
      expect(lines.some((l) => l.startsWith(`${FILE}:${at}: error: `) && pattern.test(l)), `${at} ${pattern}\n${r.stdout}`).toBe(true);
    }
    for (const l of lines) expect(l).toMatch(/^test\/fixtures\/ten-faults\.lisp:\d+:\d+: error: /);
  });

  it('--json prints one object per problem with file, line, col, severity and message', async () => {
    const r = await nosh(['validate-schema', '--json', FILE]);
    expect(r.code).toBe(1);
    const problems = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const [at, pattern] of FAULTS) {
      const [line, col] = at.split(':').map(Number);
      expect(problems.some((p) => p.file === FILE && p.line === line && p.col === col && p.severity === 'error' && pattern.test(String(p.message))), at).toBe(true);
    }
    const clean = await nosh(['validate-schema', '--json', 'actors/cartridge/games/terminal/contracts.lisp']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
  });

  it('an empty file and a binary file are errors of the file, at 1:1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-vs-'));
    const empty = join(dir, 'empty.lisp');
    const binary = join(dir, 'image.lisp');
    writeFileSync(empty, ';; nothing here yet\n\n');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x5d, 0x28, 0xff, 0xfe]));
    const r = await nosh(['validate-schema', empty, binary]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${empty}:1:1: error: the file holds no forms`);
    expect(r.stdout).toContain(`${binary}:1:1: error: not a text file`);
    expect(r.stdout).not.toContain('unexpected');
  });
});
