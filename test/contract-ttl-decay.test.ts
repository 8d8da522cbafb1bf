import { describe, expect, it } from 'vitest';
import { decodeUds, encodeUds } from '../src/deck/uds-codec.js';
import type { Uds } from '../src/deck/uds.js';
import { bootDeck, reapBoard, refreshBoard } from '../src/mission-control/decay.js';
import { deckContext } from '../src/mission-control/deck-setup.js';
import type { CipherEvent } from '../src/mission-control/events.js';
import { URGENT_TTL_S } from '../src/mission-control/generation.js';
import { DAY, HOUR, NOON, boardFor, catalog } from './helpers/mission-control.js';

const ctxAt = (uds: Uds, now: number, inserted: string | null = null) => deckContext(catalog(), uds, inserted, now);

describe('contract TTL and decay', () => {
  it('draws Standard TTLs from 2–8 h (narrowed by the schema window, never below or past it), Urgent 15–45 min, Episodic none', () => {
    // Seed 004 §3.3: Standard 2–8 hours, Urgent 15–45 minutes, Episodic until accepted.
    const [floor, ceiling] = [2 * 3600, 8 * 3600];
    const seen = new Set<string>();
    const schemasSeen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      for (const inserted of ['ice-breaker', 'depthcharge']) {
        for (const e of boardFor({ seed, inserted, registered: ['ice-breaker', 'neongrid', 'black-ledger', 'depthcharge'].map((cart) => ({ cart, lastSeen: NOON })) }).uds.board) {
          seen.add(e.category);
          const ttl = e.expiresAt === null ? null : (e.expiresAt - e.createdAt) / 1000;
          const schema = catalog().schemaByName.get(e.schema)?.schema;
          if (e.category === 'episodic') expect(ttl).toBeNull();
          else if (e.category === 'urgent') {
            expect(ttl).toBeGreaterThanOrEqual(URGENT_TTL_S[0]);
            expect(ttl).toBeLessThanOrEqual(URGENT_TTL_S[1]);
          } else {
            schemasSeen.add(e.schema);
            expect(ttl, e.schema).toBeGreaterThanOrEqual(floor);
            expect(ttl, e.schema).toBeLessThanOrEqual(ceiling);
            const [lo, hi] = schema?.ttlRange ?? [floor, ceiling];
            expect(ttl, e.schema).toBeGreaterThanOrEqual(Math.min(ceiling, Math.max(floor, lo)));
            expect(ttl, e.schema).toBeLessThanOrEqual(Math.max(floor, Math.min(ceiling, hi)));
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(['episodic', 'opportunity', 'standard', 'urgent']);
    // The schemas whose own windows reach below the Standard floor were on the board.
    expect(schemasSeen).toContain('encrypted-cache-recovery');
    expect(schemasSeen).toContain('courier-dash');
  });

  it('a Standard contract reaches its wall-clock TTL while the deck is off and is gone at the next boot', () => {
    const { uds } = boardFor({ seed: 11 });
    const standard = uds.board.find((e) => e.category === 'standard');
    expect(standard).toBeDefined();
    const expiry = standard?.expiresAt as number;
    // Power off: the UDS goes to flash as bytes; power on after the target has passed.
    const stored = encodeUds(uds);
    const before: CipherEvent[] = [];
    const bootedEarly = bootDeck(decodeUds(stored), ctxAt(uds, expiry - 1), before);
    expect(bootedEarly.board.some((e) => e.id === standard?.id)).toBe(true);
    const events: CipherEvent[] = [];
    const booted = bootDeck(decodeUds(stored), ctxAt(uds, expiry), events);
    expect(booted.board.some((e) => e.id === standard?.id)).toBe(false);
    expect(events).toContainEqual({ event: 'contract-expired', contract: standard?.id, reason: 'ttl', atBoot: true, affect: 'drift' });
    // Boot is a power cycle: the entropy pool moved, and the board is full again.
    expect(booted.cipherSeed).not.toBe(uds.cipherSeed);
    expect(booted.board.length).toBeGreaterThanOrEqual(3);
  });

  it('warns :contract-near-expiry once, in the last 15% of the TTL, then reaps with :contract-expired', () => {
    const { uds } = boardFor({ seed: 5 });
    const e = uds.board.find((x) => x.expiresAt !== null);
    const ttl = (e?.expiresAt as number) - (e?.createdAt as number);
    const at = (f: number): number => (e?.createdAt as number) + Math.floor(ttl * f);
    const ev1: CipherEvent[] = [];
    const early = reapBoard(uds, ctxAt(uds, at(0.8)), false, ev1);
    expect(ev1.filter((x) => x.contract === e?.id)).toEqual([]);
    const ev2: CipherEvent[] = [];
    const late = reapBoard(early, ctxAt(uds, at(0.9)), false, ev2);
    expect(ev2).toContainEqual({ event: 'contract-near-expiry', contract: e?.id, affect: 'terse' });
    expect(late.board.find((x) => x.id === e?.id)?.warned).toBe(true);
    const ev3: CipherEvent[] = [];
    reapBoard(late, ctxAt(uds, at(0.95)), false, ev3);
    expect(ev3.filter((x) => x.contract === e?.id)).toEqual([]);
    const ev4: CipherEvent[] = [];
    const gone = reapBoard(late, ctxAt(uds, at(1)), false, ev4);
    expect(gone.board.some((x) => x.id === e?.id)).toBe(false);
    expect(ev4).toContainEqual({ event: 'contract-expired', contract: e?.id, reason: 'ttl', atBoot: false, affect: 'drift' });
  });

  it('keeps an Episodic contract across any length of power-off, until accepted', () => {
    let seed = 1;
    let found: Uds | null = null;
    for (; seed < 500 && found === null; seed++) {
      const { uds } = boardFor({ seed, inserted: 'ice-breaker' });
      if (uds.board.some((e) => e.category === 'episodic')) found = uds;
    }
    expect(found).not.toBeNull();
    const uds = found as Uds;
    const episodic = uds.board.find((e) => e.category === 'episodic');
    const years = bootDeck(uds, ctxAt(uds, NOON + 3 * DAY, 'ice-breaker'));
    expect(years.board.some((e) => e.id === episodic?.id)).toBe(true);
    const refreshed = refreshBoard(years, ctxAt(years, NOON + 3 * DAY + HOUR, 'ice-breaker'));
    expect(refreshed.board.some((e) => e.id === episodic?.id)).toBe(true);
  });

  it('an Opportunity declined never returns on the same seed; the seed advancing opens new windows', () => {
    let deck: { uds: Uds; events: CipherEvent[] } | null = null;
    for (let seed = 1; seed <= 3000 && deck === null; seed++) {
      const d = boardFor({ seed, inserted: 'ice-breaker', registered: [{ cart: 'depthcharge', lastSeen: NOON - HOUR }] });
      if (d.uds.board.some((e) => e.category === 'opportunity')) deck = d;
    }
    expect(deck).not.toBeNull();
    const { uds, events } = deck as { uds: Uds; events: CipherEvent[] };
    const opp = uds.board.find((e) => e.category === 'opportunity');
    expect(events).toContainEqual({ event: 'opportunity-detected', contract: opp?.id, affect: 'anomalous' });
    expect(uds.spentOpportunities).toContain(opp?.opportunityKey);
    // Declined: the operator ran (and abandoned) something else; cipher_seed does not move on an abandon.
    let now = NOON + HOUR;
    let state = uds;
    for (let run = 0; run < 50; run++) {
      const ev: CipherEvent[] = [];
      state = refreshBoard(state, ctxAt(state, now, 'ice-breaker'), ev);
      expect(state.cipherSeed).toBe(uds.cipherSeed);
      expect(state.board.some((e) => e.opportunityKey === opp?.opportunityKey)).toBe(false);
      expect(ev.some((e) => e.event === 'opportunity-detected' && state.board.find((b) => b.id === e.contract)?.schema === opp?.schema)).toBe(false);
      now += 10 * 60 * 1000;
    }
    // Without the spent key, the same state would open the same window again: the memory is what stops it.
    const forgetful = refreshBoard({ ...uds, spentOpportunities: [], board: [] }, ctxAt(uds, NOON + HOUR, 'ice-breaker'));
    expect(forgetful.board.some((e) => e.opportunityKey === opp?.opportunityKey)).toBe(true);
  });
});
