import { describe, expect, it } from 'vitest';
import { shippedCartFiles } from '../src/campaign/cart-files.js';
import { loadCartContent } from '../src/mission-control/cart-content.js';
import { formatProblem } from '../src/mission-control/problems.js';
import { catalog } from './helpers/mission-control.js';

describe('the launch carts and baselines', () => {
  it('load from actors/cartridge/games with no problems', () => {
    expect(loadCartContent(shippedCartFiles()).problems.map(formatProblem)).toEqual([]);
  });

  it('declare the threat caps, bits and supersedes of seed 004 §2.3 and §3.2.1', () => {
    const byName = new Map(catalog().modules.map((m) => [m.name, m]));
    const caps = Object.fromEntries([...byName].map(([n, m]) => [n, m.threatCap]));
    expect(caps).toEqual({ terminal: 2, grid: 1, audit: 2, sonar: 2, 'ice-breaker': 6, neongrid: 3, 'black-ledger': 5, depthcharge: 5 });
    expect(['terminal', 'grid', 'audit', 'sonar'].map((n) => byName.get(n)?.system)).toEqual([true, true, true, true]);
    expect(['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge'].map((n) => byName.get(n)?.bit)).toEqual([0x01, 0x02, 0x04, 0x08]);
    expect(['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge'].map((n) => byName.get(n)?.supersedes)).toEqual(['terminal', 'grid', 'audit', 'sonar']);
    expect(byName.get('ice-breaker')?.provides).toEqual(['network-penetration', 'network-extraction', 'network-sabotage', 'network-surveillance']);
  });

  it('ship at least 3 schemas per cart and 1–2 per baseline, multi-cart ones included, each with objectives', () => {
    // A schema belongs to the cart whose folder it ships in (multi-cart ones too).
    const count = new Map<string, number>();
    let multi = 0;
    for (const s of catalog().schemas) {
      const owner = /actors\/cartridge\/games\/([^/]+)\//.exec(s.schema.at.form?.source ?? '')?.[1] as string;
      count.set(owner, (count.get(owner) ?? 0) + 1);
      if (s.providers.length > 1) multi++;
      expect(s.schema.objectives.length, s.schema.name).toBeGreaterThan(0);
      expect(s.primaryCredits.length, s.schema.name).toBeGreaterThan(0);
    }
    for (const cart of ['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge']) expect(count.get(cart), cart).toBeGreaterThanOrEqual(3);
    for (const base of ['terminal', 'grid', 'audit', 'sonar']) {
      expect(count.get(base), base).toBeGreaterThanOrEqual(1);
      expect(count.get(base), base).toBeLessThanOrEqual(2);
    }
    expect(multi).toBeGreaterThanOrEqual(2);
    expect(catalog().schemaByName.get('encrypted-cache-recovery')?.providers.map((m) => m.name)).toEqual(['depthcharge', 'ice-breaker']);
  });

  it('reports a malformed registration at FILE:line:col', () => {
    const content = loadCartContent([
      { path: 'x/reg.lisp', text: "(register-capabilities :module :x :bit 0x03 :provides '(:a))\n(register-mission-contributions :module :x :threat-cap 99)\n(launch-missiles)\n" },
    ]);
    expect(content.problems.map(formatProblem)).toEqual([
      'x/reg.lisp:1:40: error: :bit must be a single-bit mask (0x01, 0x02, 0x04, …), found 0x3',
      'x/reg.lisp:2:56: error: :threat-cap must be an integer in 1..6, found 99 (a number)',
      'x/reg.lisp:3:1: error: unexpected top-level form launch-missiles: a cart file declares register-capabilities, register-mission-contributions, defcontract-schema',
    ]);
  });
});
