import { describe, expect, it } from 'vitest';
import { recordCartSeen } from '../src/deck/cart-seen.js';
import { emptyUds } from '../src/deck/uds.js';
import { RECENCY_WINDOW_MS, Registry } from '../src/mission-control/registry.js';
import { DAY, NOON, catalog } from './helpers/mission-control.js';

const mask = (name: string): number => catalog().modules.find((m) => m.name === name)?.bit as number;

describe('capability registry tiers', () => {
  it('derives System, Inserted, Recent, Historical and unregistered from UDS plus the slot', () => {
    let uds = emptyUds(1);
    uds = recordCartSeen(uds, mask('ice-breaker'), NOON - DAY);
    uds = recordCartSeen(uds, mask('black-ledger'), NOON - RECENCY_WINDOW_MS - 1);
    uds = recordCartSeen(uds, mask('neongrid'), NOON);
    const r = new Registry(catalog().modules, uds, 'neongrid', NOON);
    expect(['terminal', 'grid', 'audit', 'sonar'].map((m) => r.tier(m))).toEqual(['system', 'system', 'system', 'system']);
    expect(r.tier('neongrid')).toBe('inserted');
    expect(r.tier('ice-breaker')).toBe('recent');
    expect(r.tier('black-ledger')).toBe('historical');
    expect(r.tier('depthcharge')).toBe('unregistered');
    expect(r.byTier('historical').map((m) => m.name)).toEqual(['black-ledger']);
  });

  it('says how long its tiers hold: from when it was built until the first Recent cart turns Historical', () => {
    let uds = recordCartSeen(emptyUds(1), mask('ice-breaker'), NOON - DAY);
    uds = recordCartSeen(uds, mask('depthcharge'), NOON - 2 * DAY);
    const r = new Registry(catalog().modules, uds, null, NOON);
    const turns = NOON - 2 * DAY + RECENCY_WINDOW_MS + 1;
    expect(r.stableUntil).toBe(turns);
    expect([r.holdsAt(NOON), r.holdsAt(turns - 1), r.holdsAt(turns), r.holdsAt(NOON - 1)]).toEqual([true, true, false, false]);
    // What it holds to: a registry built fresh at any moment it holds at has its tiers.
    const tiers = (at: number): string[] => catalog().modules.map((m) => new Registry(catalog().modules, uds, null, at).tier(m.name));
    expect(tiers(turns - 1)).toEqual(catalog().modules.map((m) => r.tier(m.name)));
    expect(tiers(turns)).not.toEqual(tiers(turns - 1));
    expect(new Registry(catalog().modules, emptyUds(1), null, NOON).stableUntil).toBe(Number.POSITIVE_INFINITY);
  });

  it('composes System ∪ Inserted ∪ Recent only; the window edge is inclusive', () => {
    const seenAt = NOON - RECENCY_WINDOW_MS;
    const uds = recordCartSeen(emptyUds(1), mask('depthcharge'), seenAt);
    expect(new Registry(catalog().modules, uds, null, NOON).composable('depthcharge')).toBe(true);
    expect(new Registry(catalog().modules, uds, null, NOON + 1).composable('depthcharge')).toBe(false);
    expect(new Registry(catalog().modules, uds, null, NOON + 1).tier('depthcharge')).toBe('historical');
  });

  it('registration is permanent: a Historical cart comes back the moment it is inserted', () => {
    const uds = recordCartSeen(emptyUds(1), mask('ice-breaker'), 0);
    expect(new Registry(catalog().modules, uds, null, NOON).tier('ice-breaker')).toBe('historical');
    expect(new Registry(catalog().modules, uds, 'ice-breaker', NOON).tier('ice-breaker')).toBe('inserted');
    const back = recordCartSeen(uds, mask('ice-breaker'), NOON);
    expect(back.cartridgeHistory).toBe(uds.cartridgeHistory);
    expect(new Registry(catalog().modules, back, null, NOON + DAY).tier('ice-breaker')).toBe('recent');
  });

  it('a cart supersedes its baseline while Inserted or Recent, and not once Historical', () => {
    const recent = recordCartSeen(emptyUds(1), mask('ice-breaker'), NOON - DAY);
    expect(new Registry(catalog().modules, recent, null, NOON).isSuperseded('terminal')).toBe(true);
    expect(new Registry(catalog().modules, recent, null, NOON + RECENCY_WINDOW_MS).isSuperseded('terminal')).toBe(false);
    expect(new Registry(catalog().modules, emptyUds(1), 'black-ledger', NOON).isSuperseded('audit')).toBe(true);
    expect(new Registry(catalog().modules, emptyUds(1), null, NOON).isSuperseded('audit')).toBe(false);
  });

  it('refuses to insert an unknown cart or a System baseline', () => {
    expect(() => new Registry(catalog().modules, emptyUds(1), 'shellfire', NOON)).toThrow(/no cartridge named 'shellfire'/);
    expect(() => new Registry(catalog().modules, emptyUds(1), 'terminal', NOON)).toThrow(/System baseline/);
  });
});
