import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOARD_MAX, MAX_OBLIGATIONS, MAX_PROVENANCE, PHASE_CHAIN_BYTES, RECURRING_CHECKINS } from '../src/deck/limits.js';
import { type BoardEntry, CONTRACT_CATEGORIES, type Obligation, type ProvenanceRecord, RUN_OUTCOMES, type Uds, emptyUds } from '../src/deck/uds.js';
import { UdsDecodeError, checkUds, decodeUds, encodeUds } from '../src/deck/uds-codec.js';

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const ms = fc.integer({ min: 0, max: 2 ** 46 });
const u32 = fc.integer({ min: 0, max: 0xffff_ffff });

const entry: fc.Arbitrary<BoardEntry> = fc
  .record({
    id: u32,
    schema: name,
    seed: u32,
    threat: fc.integer({ min: 1, max: 6 }),
    phases: fc.integer({ min: 1, max: 4 }),
    category: fc.constantFrom(...CONTRACT_CATEGORIES),
    payout: u32,
    rateBalance: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
    createdAt: ms,
    ttl: fc.integer({ min: 1, max: 10 ** 8 }),
    key: fc.integer({ min: 1, max: 0xffff_ffff }),
    warned: fc.boolean(),
  })
  .map(({ ttl, key, ...e }) => ({
    ...e,
    expiresAt: e.category === 'episodic' ? null : e.createdAt + ttl,
    opportunityKey: e.category === 'opportunity' ? key : 0,
  }));

const provenance: fc.Arbitrary<ProvenanceRecord> = fc.record({
  run: u32,
  at: ms,
  schema: name,
  contractId: u32,
  carts: u32,
  threat: fc.integer({ min: 1, max: 6 }),
  outcome: fc.constantFrom(...RUN_OUTCOMES),
  credits: u32,
  reputation: fc.integer({ min: -1000, max: 1000 }),
  trace: fc.integer({ min: 0, max: 100 }),
  bonuses: fc.integer({ min: 0, max: 3 }),
});

/** An obligation of a deck in session `session`. */
const obligation = (session: number): fc.Arbitrary<Obligation> =>
  fc
    .record({
      contractId: u32,
      schema: name,
      kind: fc.constantFrom('deferred' as const, 'recurring' as const),
      credits: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
      reputation: fc.integer({ min: 0, max: 1000 }),
      intel: u32,
      domain: name,
      access: fc.array(name, { maxLength: 8 }),
      earnedSession: fc.integer({ min: 0, max: session }),
      lastPaidSession: fc.integer({ min: 0, max: session }),
      payments: fc.integer({ min: 0, max: RECURRING_CHECKINS - 1 }),
    })
    .map((o) => ({ ...o, payments: o.kind === 'deferred' ? 0 : o.payments }));

const uds: fc.Arbitrary<Uds> = fc
  .record({
    creditBalance: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
    reputation: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    bits: fc.uniqueArray(fc.integer({ min: 0, max: 31 }), { maxLength: 8 }),
    seenAt: fc.array(ms, { minLength: 8, maxLength: 8 }),
    cipherSeed: u32,
    knowledge: fc.uniqueArray(fc.tuple(name, u32), { maxLength: 6, selector: (t) => t[0] }),
    access: fc.uniqueArray(name, { maxLength: 6 }),
    board: fc.array(entry, { maxLength: BOARD_MAX }),
    boardSerial: u32,
    spent: fc.array(u32, { maxLength: 20 }),
    active: fc.option(fc.tuple(entry, ms), { nil: null }),
    phaseChain: fc.uint8Array({ minLength: PHASE_CHAIN_BYTES, maxLength: PHASE_CHAIN_BYTES }),
    provenance: fc.array(provenance, { maxLength: MAX_PROVENANCE }),
    runCount: u32,
    savedAt: ms,
    session: fc.integer({ min: 0, max: 10_000 }),
    obligations: fc.integer({ min: 0, max: 10_000 }).chain((s) => fc.tuple(fc.constant(s), fc.array(obligation(s), { maxLength: MAX_OBLIGATIONS }))),
  })
  .map((r) => {
    const masks = r.bits.map((b) => 2 ** b).sort((a, b) => a - b);
    return {
      creditBalance: r.creditBalance,
      reputation: r.reputation,
      cartridgeHistory: masks.reduce((h, m) => (h | m) >>> 0, 0),
      cartLastSeen: masks.map((mask, i) => ({ mask, at: r.seenAt[i] as number })),
      cipherSeed: r.cipherSeed,
      knowledgeIndex: r.knowledge.map(([domain, points]) => ({ domain, points })).sort((a, b) => (a.domain < b.domain ? -1 : 1)),
      accessFlags: [...r.access].sort(),
      board: r.board,
      boardSerial: r.boardSerial,
      spentOpportunities: r.spent,
      active: r.active === null ? null : { entry: r.active[0], acceptedAt: r.active[1] },
      phaseChain: r.phaseChain,
      provenance: r.provenance,
      runCount: r.runCount,
      savedAt: r.savedAt,
      session: Math.max(r.session, r.obligations[0]),
      obligations: r.obligations[1],
    };
  });

/** Rewrite the trailing checksum, so a test can reach the field checks behind it. */
function reseal(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
  return out;
}

describe('UDS codec', () => {
  it('round-trips every valid state, and encodes the decoded state to the same bytes', () => {
    fc.assert(
      fc.property(uds, (u) => {
        const bytes = encodeUds(u);
        const back = decodeUds(bytes);
        expect(back).toEqual(u);
        expect(encodeUds(back)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('detects every single flipped bit as a clear error, never a wrong state', () => {
    const bytes = encodeUds({ ...emptyUds(7), creditBalance: 12_345, reputation: -3, cartridgeHistory: 5, cartLastSeen: [{ mask: 1, at: 1000 }] });
    for (let i = 0; i < bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = bytes.slice();
        bad[i] = (bad[i] as number) ^ (1 << bit);
        expect(() => decodeUds(bad), `byte ${i} bit ${bit}`).toThrow(UdsDecodeError);
      }
    }
  });

  it('names what is wrong: checksum, magic, version, truncation', () => {
    const bytes = encodeUds(emptyUds(1));
    const flipped = bytes.slice();
    flipped[20] = (flipped[20] as number) ^ 0xff;
    expect(() => decodeUds(flipped)).toThrow(/checksum mismatch: stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}/);
    const magic = bytes.slice();
    magic[0] = 0x58;
    expect(() => decodeUds(magic)).toThrow(/bad magic "XUDS"/);
    const version = bytes.slice();
    version[4] = 9;
    expect(() => decodeUds(version)).toThrow(/unsupported version 9 \(this build reads versions 2 and 3\)/);
    expect(() => decodeUds(bytes.subarray(0, bytes.length - 10))).toThrow(/truncated or padded/);
    expect(() => decodeUds(new Uint8Array(3))).toThrow(/shorter than/);
  });

  it('refuses a well-sealed state whose fields are out of range, naming the field', () => {
    const e: BoardEntry = { id: 9, schema: 'terminal-probe', seed: 1, threat: 2, phases: 1, category: 'standard', payout: 100, rateBalance: 0, createdAt: 0, expiresAt: 10, opportunityKey: 0, warned: false };
    const bytes = encodeUds({ ...emptyUds(1), board: [e] });
    // The board entry's category byte: find it by encoding a twin that differs only there.
    const twin = encodeUds({ ...emptyUds(1), board: [{ ...e, category: 'urgent' }] });
    const at = bytes.findIndex((b, i) => b !== twin[i]);
    const bad = bytes.slice();
    bad[at] = 7;
    expect(() => decodeUds(reseal(bad))).toThrow(/board\[0\]\.category at byte \d+: 7 is outside 0\.\.3/);
  });

  it('boots a state saved by the previous version (2): no sessions counted yet, nothing owed', () => {
    const v3 = encodeUds({ ...emptyUds(5), creditBalance: 777 });
    // Version 2 is version 3 without the two trailing fields: session (u32) and the obligations count (u16).
    const body = v3.subarray(12, v3.length - 4 - 6);
    const v2 = new Uint8Array(12 + body.length + 4);
    v2.set(v3.subarray(0, 12));
    v2.set(body, 12);
    const view = new DataView(v2.buffer);
    view.setUint16(4, 2, true);
    view.setUint32(8, body.length, true);
    const decoded = decodeUds(reseal(v2));
    expect(decoded).toEqual({ ...emptyUds(5), creditBalance: 777 });
    expect(decoded.session).toBe(0);
    expect(decoded.obligations).toEqual([]);
  });

  it('refuses to encode a state it could not read back', () => {
    expect(() => encodeUds({ ...emptyUds(1), creditBalance: -1 })).toThrow(/creditBalance/);
    expect(() => checkUds({ ...emptyUds(1), cartLastSeen: [{ mask: 3, at: 0 }], cartridgeHistory: 3 })).toThrow(/single cartridge bit/);
    expect(() => checkUds({ ...emptyUds(1), phaseChain: new Uint8Array(10) })).toThrow(/256 bytes/);
    expect(() => checkUds({ ...emptyUds(1), accessFlags: ['b', 'a'] })).toThrow(/sorted/);
    const owed: Obligation = { contractId: 1, schema: 's', kind: 'deferred', credits: 10, reputation: 0, intel: 0, domain: 'general', access: [], earnedSession: 3, lastPaidSession: 0, payments: 0 };
    expect(() => checkUds({ ...emptyUds(1), session: 2, obligations: [owed] })).toThrow(/earnedSession/);
    expect(() => checkUds({ ...emptyUds(1), session: 3, obligations: [{ ...owed, payments: 1 }] })).toThrow(/payments/);
  });
});
