import { describe, expect, it } from 'vitest';
import { HOLD_GOALS, benchSchema, objectivesSuite } from '../bench/objectives.js';
import { Mission } from '../src/objectives/mission.js';
import { lastJson, nosh } from './helpers/cli.js';

describe('bench objectives', () => {
  it('measures a mission with 32 live holds', () => {
    const m = Mission.instantiate(benchSchema(), { seed: 1 });
    expect(m.watchSpec().holds).toHaveLength(HOLD_GOALS);
  });

  it('reports holdTickNs, settleUs, the raw round trip of the same run and their ratio', async () => {
    const figures = await objectivesSuite(400);
    expect(Object.keys(figures).sort()).toEqual(['holdGoals', 'holdTickColdNs', 'holdTickFractionOfRtt', 'holdTickNs', 'rawRttUs', 'settleColdUs', 'settleUs']);
    for (const v of Object.values(figures)) expect(v).toBeGreaterThan(0);
    expect(figures.holdGoals).toBe(32);
    // The fraction is of this run's own figures (a median of per-round ratios, so only roughly their quotient).
    const quotient = (figures.holdTickNs as number) / ((figures.rawRttUs as number) * 1000);
    expect(figures.holdTickFractionOfRtt).toBeGreaterThan(quotient / 4);
    expect(figures.holdTickFractionOfRtt).toBeLessThan(quotient * 4);
  });

  it('nosh bench objectives --json prints {"objectives":{…}} as its last line', async () => {
    const { stdout, code } = await nosh(['bench', 'objectives', '--json'], { timeoutMs: 120_000 });
    expect(code).toBe(0);
    const json = lastJson<{ objectives: Record<string, number> }>(stdout);
    expect(Object.keys(json)).toEqual(['objectives']);
    expect(json.objectives.holdTickNs).toBeGreaterThan(0);
    expect(json.objectives.settleUs).toBeGreaterThan(0);
  });
});
