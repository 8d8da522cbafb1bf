import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

const MODULE = `(register-capabilities :module :probe-grid :tier :system :provides '(:fault-probe) :affinities '(:digital) :seeds '(target-name))
(register-mission-contributions :module :probe-grid :threat-cap 2 :icon "PRB")
`;

function schema(name: string, latent: string): string {
  return `(defcontract-schema :${name}
  :required-capabilities '(:fault-probe) :threat-range '(1 2) :phase-count 1
  :payout-formula baseline-payout :brief "Probe {target}."
  :objectives (spine (goal probe :text "Probe" :role :primary :reveal :briefed :reward ((¤ (scale 100))))
                     ${latent}))
`;
}

/**
 * Seed 003 §2.1 and issue 17: a latent primary is briefed when it is revealed, and a mission succeeds on
 * its revealed primaries. One the schema gives the deck no way to reveal is never briefed, so the
 * mission succeeds with it locked while the board quoted its ¤: validate-schema refuses it.
 */
describe('validate-schema and a latent primary', () => {
  it('refuses one nothing in the schema reveals, at its line:col; passes one revealed by :at, and a latent optional', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-latent-'));
    const bad = join(dir, 'bad.lisp');
    writeFileSync(bad, MODULE + schema('hidden-pay', '(goal bonus :text "Bonus" :role :primary :reveal :latent :reward ((¤ (scale 300))))'));
    const r = await nosh(['validate-schema', bad]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:\\d+: error: .*goal bonus: a :latent :primary that nothing in the schema reveals`, 'm'));

    const good = join(dir, 'good.lisp');
    writeFileSync(
      good,
      MODULE +
        schema('revealed-pay', '(goal bonus :text "Bonus" :role :primary :reveal :latent :at (node hr) :reward ((¤ (scale 300))))') +
        schema('optional-pay', '(goal bonus :text "Bonus" :role :optional :reveal :latent :reward ((¤ (scale 300))))'),
    );
    const ok = await nosh(['validate-schema', good]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
  });

  it('every shipped schema still passes (their latent primaries are spawned by escalations)', async () => {
    const r = await nosh(['validate-schema', 'actors/cartridge/games/ice-breaker/contracts.lisp', 'actors/cartridge/games/ice-breaker/glass-payroll.lisp', 'actors/cartridge/games/black-ledger/contracts.lisp', 'actors/cartridge/games/depthcharge/contracts.lisp', 'actors/cartridge/games/neongrid/contracts.lisp']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
