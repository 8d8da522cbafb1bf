import { describe, expect, it } from 'vitest';
import { queueSuite } from '../bench/queue.js';

describe('bench queue', () => {
  it('reports a queued soak\'s missions/s through 2 real nosh workers against the local pool\'s, in the same run', async () => {
    const f = await queueSuite({ campaigns: 2, missions: 2, rounds: 1 });
    expect(Object.keys(f).sort()).toEqual(['campaigns', 'localMissionsPerSec', 'missions', 'queueMissionsPerSec', 'queueRatio', 'workers']);
    expect(f).toMatchObject({ campaigns: 2, missions: 2, workers: 2 });
    for (const k of ['localMissionsPerSec', 'queueMissionsPerSec', 'queueRatio']) expect(f[k], k).toBeGreaterThan(0);
    expect(f.queueRatio).toBeCloseTo((f.queueMissionsPerSec as number) / (f.localMissionsPerSec as number), 1);
  }, 60_000);
});
