import { describe, expect, it } from 'vitest';
import { loadCartLibrary } from '../src/campaign/cart-files.js';
import { InvariantChecker, allInvariants } from '../src/campaign/invariants/index.js';
import { encodeUds } from '../src/deck/uds-codec.js';
import type { BoardEntry, Uds } from '../src/deck/uds.js';
import { loadCartContent } from '../src/mission-control/cart-content.js';
import { buildCatalog } from '../src/mission-control/catalog.js';
import { bootDeck } from '../src/mission-control/decay.js';
import { setupDeck } from '../src/mission-control/deck-setup.js';
import { RECENCY_WINDOW_MS } from '../src/mission-control/registry.js';
import type { SendRecord } from '../src/runtime/trace/record.js';

const catalog = buildCatalog(loadCartContent(loadCartLibrary().files));
const NOW = Date.UTC(2077, 0, 10);

/** A real board, generated the way the deck generates it, with ICE BREAKER seated. */
function realDeck(): Uds {
  const { uds, ctx } = setupDeck(catalog, { seed: 7, registered: [{ cart: 'neongrid', lastSeen: NOW - 3600_000 }], inserted: 'ice-breaker', now: NOW });
  return bootDeck(uds, ctx);
}

let seq = 0;
function send(kind: string, body: unknown, tick = 10): SendRecord {
  return { type: 'send', tick, wall: 0, kind, from: 'mission-control', to: kind === 'deck/event' ? '$deck' : 'flash', due: tick + 1, seq: seq++, cause: null, body };
}
const commit = (uds: Uds, tag = `uds-${seq}`): SendRecord => send('flash/write', { state: Buffer.from(encodeUds(uds)).toString('base64'), tag });
const deck = (event: Record<string, unknown>): SendRecord => send('deck/event', event);

/** Feed records to a fresh checker; the names of the invariants that fired. */
function violated(records: readonly SendRecord[]): string[] {
  const checker = new InvariantChecker(catalog, allInvariants());
  checker.write(deck({ type: 'cart', cart: 'ice-breaker', yanked: false, error: null }));
  for (const r of records) checker.write(r);
  return checker.violations.map((v) => v.invariant);
}

describe('the invariant checks', () => {
  it('pass a real deck state and fire on each doctored one', () => {
    const uds = realDeck();
    expect(uds.board.length).toBeGreaterThanOrEqual(3);
    expect(violated([commit(uds)])).toEqual([]);

    const first = uds.board[0] as BoardEntry;
    // The codec itself refuses more than 5; a board run down to 2 between runs is the deck's to prevent.
    expect(violated([commit({ ...uds, board: uds.board.slice(0, 2) })])).toEqual(['board-size']);

    const cap = Math.max(...(catalog.schemaByName.get(first.schema)?.providers.map((m) => m.threatCap) ?? [0]));
    expect(violated([commit({ ...uds, board: [{ ...first, threat: cap + 1 }, ...uds.board.slice(1)] })])).toEqual(['threat-caps']);

    // A running mission whose 256-byte chain does not decode (the codec only checks the length).
    const running = { ...uds, board: uds.board.slice(1), active: { entry: first, acceptedAt: NOW } };
    expect(violated([commit({ ...running, phaseChain: new Uint8Array(256).fill(0xa5) })])).toEqual(['phase-chain']);
    const corrupt = send('flash/write', { state: Buffer.from('not a deck state').toString('base64'), tag: 'uds-x' });
    expect(violated([corrupt])).toEqual(['phase-chain']);
  });

  it('flag a contract composed from a Historical cart, not one from a Recent cart', () => {
    const uds = realDeck();
    const neon = catalog.schemas.find((s) => s.providers.some((m) => m.name === 'neongrid') && s.providers.every((m) => m.name === 'neongrid' || m.system));
    expect(neon).toBeDefined();
    const entry = { ...(uds.board[0] as BoardEntry), id: 0xabc, schema: neon?.schema.name as string, threat: 1 };
    expect(violated([commit({ ...uds, board: [entry, ...uds.board.slice(1)] })])).toEqual([]);
    const later = { ...entry, createdAt: NOW + RECENCY_WINDOW_MS + 1, expiresAt: NOW + RECENCY_WINDOW_MS + 3600_000 };
    expect(violated([commit({ ...uds, board: [later, ...uds.board.slice(1)] })])).toEqual(['no-historical']);
  });

  it('catch an Opportunity that comes back after leaving the board', () => {
    const uds = realDeck();
    const opp = { ...(uds.board[0] as BoardEntry), category: 'opportunity' as const, opportunityKey: 0x5eed };
    const withOpp = { ...uds, board: [opp, ...uds.board.slice(1)] };
    const without = { ...uds, board: uds.board.slice(1).concat({ ...(uds.board[1] as BoardEntry), id: 0xfeed }) };
    expect(violated([commit(withOpp), commit(withOpp), commit(without)])).toEqual([]);
    expect(violated([commit(withOpp), commit(without), commit(withOpp)])).toEqual(['opportunity-once']);
  });

  it('hold goal changes to the state machine and primaries to being briefed', () => {
    const goal = (from: string, to: string, role = 'primary', briefed = true) => deck({ type: 'goal', goal: 'p1', from, to, cause: 'verb', role, briefed });
    expect(violated([goal('open', 'done'), goal('locked', 'open', 'optional', false)])).toEqual([]);
    expect(violated([goal('locked', 'done')])).toEqual(['legal-transitions']);
    expect(violated([goal('open', 'failed', 'primary', false)])).toEqual(['primary-briefed']);
    expect(violated([goal('open', 'failed', 'optional', false)])).toEqual([]);
  });

  it('balance the books at every settlement and keep escrow for clean successes', () => {
    const buckets = (banked: number, escrow: number) => ({ banked, paidAtResolve: escrow, deferred: 0, recurring: 0, forfeited: 0, unearned: 0 });
    const none = { banked: [], paidAtResolve: [], deferred: [], recurring: [], forfeited: [], unearned: [] };
    const settled = (outcome: string, banked: number, escrow: number, balance: number) =>
      deck({
        type: 'settled',
        contract: 'x',
        outcome,
        credits: banked + escrow,
        reputation: 1,
        balance,
        reputationTotal: 1,
        settlement: { outcome, reason: '', missing: [], lines: [], currencies: { '¤': buckets(banked, escrow), rep: buckets(0, 0), intel: buckets(0, 0), access: none } },
      });
    const ready = deck({ type: 'ready', credits: 100, reputation: 0, board: [], restored: false, at: NOW, expired: [], mission: null });
    expect(violated([ready, settled('success', 50, 25, 175)])).toEqual([]);
    expect(violated([ready, settled('success', 50, 25, 174)])).toEqual(['credit-conservation']);
    expect(violated([ready, settled('failure', 50, 0, 150)])).toEqual([]);
    expect(violated([ready, settled('failure', 50, 25, 175)])).toEqual(['escrow-only-on-success']);
    // With the contract's threat known, reputation is its buckets plus the outcome's delta (threat 2 success: +2).
    const accepted = deck({ type: 'accepted', contract: 'C-1', schema: 'x', threat: 2, phases: 1, target: 't' });
    expect(violated([ready, accepted, settled('success', 50, 25, 175)])).toEqual(['credit-conservation']);
  });

  it('expect the flash to give back the last state it committed', () => {
    const a = realDeck();
    const b = { ...a, creditBalance: 999 };
    const ack = (tag: string) => ({ ...send('flash/ack', { seq: 1, tag, cycles: 1 }), from: 'flash', to: 'mission-control' });
    const lost = (tag: string) => ({ ...send('flash/power-lost', { tag, during: 'program' }), from: 'flash', to: 'mission-control' });
    const read = (uds: Uds) => ({ ...send('flash/state', { state: Buffer.from(encodeUds(uds)).toString('base64'), seq: 1 }), from: 'flash', to: 'mission-control' });
    expect(violated([commit(a, 'uds-1'), ack('uds-1'), read(a)])).toEqual([]);
    expect(violated([commit(a, 'uds-1'), ack('uds-1'), commit(b, 'uds-2'), lost('uds-2'), read(a)])).toEqual([]);
    expect(violated([commit(a, 'uds-1'), ack('uds-1'), commit(b, 'uds-2'), ack('uds-2'), read(a)])).toEqual(['flash-readback']);
  });
});

