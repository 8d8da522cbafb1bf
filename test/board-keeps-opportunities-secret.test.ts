import { describe, expect, it } from 'vitest';
import { LINES } from '../actors/cipher/lines.js';
import { viewBoard } from '../src/mission-control/board-view.js';
import { NOON, boardFor } from './helpers/mission-control.js';

/**
 * Seed 004 §3.4: Mission Control flags Opportunity contracts internally but does
 * not tell the operator they are one-shot; the operator learns to read rarity
 * from patterns and from CIPHER's affect. So nothing an operator sees says
 * "once", and no note is a sure tell: the notes an Opportunity can get, an
 * ordinary contract gets too, and some Opportunities get none.
 */
const ONE_SHOT = /\bonce\b|one[- ]shot|only one|never again|last chance|won't come back|single chance/i;
const CARTS = ['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge'];

describe('the board keeps Opportunity contracts secret', () => {
  it('says nothing of one-shot, and gives no note only Opportunities get', () => {
    const notes = { opportunity: new Map<string, number>(), ordinary: new Map<string, number>() };
    let opportunities = 0;
    let silent = 0;
    for (let seed = 1; seed <= 300; seed++) {
      for (const inserted of CARTS) {
        const { uds, ctx } = boardFor({ seed, inserted, registered: CARTS.map((cart) => ({ cart, lastSeen: NOON })) });
        for (const c of viewBoard(uds, ctx, true)) {
          const category = c.internals?.ttlCategory;
          const shown = [c.class, c.target, c.brief, c.cipher ?? ''].join(' · ');
          if (category === 'opportunity') {
            opportunities++;
            expect(shown).not.toMatch(ONE_SHOT);
            if (c.cipher === null) silent++;
            else notes.opportunity.set(c.cipher, (notes.opportunity.get(c.cipher) ?? 0) + 1);
          } else if (category === 'standard' && c.cipher !== null && c.cipher !== 'window. closing.') {
            notes.ordinary.set(c.cipher, (notes.ordinary.get(c.cipher) ?? 0) + 1);
          }
        }
      }
    }
    expect(opportunities).toBeGreaterThan(20);
    // Some Opportunities pass without a word; the rest get notes ordinary contracts get too.
    expect(silent).toBeGreaterThan(0);
    for (const note of notes.opportunity.keys()) expect(notes.ordinary.has(note), `only Opportunities get "${note}"`).toBe(true);
  });

  it("CIPHER's lines on an Opportunity never call it one-shot", () => {
    for (const lines of Object.values(LINES['opportunity-detected'])) for (const line of lines ?? []) expect(line).not.toMatch(ONE_SHOT);
  });
});
