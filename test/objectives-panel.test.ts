import { describe, expect, it } from 'vitest';
import { PANEL_COLUMNS, renderPanel } from '../src/objectives/panel.js';
import { glassPayroll, instance, ok, schemaOf, seedDrawing, vars } from './helpers/objectives.js';

/** Rows with runs of spaces collapsed: the columns are layout, the words are the panel. */
const rows = (text: string): string[] => text.split('\n').map((r) => r.replace(/(\S) {2,}/g, '$1 ').trimEnd());

describe('the objective panel (seed 003 §9)', () => {
  const schema = glassPayroll();
  const seed = seedDrawing(schema, ['ghost', 'exec-bonus']);

  it('renders GLASS PAYROLL as §9 draws it: glyphs, labels, multi-currency rewards, facets, the branch tree', () => {
    const m = instance(schema, { seed, threat: 3 });
    expect(rows(renderPanel(m.snapshot()))).toEqual([
      `GLASS PAYROLL · threat 3 · seed ${seed} · phase 1/1 · running`,
      '○ P1 Breach the payroll subnet ¤600 primary · briefed',
      '◌ P2 Exfil the payroll ledger ¤900 primary · briefed · branch',
      '   ├─◇ MIRROR (quiet): keeps ghost, lower ¤ +4 REP optional · briefed · escrow · excludes corrupt',
      '   └─◇ CORRUPT (loud): voids ghost ¤700 +◆LEDGER-FOLLOWON optional · briefed · excludes mirror · voids ghost',
      '+ O1 Ghost run — hold trace < 50 +4 REP optional · briefed · escrow',
      '◌ O2 [latent] Exec bonus pool ¤700 +INTEL optional · revealed @ HR node',
      '◌ !! [latent] ESCAPE before lockdown — spawns @ trace 75; fail = mission fail',
    ]);
  });

  it('shows play: done ●, a chosen branch, void ∅ goals, a broken hold ⊘, a spawned escalation', () => {
    const m = instance(schema, { seed });
    ok(m.complete('breach'));
    ok(m.choose('corrupt'));
    m.tick(vars({ trace: 80, node: 'hr' }));
    const text = renderPanel(m.snapshot());
    expect(rows(text).slice(1)).toEqual([
      '● P1 Breach the payroll subnet ¤600 primary · briefed',
      '○ P2 Exfil the payroll ledger ¤900 primary · briefed · branch',
      '   ├─∅ MIRROR (quiet): keeps ghost, lower ¤ +4 REP optional · briefed · escrow · :void',
      '   └─+ CORRUPT (loud): voids ghost ¤700 +◆LEDGER-FOLLOWON optional · briefed · voids ghost',
      '∅ O1 Ghost run — hold trace < 50 +4 REP optional · briefed · escrow · :void',
      '+ O2 Exec bonus pool ¤700 +INTEL optional · briefed',
      '○ !! ESCAPE before lockdown gate primary · briefed · fails on timeout',
    ]);
    for (const r of text.split('\n')) expect([...r].length).toBeLessThanOrEqual(PANEL_COLUMNS);
    const quiet = instance(schema, { seed });
    quiet.tick(vars({ trace: 50 }));
    expect(rows(renderPanel(quiet.snapshot()))[5]).toBe('⊘ O1 Ghost run — hold trace < 50 +4 REP optional · briefed · escrow · :forfeit (hold broken)');
  });

  it('the operator view hides latent goals until they are revealed', () => {
    const m = instance(schema, { seed });
    expect(renderPanel(m.snapshot(), { view: 'operator' })).not.toContain('Exec bonus');
    m.tick(vars({ node: 'hr' }));
    expect(renderPanel(m.snapshot(), { view: 'operator' })).toContain('+ O2 Exec bonus pool');
  });

  it('groups rows by phase, marks OR-groups and gates, and fits the 128×75 display', () => {
    const many = Array.from({ length: 90 }, (_, i) => `(goal filler-${i} :text "${'w'.repeat(90)}")`).join(' ');
    const s = schemaOf(`(defcontract-schema :two-phase :objectives (spine
      (phase-1 (goal gate-in :role :primary) (goal route :any ((door) (vent))) ${many})
      (phase-2 (goal out :role :primary))))`);
    const text = renderPanel(instance(s).snapshot());
    const lines = text.split('\n');
    expect(lines).toHaveLength(75);
    expect(lines[1]).toMatch(/^── phase 1 \(active\) ─+$/);
    expect(rows(text)[2]).toBe('○ P1 GATE-IN gate primary · briefed');
    expect(rows(text)[3]).toBe('+ O1 ROUTE — optional · briefed · any one of');
    expect(rows(text)[4]).toBe('   ├─+ DOOR — optional · briefed');
    expect(lines[74]).toMatch(/^… \d+ more rows$/);
    for (const r of lines) expect([...r].length).toBeLessThanOrEqual(PANEL_COLUMNS);
  });
});
