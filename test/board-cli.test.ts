import { describe, expect, it } from 'vitest';
import { lastJson, nosh } from './helpers/cli.js';

interface BoardJson {
  contracts: { id: string; class: string; target: string; threat: number; payout: number; capabilities: string[]; swapRequired: boolean; phases: number; ttlCategory?: string; expiresAt?: string | null; opportunity?: boolean }[];
}

describe('nosh board', () => {
  it('prints the same board byte for byte for the same flags', async () => {
    const args = ['board', '--seed', '42', '--insert', 'ice-breaker', '--registered', 'depthcharge'];
    const [a, b] = await Promise.all([nosh(args), nosh(args)]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^MISSION BOARD · [345] contracts · ICE BREAKER in slot\n/);
    expect(a.stdout).toContain('[CDR] next  [CAR] brief  [EVAL] accept  [NIL] back');
  });

  it('--json prints exactly the documented fields and never the TTL, opportunity flag or seed', async () => {
    const r = await nosh(['board', '--seed', '3', '--insert', 'black-ledger', '--json']);
    expect(r.code).toBe(0);
    const board = lastJson<BoardJson>(r.stdout);
    expect(board.contracts.length).toBeGreaterThanOrEqual(3);
    for (const c of board.contracts) {
      expect(Object.keys(c)).toEqual(['id', 'class', 'target', 'threat', 'payout', 'capabilities', 'swapRequired', 'phases']);
      expect(c.id).toMatch(/^C-[0-9A-F]{4}$/);
    }
    expect(r.stdout).not.toMatch(/expires|opportunity|seed/i);
  });

  it('--reveal adds ttlCategory, expiresAt and opportunity for designers', async () => {
    const r = await nosh(['board', '--seed', '3', '--json', '--reveal', '--at', '2026-07-01T08:00:00Z']);
    const board = lastJson<BoardJson>(r.stdout);
    for (const c of board.contracts) {
      expect(['standard', 'urgent', 'opportunity', 'episodic']).toContain(c.ttlCategory);
      expect(typeof c.opportunity).toBe('boolean');
      if (c.ttlCategory !== 'episodic') expect(Date.parse(c.expiresAt as string)).toBeGreaterThan(Date.parse('2026-07-01T08:00:00Z'));
    }
    const text = await nosh(['board', '--seed', '3', '--reveal']);
    expect(text.stdout).toMatch(/· (standard|urgent|episodic|opportunity)/);
  });

  it('with nothing registered shows baselines only; a Recent cart is marked swapRequired; a Historical one never shows', async () => {
    const bare = lastJson<BoardJson>((await nosh(['board', '--seed', '8', '--json'])).stdout);
    for (const c of bare.contracts) {
      expect(c.threat).toBeLessThanOrEqual(2);
      expect(c.phases).toBe(1);
      expect(c.swapRequired).toBe(false);
    }
    const seen = { recent: 0, historical: 0 };
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const recent = lastJson<BoardJson>((await nosh(['board', '--seed', String(seed), '--registered', 'depthcharge', '--json'])).stdout);
      for (const c of recent.contracts) if (c.capabilities.includes('deep-salvage') || c.capabilities.includes('sonar-mapping') || c.capabilities.includes('submarine-evasion')) {
        seen.recent++;
        expect(c.swapRequired).toBe(true);
      }
      const old = lastJson<BoardJson>((await nosh(['board', '--seed', String(seed), '--registered', 'depthcharge@2025-01-01T00:00:00Z', '--json'])).stdout);
      for (const c of old.contracts) if (c.capabilities.some((x) => ['deep-salvage', 'sonar-mapping', 'submarine-evasion', 'underwater-navigation'].includes(x))) seen.historical++;
    }
    expect(seen.recent).toBeGreaterThan(0);
    expect(seen.historical).toBe(0);
  });

  it('--brief n prints the briefing of contract n', async () => {
    const r = await nosh(['board', '--seed', '5', '--insert', 'ice-breaker', '--brief', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nBRIEFING C-[0-9A-F]{4} · /);
    expect(r.stdout).toMatch(/\nOBJECTIVE\n/);
    expect(r.stdout).toMatch(/\nPAYOUT ¤[\d,]+ base/);
  });

  it('rejects an unknown cart, a baseline in the slot and a time without a zone', async () => {
    const unknown = await nosh(['board', '--insert', 'shellfire']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: no cartridge named 'shellfire' \(cartridges: black-ledger, depthcharge, ice-breaker, neongrid\)/);
    expect((await nosh(['board', '--insert', 'terminal'])).stderr).toMatch(/no cartridge named 'terminal'/);
    const zone = await nosh(['board', '--at', '2026-06-20 12:00']);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/--at needs an ISO time with a zone/);
  });
});
