import { describe, expect, it } from 'vitest';
import { soakSuite } from '../bench/soak.js';

describe('bench soak', () => {
  it('reports scaling on warm threads against the machine ceiling of the same run, compression cold and warm, and heap growth', async () => {
    const f = await soakSuite({ campaignsPerWorker: 1, missions: 2, warmupPerWorker: 1, rounds: 1, memoryMissions: 20, workers: 2 });
    expect(Object.keys(f).sort()).toEqual(
      ['campaigns', 'dashboardOverhead', 'dashboardOverheadBound', 'campaignsPerSec1', 'campaignsPerSecW', 'compression', 'compressionCold', 'faultCost', 'faultCostBound', 'faultedMissionsPerSec', 'heapGrowth', 'heapMb10k', 'heapMb1k', 'heapMission', 'machineScaling', 'missions', 'missionCompression', 'missionsPerSec', 'scaling', 'scalingVsMachine', 'steppedTickUs', 'workers'].sort(),
    );
    expect(f).toMatchObject({ campaigns: 2, missions: 2, workers: 2, heapMission: 20 });
    for (const k of ['campaignsPerSec1', 'campaignsPerSecW', 'scaling', 'machineScaling', 'compression', 'compressionCold', 'missionCompression', 'steppedTickUs', 'missionsPerSec', 'heapMb1k', 'heapMb10k', 'dashboardOverhead']) expect(f[k], k).toBeGreaterThan(0);
    expect(f.scalingVsMachine).toBeCloseTo((f.scaling as number) / (f.machineScaling as number), 2);
  }, 120_000);
});
