import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhaseChainError } from '../src/objectives/errors.js';
import { MAX_GOALS_PER_PHASE, MAX_PHASES, PHASE_CHAIN_BYTES } from '../src/objectives/limits.js';
import { Mission } from '../src/objectives/mission.js';
import { type PhaseChain, RESOLUTIONS, decodePhaseChain, encodePhaseChain } from '../src/objectives/phase-chain.js';
import { glassPayroll, instance, ok, schemaOf, seedDrawing, vars } from './helpers/objectives.js';
import { apply, randomActions, randomPayout, randomSchema } from './helpers/random-missions.js';

const chainArb: fc.Arbitrary<PhaseChain> = fc
  .record({
    seed: fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constant(Number.MAX_SAFE_INTEGER), fc.maxSafeNat()),
    fingerprint: fc.integer({ min: 0, max: 0xffffffff }),
    resolution: fc.constantFrom(...RESOLUTIONS),
    phases: fc.array(
      fc.integer({ min: 0, max: MAX_GOALS_PER_PHASE }).chain((goalCount) => fc.subarray(Array.from({ length: goalCount }, (_, i) => i)).map((done) => ({ goalCount, done }))),
      { minLength: 1, maxLength: MAX_PHASES },
    ),
  })
  .chain((c) => fc.integer({ min: 0, max: c.phases.length - 1 }).map((activePhase) => ({ ...c, activePhase })));

function rejection(bytes: Uint8Array): PhaseChainError {
  try {
    decodePhaseChain(bytes);
  } catch (err) {
    if (err instanceof PhaseChainError) return err;
    throw err;
  }
  throw new Error('expected the chain to be rejected');
}

describe('the 256-byte phase chain', () => {
  it('is exactly 256 bytes, and encode∘decode is the identity (random chains)', () => {
    fc.assert(
      fc.property(chainArb, (chain) => {
        const bytes = encodePhaseChain(chain);
        expect(bytes.length).toBe(PHASE_CHAIN_BYTES);
        expect(decodePhaseChain(bytes)).toEqual(chain);
        expect(encodePhaseChain(decodePhaseChain(bytes))).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('encode∘decode is the identity for random missions played at random, and restore rebuilds them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 0x7fffffff }), (schemaSeed, seed, actionSeed) => {
        const { schema } = randomSchema(schemaSeed);
        const m = Mission.instantiate(schema, { seed, payout: randomPayout });
        const { actions, settle } = randomActions(actionSeed, m);
        for (const a of actions) apply(m, a);
        if (actionSeed % 3 === 0) m.settle(settle);
        const bytes = m.encodeChain();
        expect(decodePhaseChain(bytes)).toEqual(m.toPhaseChain());
        const restored = Mission.restore(schema, bytes, { payout: randomPayout });
        expect(restored.encodeChain()).toEqual(bytes);
        expect(restored.activePhase).toBe(m.activePhase);
        const done = (x: Mission): string[] => x.snapshot().goals.filter((g) => g.state === 'done').map((g) => g.name);
        expect(done(restored)).toEqual(done(m));
      }),
      { numRuns: 400 },
    );
  });

  it('rejects every single-bit flip of a valid chain', () => {
    const schema = glassPayroll();
    const m = instance(schema, { seed: seedDrawing(schema, ['ghost', 'exec-bonus']) });
    ok(m.complete('breach'));
    ok(m.choose('mirror'));
    ok(m.complete('mirror'));
    const bytes = m.encodeChain();
    const reasons = new Set<string>();
    for (let bit = 0; bit < PHASE_CHAIN_BYTES * 8; bit++) {
      const flipped = bytes.slice();
      flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
      reasons.add(rejection(flipped).reason.replace(/0x[0-9a-f]+|\d+/g, 'N').replace(/".*"/, 'S'));
    }
    expect([...reasons].sort()).toEqual(['CRC-N mismatch (stored N, computed N): the chain is corrupt', 'bad magic S: not a phase chain', 'unsupported version N (this build reads version N)']);
  });

  it('rejects every truncation, and trailing bytes', () => {
    const bytes = instance(glassPayroll()).encodeChain();
    for (let n = 0; n < PHASE_CHAIN_BYTES; n++) expect(rejection(bytes.subarray(0, n)).message).toBe(`phase chain: ${n} bytes; a phase chain is exactly 256 (truncated)`);
    const longer = new Uint8Array(257);
    longer.set(bytes);
    expect(rejection(longer).message).toMatch(/257 bytes.*trailing bytes/);
  });

  it('rejects a well-sealed chain that breaks the layout (what a buggy encoder could write)', () => {
    const good = encodePhaseChain({ seed: 7, fingerprint: 1, activePhase: 0, resolution: 'running', phases: [{ goalCount: 3, done: [1] }] });
    const reseal = (edit: (b: Uint8Array) => void): Uint8Array => {
      const b = good.slice();
      edit(b);
      b.fill(0, 20, 24);
      new DataView(b.buffer).setUint32(20, crc32(b));
      return b;
    };
    expect(rejection(reseal((b) => (b[5] = 0))).reason).toMatch(/phase count 0 is outside 1..16/);
    expect(rejection(reseal((b) => (b[6] = 1))).reason).toMatch(/active phase 1 is outside the 1 phases/);
    expect(rejection(reseal((b) => (b[7] = 4))).reason).toMatch(/reserved bits/);
    expect(rejection(reseal((b) => (b[24] = 97))).reason).toMatch(/claims 97 goals/);
    expect(rejection(reseal((b) => (b[25] = 2))).reason).toMatch(/marked passed, but with phase 1 active it must be active/);
    expect(rejection(reseal((b) => (b[26] = 0b1000))).reason).toMatch(/marks goal 3 done, past its 3 goals/);
    expect(rejection(reseal((b) => (b[24 + 14] = 1))).reason).toMatch(/phase record 2 is past the phase count 1 but not zero/);
    expect(rejection(reseal((b) => (b[255] = 1))).reason).toMatch(/reserved bytes/);
    expect(rejection(reseal((b) => (b[8] = 0x01))).reason).toMatch(/seed is past/);
  });

  it('refuses to encode what it could not decode', () => {
    const base: PhaseChain = { seed: 1, fingerprint: 0, activePhase: 0, resolution: 'running', phases: [{ goalCount: 2, done: [] }] };
    expect(() => encodePhaseChain({ ...base, phases: [] })).toThrow(RangeError);
    expect(() => encodePhaseChain({ ...base, phases: Array.from({ length: 17 }, () => ({ goalCount: 0, done: [] })) })).toThrow(/1..16 phases/);
    expect(() => encodePhaseChain({ ...base, phases: [{ goalCount: 97, done: [] }] })).toThrow(/limit is 96/);
    expect(() => encodePhaseChain({ ...base, phases: [{ goalCount: 2, done: [2] }] })).toThrow(/below 2/);
    expect(() => encodePhaseChain({ ...base, seed: 2 ** 53 })).toThrow(/safe/);
    expect(() => encodePhaseChain({ ...base, activePhase: 1 })).toThrow(/active phase/);
  });

  it('restores a mission only against the schema and seed it came from', () => {
    const schema = glassPayroll();
    const m = instance(schema, { seed: seedDrawing(schema, ['ghost']) });
    ok(m.complete('breach'));
    m.tick(vars({ trace: 80 }));
    ok(m.complete('escape'));
    const restored = Mission.restore(schema, m.encodeChain());
    expect(restored.snapshot().goals.filter((g) => g.state === 'done').map((g) => g.name)).toEqual(['breach', 'escape']);
    expect(restored.info('exfil')?.state).toBe('open');
    const other = schemaOf(`(defcontract-schema :glass-payroll :objectives (spine (goal breach :role :primary)))`);
    expect(() => Mission.restore(other, m.encodeChain())).toThrow(/belongs to another mission/);
    const otherSeed = instance(schema, { seed: seedDrawing(schema, ['exec-bonus']) }).toPhaseChain();
    expect(() => Mission.restore(schema, { ...m.toPhaseChain(), seed: otherSeed.seed })).toThrow(/belongs to another mission/);
  });
});

describe('restoring from the chain', () => {
  it('forfeits an unfinished hold: a power cycle cannot wipe out a violation and pay its escrow', () => {
    const schema = glassPayroll();
    const m = instance(schema, { seed: seedDrawing(schema, ['ghost']) });
    ok(m.complete('breach'));
    m.tick(vars({ trace: 55 }));
    expect(m.info('ghost')?.state).toBe('forfeit');
    const restored = Mission.restore(schema, m.encodeChain());
    expect(restored.info('ghost')).toMatchObject({ state: 'forfeit', violated: true });
    expect(restored.watchSpec().holds).toEqual([]);
    const fresh = instance(schema, { seed: seedDrawing(schema, ['ghost']) });
    expect(Mission.restore(schema, fresh.encodeChain()).info('ghost')?.state).toBe('forfeit');
  });
});
