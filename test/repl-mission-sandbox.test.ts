import { describe, expect, it } from 'vitest';
import { glassPayroll, seedDrawing } from './helpers/objectives.js';
import { nosh } from './helpers/cli.js';

const FILE = 'actors/cartridge/games/ice-breaker/glass-payroll.lisp';

describe('nosh repl --mission FILE --seed N --sandbox (the real CLI)', () => {
  const seed = seedDrawing(glassPayroll(), ['ghost', 'exec-bonus']);

  it("debugs GLASS PAYROLL without a deck: verbs, set-var!, tick!, panel, complete-mission", async () => {
    const input = [
      "(goal-state 'breach)",
      "(goal-complete 'exfil)",
      "(goal-complete 'breach)",
      "(goal-choose 'mirror)",
      '(set-var! trace 60)',
      '(tick!)',
      "(goal-state 'ghost)",
      "(set-var! node 'hr)",
      '(tick!)',
      '(panel)',
      "(goal-complete 'mirror)",
      "(goal-complete 'exfil)",
      '(complete-mission current-mission)',
    ].join('\n');
    const { stdout, stderr, code } = await nosh(['repl', '--mission', FILE, '--seed', String(seed), '--sandbox', '--strict'], { input });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(':open');
    expect(lines[1]).toMatch(/^\{:error :locked :verb goal-complete :goal exfil :state :locked :message "goal-complete exfil: exfil is :locked: it requires breach \(:open\)"\}$/);
    expect(lines.slice(2, 5)).toEqual([':done', ':open', '60']);
    expect(lines[5]).toContain(':goal ghost :phase 1 :role :optional :briefed true :from :open :to :forfeit :cause :hold-violated');
    expect(lines.slice(6, 8)).toEqual([':forfeit', 'hr']);
    expect(lines[8]).toContain('{:event :goal/revealed :goal exec-bonus :by :at}');
    expect(lines[9]).toBe(`GLASS PAYROLL · seed ${seed} · phase 1/1 · running`);
    expect(lines.slice(10, 17).map((l) => l.slice(0, 4))).toEqual(['● P1', '○ P2', '   ├', '   └', '⊘ O1', '+ O2', '◌ !!']);
    expect(lines[17]).toBe('nil');
    expect(lines.slice(18, 20)).toEqual([':done', ':done']);
    expect(lines.slice(20, 26)).toEqual([
      'mission success (all-primaries-done)',
      '¤      banked 1500 · paidAtResolve 0 · deferred 0 · recurring 0 · forfeited 0 · unearned 1400',
      'rep    banked 0 · paidAtResolve 4 · deferred 0 · recurring 0 · forfeited 4 · unearned 0',
      'intel  banked 0 · paidAtResolve 0 · deferred 0 · recurring 0 · forfeited 0 · unearned 1',
      'access banked - · paidAtResolve - · deferred - · recurring - · forfeited - · unearned ledger-followon',
      'missing: corrupt :void, ghost :forfeit, exec-bonus :open→:forfeit, escape :locked',
    ]);
    expect(lines[26]).toMatch(/^\{:outcome :success :reason "all-primaries-done" :¤ \{:banked 1500 :paid-at-resolve 0 .*:missing \(\{:goal corrupt .*\}\)\}$/);
  });

  it('without --sandbox binds the mission and the verbs only', async () => {
    const { stdout } = await nosh(['repl', '--mission', FILE, '--seed', String(seed)], { input: "(car current-mission)\n(goal-state 'ghost)\n(tick!)\n" });
    expect(stdout.split('\n')).toEqual(['mission', ':open', 'error: 3:2: unbound symbol tick! (in tick! at 3:1)', '']);
  });

  it('reports a bad file or option on stderr with a failing exit', async () => {
    const missing = await nosh(['repl', '--mission', 'no/such/file.lisp']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no/such/file.lisp');
    const wrong = await nosh(['repl', '--mission', FILE, '--schema', 'nope']);
    expect(wrong.stderr).toContain('has no schema :nope (schemas: :glass-payroll)');
    const orphan = await nosh(['repl', '--sandbox']);
    expect(orphan.stderr).toContain('--sandbox and --schema need --mission FILE');
  });
});
