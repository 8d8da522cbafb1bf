import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

/** The autopilot's log is read by people: numbers in it are rounded, never a raw float such as 0.9077363184187561. */
describe("the autopilot's log lines", () => {
  it('show no number with more than two decimals', async () => {
    for (const seed of [1, 4]) {
      const r = await nosh(['run', '--seed', String(seed), '--missions', '2', '--placement', 'inline']);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n').filter((l) => l.includes('autopilot:'));
      expect(lines.some((l) => l.includes('appetite'))).toBe(true);
      for (const l of lines) expect(l).not.toMatch(/\d\.\d{3,}/);
    }
  }, 60_000);
});
