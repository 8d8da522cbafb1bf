import { describe, expect, it } from 'vitest';
import { profileSuite } from '../bench/profile.js';

describe('bench profile', () => {
  it('charges a warm campaign’s stepped tick to its components, read through the bundles’ source maps, and they add up', async () => {
    const f = await profileSuite({ missions: 3, warmups: 1 });
    const parts = Object.entries(f).filter(([k]) => k.endsWith('Us') && k !== 'usPerSteppedTick');
    // The source maps resolved: the deck's own components are named, not lumped into the bundles' paths.
    for (const component of ['kernelUs', 'missionControlUs', 'lispUs', 'traceUs', 'cartGameUs']) expect(f[component], component).toBeGreaterThan(0);
    const sum = parts.reduce((a, [, v]) => a + v, 0);
    expect(sum).toBeGreaterThan(0.97 * (f.usPerSteppedTick as number));
    expect(sum).toBeLessThan(1.03 * (f.usPerSteppedTick as number));
    expect(f.steppedTicks).toBeGreaterThan(0);
  });
});
