import { describe, expect, it } from 'vitest';
import { missionControlSuite } from '../bench/mission-control.js';

describe('bench mission-control', () => {
  it('times accept, complete, a verb and a board on the real actor, each granted', async () => {
    const f = await missionControlSuite(200);
    expect(Object.keys(f).sort()).toEqual(['acceptP99Us', 'acceptUs', 'boardP99Us', 'boardUs', 'completeP99Us', 'completeUs', 'udsCloneUs', 'verbP99Us', 'verbUs']);
    for (const v of Object.values(f)) expect(v).toBeGreaterThan(0);
  });
});
