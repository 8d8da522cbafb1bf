import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

const FILE = 'actors/cartridge/games/ice-breaker/glass-payroll.lisp';

describe('nosh repl --mission FILE --sandbox: advance-phase is bound, as on the live deck', () => {
  it('gives the active phase, the same as mission-params says', async () => {
    const r = await nosh(['repl', '--mission', FILE, '--seed', '1', '--sandbox', '--strict'], { input: '(advance-phase)\n(= (advance-phase) (get mission-params :phase))\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\d+$/);
    expect(lines[1]).toBe('true');
  });
});
