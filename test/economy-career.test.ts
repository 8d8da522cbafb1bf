import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUN_OUTCOMES } from '../src/deck/uds.js';
import { type CareerRun, simulateCareer } from './helpers/career.js';
import { COMPRESSION_FLOOR, compression, reputationDelta, scaleCredits } from '../src/mission-control/economy.js';
import { renderCareerSvg } from './helpers/economy-plot.js';
import { NOON, catalog } from './helpers/mission-control.js';

const PLOT = 'docs/economy-career.svg';
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const successes = (runs: readonly CareerRun[]): CareerRun[] => runs.filter((r) => r.outcome === 'success');

describe('the economy', () => {
  it('compresses ¤ as the balance grows, never below the floor, at every threat', () => {
    for (let threat = 1; threat <= 6; threat++) {
      let last = Number.POSITIVE_INFINITY;
      for (const balance of [0, 1_000, 10_000, 100_000, 1_000_000, 100_000_000]) {
        const paid = scaleCredits(900, { formula: 'contract-payout-standard', threat, category: 'standard', balance });
        expect(paid).toBeLessThanOrEqual(last);
        last = paid;
      }
      expect(scaleCredits(900, { formula: 'contract-payout-standard', threat, category: 'standard', balance: 0 })).toBeGreaterThan(last * 4);
    }
    expect(compression(0)).toBe(1);
    expect(compression(1e12)).toBe(COMPRESSION_FLOOR);
  });

  it('scales ¤ with threat, and costs more reputation to fail than to abandon', () => {
    for (let threat = 1; threat <= 6; threat++) {
      expect(scaleCredits(600, { formula: 'extract-payout', threat: threat + 1, category: 'standard', balance: 0 })).toBeGreaterThan(
        scaleCredits(600, { formula: 'extract-payout', threat, category: 'standard', balance: 0 }),
      );
      expect(reputationDelta('failure', threat)).toBeLessThan(reputationDelta('abandoned', threat));
      expect(reputationDelta('abandoned', threat)).toBeLessThan(0);
      expect(reputationDelta('success', threat)).toBeGreaterThan(0);
    }
  });

  describe('over a simulated 1,000-mission career', () => {
    const runs = simulateCareer(catalog(), { missions: 1000, seed: 1, start: NOON });
    const early = runs.slice(0, 200);
    const late = runs.slice(800);

    it('pays less ¤ per mission as the balance grows, though the work is no easier', () => {
      expect(late[0]?.balanceBefore).toBeGreaterThan(200_000);
      expect(mean(successes(late).map((r) => r.credits))).toBeLessThan(0.6 * mean(successes(early).map((r) => r.credits)));
      expect(mean(late.map((r) => r.threat))).toBeGreaterThanOrEqual(0.95 * mean(early.map((r) => r.threat)));
    });

    it('does not compress rep: a success earns as much reputation late as early', () => {
      expect(mean(successes(late).map((r) => r.reputation))).toBeGreaterThanOrEqual(0.95 * mean(successes(early).map((r) => r.reputation)));
      // Outcome reputation depends on threat and outcome only, whatever the balance.
      for (const outcome of RUN_OUTCOMES) for (let t = 1; t <= 6; t++) expect(reputationDelta(outcome, t)).toBe(reputationDelta(outcome, t));
    });

    it('is the career plotted in docs/economy-career.svg (UPDATE_PLOTS=1 re-renders it)', async () => {
      const svg = await renderCareerSvg(runs);
      if (process.env.UPDATE_PLOTS === '1') writeFileSync(PLOT, svg);
      expect(readFileSync(PLOT, 'utf8')).toBe(svg);
    });
  });
});
