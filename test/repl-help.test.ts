import { describe, expect, it } from 'vitest';
import { OPERATOR_VERBS } from '../src/mission-control/operator-verbs.js';
import { nosh } from './helpers/cli.js';

describe('(help) in the live deck REPL', () => {
  it('lists every operator verb with its signature, and (help VERB) gives one in full', async () => {
    const r = await nosh(['repl', '--seed', '3', '--strict'], { input: "(help)\n(help 'power-off)\n(help 'no-such-verb)\n" });
    const out = r.stdout + r.stderr;
    for (const v of OPERATOR_VERBS) expect(out, v.name).toContain(v.signature);
    expect(out).toMatch(/^\(power-off HOURS\)\n {2}returns: :ready when the deck is back on/m);
    expect(out).toMatch(/example: \(power-off 2\)/);
    expect(r.stdout).toMatch(/error: .*help: no operator verb no-such-verb/);
    expect(r.code).toBe(1);
  });
});
