import { describe, expect, it } from 'vitest';
import { type CapabilityResult, MAX_TURNS, type Telemetry } from '../actors/cartridge/games/game.js';
import { games } from '../actors/cartridge/games/games.js';
import { rngFromSeed } from '../src/runtime/rng.js';

/** Play a whole game on the cart's own suggested moves; returns everything it reported. */
function autoplay(cart: string, seed: number, threat: number): { result: CapabilityResult; telemetry: Telemetry[]; ticks: number } {
  const game = games[cart];
  if (!game) throw new Error(`no game ${cart}`);
  const rng = rngFromSeed(`${cart}:${seed}`);
  let state = game.start({ seed, threat, mission: {} }, rng);
  const telemetry: Telemetry[] = [];
  let ticks = 0;
  for (;;) {
    const prompt = game.prompt(state);
    expect(prompt.options.some((m) => m.verb === prompt.suggested.verb && (m.target ?? null) === (prompt.suggested.target ?? null))).toBe(true);
    const played = game.play(state, prompt.suggested, rng);
    state = played.state;
    telemetry.push(...played.telemetry);
    expect(played.ticks).toBeGreaterThanOrEqual(1);
    ticks += played.ticks;
    if (played.result) return { result: played.result, telemetry, ticks };
  }
}

const CAPS: Record<string, number> = { 'ice-breaker': 6, neongrid: 3, 'black-ledger': 5, depthcharge: 5, terminal: 2, grid: 1, audit: 2, sonar: 2 };

describe('cartridge gameplay loops', () => {
  it.each(Object.keys(CAPS))('%s: the same seed plays the same game; every game ends with the §5.3 result struct', (cart) => {
    const threat = CAPS[cart] as number;
    for (let seed = 0; seed < 60; seed++) {
      const a = autoplay(cart, seed, threat);
      expect(autoplay(cart, seed, threat)).toEqual(a);
      const r = a.result;
      expect(Object.keys(r).sort()).toEqual(['bonuses', 'extracted', 'missing', 'outcome', 'trace', 'turns']);
      expect(['success', 'failure', 'partial']).toContain(r.outcome);
      expect(r.turns).toBeLessThanOrEqual(MAX_TURNS);
      if (r.outcome !== 'success') expect(r.missing.length).toBeGreaterThan(0);
      if (r.outcome === 'success') expect(r.missing).toEqual([]);
      for (const t of a.telemetry) {
        expect(t.trace).toBeGreaterThanOrEqual(0);
        expect(t.trace).toBeLessThanOrEqual(100);
      }
      // A run takes deck time: turns are moves, each lasting ticks.
      expect(a.ticks).toBeGreaterThanOrEqual(r.turns);
    }
  });

  it.each(['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge'])('%s at its threat cap is a real game: a careful operator mostly wins but not always', (cart) => {
    const outcomes = new Map<string, number>();
    for (let seed = 0; seed < 200; seed++) {
      const { outcome } = autoplay(cart, seed, CAPS[cart] as number).result;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(outcomes.get('success') ?? 0).toBeGreaterThan(30);
    expect((outcomes.get('failure') ?? 0) + (outcomes.get('partial') ?? 0)).toBeGreaterThan(5);
  });

  it('reports what a hold or a reveal watches: named nodes entered, alarms and hunters', () => {
    const events = new Set<string>();
    const nodes = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      for (const t of autoplay('ice-breaker', seed, 5).telemetry) {
        events.add(t.event);
        if (t.event === 'node-entered') nodes.add(String(t.node));
      }
    }
    expect([...events]).toEqual(expect.arrayContaining(['probe', 'node-entered', 'exfil', 'alarm', 'hunter-spawn', 'disconnect']));
    expect([...nodes]).toEqual(expect.arrayContaining(['hr', 'finance', 'payroll']));
  });

  it('refuses an illegal move with a message naming it', () => {
    const game = games['ice-breaker'];
    const rng = rngFromSeed('x');
    const state = game?.start({ seed: 1, threat: 3, mission: { target: 'payroll' } }, rng);
    expect(() => game?.play(state, { verb: 'exfil' }, rng)).toThrow(/'exfil' is not a legal move from gateway/);
  });
});
