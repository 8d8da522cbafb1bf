import { describe, expect, it } from 'vitest';
import { sameBytes, tortureFlash } from '../hardware-sim/flash/torture.js';

describe('deck state on flash under power loss', () => {
  it('200 saves, power cut at every program and erase step: the reboot finds exactly the state before or after', () => {
    let checked = 0;
    const report = tortureFlash({
      seed: 7,
      saves: 200,
      onRecovered: ({ recovered, before, after, save, lossStep }) => {
        const ok = (recovered !== null && (sameBytes(recovered, after) || (before !== null && sameBytes(recovered, before)))) || (recovered === null && before === null);
        if (!ok) throw new Error(`save ${save}, loss at step ${lossStep}: recovered neither the before nor the after state`);
        checked++;
      },
    });
    expect(report.saves).toBe(200);
    expect(report.lossPoints).toBe(checked);
    // Every save takes several steps (erases, page programs, the header last).
    expect(report.lossPoints).toBeGreaterThan(200 * 5);
    expect(report.corrupt).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.recoveredBefore + report.recoveredAfter).toBe(report.lossPoints + report.doubleLosses);
    expect(report.doubleLosses).toBeGreaterThan(0);
  });

  it('is reproducible from its seed', () => {
    expect(tortureFlash({ seed: 3, saves: 20 })).toEqual(tortureFlash({ seed: 3, saves: 20 }));
  });
});
