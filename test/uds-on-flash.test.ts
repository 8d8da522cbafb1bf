import { describe, expect, it } from 'vitest';
import { DEFAULT_GEOMETRY } from '../hardware-sim/flash/geometry.js';
import { LogStore } from '../hardware-sim/flash/log-store.js';
import { NorFlash } from '../hardware-sim/flash/nor-flash.js';
import { BOARD_MAX, MAX_ACCESS_FLAGS, MAX_KNOWLEDGE_DOMAINS, MAX_NAME_BYTES, MAX_OBLIGATIONS, MAX_OBLIGATION_FLAGS, MAX_PROVENANCE, MAX_SPENT_OPPORTUNITIES, PHASE_CHAIN_BYTES, RECURRING_CHECKINS } from '../src/deck/limits.js';
import { type BoardEntry, type Uds, emptyUds } from '../src/deck/uds.js';
import { decodeUds, encodeUds } from '../src/deck/uds-codec.js';
import { acceptSchema, completePrimaries } from './helpers/missions.js';

/** Every bounded field at its limit, every name at its longest: the largest state the codec can be asked to write. */
function worstCase(): Uds {
  const name = (i: number): string => `${String(i).padStart(3, '0')}${'x'.repeat(MAX_NAME_BYTES - 3)}`;
  const entry = (i: number): BoardEntry => ({ id: i + 1, schema: name(i), seed: i, threat: 6, phases: 8, category: 'standard', payout: 2 ** 32 - 1, rateBalance: 2 ** 48 - 1, createdAt: 2 ** 47, expiresAt: 2 ** 47 + 1, opportunityKey: 0, warned: true });
  return {
    ...emptyUds(0xffff_ffff),
    creditBalance: 2 ** 48 - 1,
    cartridgeHistory: 0xffff_ffff,
    cartLastSeen: Array.from({ length: 32 }, (_, b) => ({ mask: 2 ** b, at: 2 ** 47 })),
    knowledgeIndex: Array.from({ length: MAX_KNOWLEDGE_DOMAINS }, (_, i) => ({ domain: name(i), points: 2 ** 32 - 1 })),
    accessFlags: Array.from({ length: MAX_ACCESS_FLAGS }, (_, i) => name(i)),
    board: Array.from({ length: BOARD_MAX }, (_, i) => entry(i)),
    spentOpportunities: Array.from({ length: MAX_SPENT_OPPORTUNITIES }, (_, i) => i + 1),
    active: { entry: entry(99), acceptedAt: 2 ** 47 },
    phaseChain: new Uint8Array(PHASE_CHAIN_BYTES).fill(0xab),
    provenance: Array.from({ length: MAX_PROVENANCE }, (_, i) => ({ run: i, at: 2 ** 47, schema: name(i), contractId: i, carts: 0xffff_ffff, threat: 6, outcome: 'failure', credits: 2 ** 32 - 1, reputation: -(2 ** 31), trace: 100, bonuses: 3 })),
    session: 0xffff_ffff,
    obligations: Array.from({ length: MAX_OBLIGATIONS }, (_, i) => ({
      contractId: i, schema: name(i), kind: 'recurring', credits: 2 ** 48 - 1, reputation: 2 ** 31 - 1, intel: 2 ** 32 - 1, domain: name(i),
      access: Array.from({ length: MAX_OBLIGATION_FLAGS }, (_, j) => name(j)), earnedSession: 0xffff_fffe, lastPaidSession: 0xffff_ffff, payments: RECURRING_CHECKINS - 1,
    })),
  };
}

describe('the UDS on the simulated flash', () => {
  it('fits one atomic commit of the default chip even with every field at its limit', () => {
    const bytes = encodeUds(worstCase());
    // 36,467 bytes today, against the 126,944 a default chip commits atomically; an empty deck is 323.
    const chip = new NorFlash(DEFAULT_GEOMETRY);
    expect(bytes.length).toBeLessThan(LogStore.maxPayload(chip));
    expect(decodeUds(bytes)).toEqual(worstCase());
  });

  it('a deck with a mission under way survives commit, power-off and remount byte for byte', () => {
    const { uds, struct } = acceptSchema('data-heist');
    const midRun = completePrimaries(uds, struct);
    const chip = new NorFlash(DEFAULT_GEOMETRY);
    const { store } = LogStore.mount(chip);
    store.commit(encodeUds(uds));
    store.commit(encodeUds(midRun));
    const { state } = LogStore.mount(chip);
    expect(state).not.toBeNull();
    expect(decodeUds(state as Uint8Array)).toEqual(midRun);
  });
});
