import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

describe('nosh flash torture', () => {
  it('reports corrupt 0 and lost 0 over every single-loss point of 200 saves', async () => {
    const r = await nosh(['flash', 'torture', '--saves', '200', '--json']);
    expect(r.code).toBe(0);
    const report = lastJson<{ saves: number; lossPoints: number; recoveredBefore: number; recoveredAfter: number; corrupt: number; lost: number }>(r.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['saves', 'lossPoints', 'recoveredBefore', 'recoveredAfter', 'corrupt', 'lost']));
    expect(report.saves).toBe(200);
    expect(report.lossPoints).toBeGreaterThan(1000);
    expect(report.corrupt).toBe(0);
    expect(report.lost).toBe(0);
  });

  it('flash info refuses a missing image instead of creating one', async () => {
    const r = await nosh(['flash', 'info', '/definitely/not/here.img']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such flash image');
  });
});
