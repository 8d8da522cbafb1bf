import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

const BROKEN = 'test/fixtures/broken-schemas.lisp';

describe('nosh validate-schema', () => {
  it('passes every shipped schema', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync('actors/cartridge/games', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.lisp'))
      .map((f) => join('actors/cartridge/games', f));
    expect(files.length).toBeGreaterThanOrEqual(16);
    const r = await nosh(['validate-schema', ...files]);
    expect(r.stdout).toMatch(/^ok: \d+ schemas in \d+ files\n$/);
    expect(r.code).toBe(0);
  });

  it('reports each lint class at its line, as FILE:line:col: error: …, and exits 1', async () => {
    const r = await nosh(['validate-schema', BROKEN]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const at = (line: number, pattern: RegExp): void => {
      expect(lines.some((l) => l.startsWith(`${BROKEN}:${line}:`) && l.includes(': error: ') && pattern.test(l)), `${line} ${pattern}\n${r.stdout}`).toBe(true);
    };
    at(5, /unknown capability :orbital-strike/);
    at(11, /above every contributor's :threat-cap \(:grid 1\)/);
    at(17, /:phase-count 2 on a System-only composition/);
    at(23, /unknown generator moon-phase/);
    at(29, /inverted :ttl-range \(7200 1800\)/);
    // The objective invariants, checked by the objective engine's own reading of the form.
    at(37, /goal secret: a :latent :primary cannot start :open.*\[primary-briefed\]/);
    at(44, /goal deliver: :requires pickup, which is not a goal of schema :requires-missing \[unknown-goal\]/);
    at(51, /goal deliver: :excludes detour, which is not a goal .*\[unknown-goal\]/);
    at(59, /goal deliver: the name is used twice in schema :duplicate-goal \(first at 58:11\) \[duplicate-goal\]/);
    at(67, /goal quiet: :hold does not compile: unknown variable heat in predicate .*\[hold\]/);
    at(72, /unknown payout formula lottery-payout/);
    at(79, /goal tap pays :recurring, but :recurring-but-once is not :episodic/);
    expect(lines).toHaveLength(12);
    expect(r.stderr).toMatch(/problems in 1 file/);
  });

  it('reports unreadable Lisp at its line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-validate-'));
    const file = join(dir, 'bad.lisp');
    writeFileSync(file, '(defcontract-schema :x\n  :threat-range (1 2\n');
    const r = await nosh(['validate-schema', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${file}:3:1: error: unterminated list opened at`));
  });

  it('checks a schema file against capabilities it registers itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-validate-'));
    const file = join(dir, 'new-cart.lisp');
    writeFileSync(
      file,
      `(register-capabilities :module :shellfire :bit 0x10 :provides '(:jamming) :affinities '(:electronic) :seeds '(target-name))
(register-mission-contributions :module :shellfire :threat-cap 4)
(defcontract-schema :jam-the-net :required-capabilities '(:jamming) :threat-range '(1 4) :noun-generators '(target-name)
  :objectives (spine (goal jam :text "Jam the net" :role :primary :reveal :briefed :reward ((¤ (scale 300))))))
`,
    );
    const r = await nosh(['validate-schema', file]);
    expect(r.stdout).toBe('ok: 1 schema in 1 file\n');
    expect(r.code).toBe(0);
  });

  it('fails clearly on a file that is not there', async () => {
    const r = await nosh(['validate-schema', 'no/such/file.lisp']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot read no\/such\/file\.lisp/);
  });
});
