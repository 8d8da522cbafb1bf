import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

/** `nosh board` takes only times that exist and a registry without repeats; anything else is a usage error (exit 2) naming the flag. */
describe('nosh board refuses what it cannot mean', () => {
  it.each([
    ['--at', '2026-02-30T00:00:00Z', /--at: '2026-02-30T00:00:00Z' is not a real time: month 2 of 2026 has 28 days/],
    ['--at', '2025-02-29T00:00:00Z', /month 2 of 2025 has 28 days/],
    ['--at', '2026-04-31T08:00:00+02:00', /month 4 of 2026 has 30 days/],
    ['--at', '2026-06-20T24:00:00Z', /hours run 00–23/],
    ['--at', '2026-06-20T12:00:00+15:00', /no time zone is \+15:00/],
    ['--registered', 'neongrid@2026-06-31T00:00:00Z', /--registered: .* month 6 of 2026 has 30 days/],
    ['--registered', 'neongrid,ice-breaker,neongrid', /--registered: 'neongrid' is named twice/],
  ])('%s %s', async (flag, value, message) => {
    const r = await nosh(['board', flag, value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('takes a leap day that exists', async () => {
    const r = await nosh(['board', '--at', '2028-02-29T12:00:00Z', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).contracts.length).toBeGreaterThanOrEqual(3);
  });
});
