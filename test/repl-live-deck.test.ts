import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

describe('nosh repl --seed N: the Mission Runner REPL on a live deck', () => {
  it('answers goal verbs against an accepted contract, and plays a capability call', async () => {
    const r = await nosh(['repl', '--seed', '3'], { input: "(goal-state 'breach)\n(get mission-params :status)\n(get (load-capability :ice-breaker) :outcome)\n(goal-complete 'breach)\n(goal-state 'breach)\n(goal-complete 'no-such-goal)\n" });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(':open');
    expect(lines[1]).toBe(':running');
    expect(lines[2]).toMatch(/^:(success|partial|failure)$/);
    expect(lines[3]).toBe(':done');
    expect(lines[4]).toBe(':done');
    expect(lines[5]).toMatch(/^\{:error :unknown-goal :message ".*no-such-goal/);
    expect(r.stderr).toMatch(/live deck · seed 3 · ice-breaker seated · accepted C-[0-9A-F]{4}/);
  });

  it('keeps the plain REPL without --seed', async () => {
    const r = await nosh(['repl'], { input: "(car '(1 2))\n" });
    expect(r.stdout.trim()).toBe('1');
  });
});
