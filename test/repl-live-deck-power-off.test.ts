import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

describe('nosh repl --seed N: (power-off H) for any duration up to the limit', () => {
  it('comes back on after a minute, an hour, a day and a year of deck time, and the deck answers after each', async () => {
    const hours = [0.018, 1, 30, 366 * 24];
    const input = ['(abandon-mission "to switch off")', ...hours.flatMap((h) => [`(define before (get (status) :now))`, `(power-off ${h})`, `(- (get (status) :now) before)`]), '(length (board))'].join('\n');
    const r = await nosh(['repl', '--seed', '3', '--strict'], { input, timeoutMs: 120_000 });
    expect(r.stderr).not.toMatch(/did not answer/);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    // Per duration: the define, the power-off's answer, and how far deck time moved over it.
    hours.forEach((h, i) => {
      expect(lines[1 + i * 3 + 1], `power-off ${h}`).toBe(':ready');
      expect(Number(lines[1 + i * 3 + 2]), `deck time over power-off ${h}`).toBeGreaterThanOrEqual(h * 3600_000);
    });
    expect(Number(lines[lines.length - 1])).toBeGreaterThanOrEqual(0);
  });
});
