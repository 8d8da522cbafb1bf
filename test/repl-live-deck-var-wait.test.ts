import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

describe('nosh repl --seed N: (var NAME) reads the deck variables, (wait-ticks N) lets deck time pass', () => {
  it('the timer counts the ticks waited, trace moves with the call, and an unknown variable is nil', async () => {
    const input = ["(define t0 (var 'timer))", '(define at (wait-ticks 40))', "(>= (- (var 'timer) t0) 40)", "(var 'trace)", '(get (load-capability :ice-breaker) :outcome)', "(> (var 'trace) 0)", "(var 'no-such-variable)", '(- (wait-ticks 10) at)'].join('\n');
    const r = await nosh(['repl', '--seed', '3', '--strict'], { input });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[2]).toBe('true');
    expect(lines[3]).toBe('0');
    expect(lines[5]).toBe('true');
    expect(lines[6]).toBe('nil');
    expect(Number(lines[7])).toBeGreaterThanOrEqual(10);
  });
});
