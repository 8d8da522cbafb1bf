import { describe, expect, it } from 'vitest';
import { rngFromSeed } from '../src/runtime/rng.js';
import { DEFAULT_SUPERVISION, checkPolicy, onFailure } from '../src/runtime/supervisor.js';

const noJitter = { ...DEFAULT_SUPERVISION, minBackoff: 3, maxBackoff: 20, randomFactor: 0, maxRestarts: 4, withinTicks: 100 };

describe('supervision policy', () => {
  it('doubles the backoff per failure in the window, capped at maxBackoff', () => {
    const failures: number[] = [];
    const rng = rngFromSeed('x');
    const delays = [10, 11, 12, 13].map((t) => onFailure(noJitter, failures, t, rng));
    expect(delays.map((d) => (d.action === 'restart' ? d.delay : -1))).toEqual([3, 6, 12, 20]);
  });

  it('escalates on the failure past maxRestarts inside the window', () => {
    const failures: number[] = [];
    const rng = rngFromSeed('x');
    const decisions = [1, 2, 3, 4, 5].map((t) => onFailure(noJitter, failures, t, rng).action);
    expect(decisions).toEqual(['restart', 'restart', 'restart', 'restart', 'escalate']);
  });

  it('forgets failures older than the window, so the backoff resets', () => {
    const failures: number[] = [];
    const rng = rngFromSeed('x');
    for (const t of [1, 2, 3, 4]) onFailure(noJitter, failures, t, rng);
    const later = onFailure(noJitter, failures, 500, rng);
    expect(later).toEqual({ action: 'restart', delay: 3, failuresInWindow: 1 });
  });

  it('jitter comes from the seeded rng: the same seed, the same delays', () => {
    const jittery = { ...noJitter, randomFactor: 0.5 };
    const run = (seed: string): number[] => {
      const failures: number[] = [];
      const rng = rngFromSeed(seed);
      return [1, 2, 3].map((t) => {
        const d = onFailure(jittery, failures, t, rng);
        return d.action === 'restart' ? d.delay : -1;
      });
    };
    expect(run('a')).toEqual(run('a'));
    expect(run('a').every((d, i) => d >= 3 * 2 ** i && d <= 1.5 * 3 * 2 ** i)).toBe(true);
  });

  it('rejects nonsense policies with a message naming the field', () => {
    expect(() => checkPolicy({ ...noJitter, maxBackoff: 1 })).toThrow(/maxBackoff must be >= minBackoff/);
    expect(() => checkPolicy({ ...noJitter, minBackoff: 0 })).toThrow(/minBackoff must be at least 1/);
    expect(() => checkPolicy({ ...noJitter, randomFactor: 2 })).toThrow(/randomFactor/);
    expect(() => checkPolicy({ ...noJitter, maxRestarts: -1 })).toThrow(/maxRestarts/);
  });
});
