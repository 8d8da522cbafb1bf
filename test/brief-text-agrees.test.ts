import { describe, expect, it } from 'vitest';
import { contractContent } from '../src/mission-control/contract-content.js';
import { catalog } from './helpers/mission-control.js';

/**
 * A contract's brief reads as written English and says something of its own:
 * possessives and articles agree with the words generated into them, every
 * shipped schema has a brief of its own (not the "CLASS for target." fallback),
 * and the network topologies read differently from contract to contract.
 */
describe('contract briefs', () => {
  const schemas = catalog().schemas;

  it('agree in possessive and article with what fills them, and every shipped schema has its own', () => {
    let checked = 0;
    for (const cs of schemas) {
      expect(cs.schema.brief, `${cs.schema.name} has no :brief`).toBeTruthy();
      for (let seed = 1; seed <= 60; seed++) {
        const { brief } = contractContent(cs, { seed, threat: 1 + (seed % 6), phases: 2 });
        checked++;
        expect(brief, cs.schema.name).not.toMatch(/s's\b/);
        expect(brief, cs.schema.name).not.toMatch(/\b[Aa] [aeiouAEIOU]/);
        expect(brief, cs.schema.name).not.toMatch(/\ban [b-df-hj-np-tv-z]/i);
        expect(brief, cs.schema.name).not.toMatch(/\{[a-z0-9-]+\}/);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('describe network topologies in at least 50 ways per 1,000 contracts', () => {
    const networked = schemas.filter((cs) => cs.schema.nounGenerators.includes('network-topology') || cs.schema.conditionGenerators.includes('network-topology'));
    expect(networked.length).toBeGreaterThan(0);
    const summaries = new Set<string>();
    for (let n = 0; n < 1000; n++) {
      const cs = networked[n % networked.length];
      if (cs === undefined) continue;
      const g = contractContent(cs, { seed: 10_000 + n, threat: 1 + (n % 6), phases: 2 }).generated.get('network-topology');
      if (g !== undefined) summaries.add(g.summary);
    }
    expect(summaries.size).toBeGreaterThanOrEqual(50);
  });
});
