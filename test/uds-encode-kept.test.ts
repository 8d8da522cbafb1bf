import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../src/campaign/cart-files.js';
import { appendProvenance } from '../src/deck/provenance.js';
import type { Uds } from '../src/deck/uds.js';
import { decodeUds, encodeUds } from '../src/deck/uds-codec.js';
import { benchDeck } from '../bench/board.js';

/**
 * A commit re-encodes only what changed: lists and records are kept, encoded, by identity
 * (src/deck/uds-codec.ts). What that must never do is hand back stale bytes or let a bad state through.
 */
describe('the UDS encoder keeps what a commit did not touch', () => {
  const lived = (): Uds => benchDeck(shippedCatalog());

  it('gives the bytes a fresh encode of a copy gives, commit after commit, as lists are replaced and records appended', () => {
    let uds = lived();
    const fresh = (u: Uds): Uint8Array => encodeUds(structuredClone(u));
    expect(encodeUds(uds)).toEqual(fresh(uds));
    for (let i = 0; i < 70; i++) {
      const { run: _run, ...rec } = uds.provenance[i % uds.provenance.length] as Uds['provenance'][number];
      uds = appendProvenance({ ...uds, savedAt: uds.savedAt + 1000 }, { ...rec, credits: i });
      if (i % 3 === 0) uds = { ...uds, board: uds.board.slice(1) };
      if (i % 5 === 0) uds = { ...uds, accessFlags: [...uds.accessFlags, `flag-${String(i).padStart(2, '0')}`].sort() };
      const bytes = encodeUds(uds);
      expect(bytes).toEqual(fresh(uds));
      expect(decodeUds(bytes)).toEqual(uds);
    }
  });

  it('still refuses a bad record in a list it has encoded before, and a record it encoded under another session', () => {
    const uds = lived();
    encodeUds(uds);
    const bad = { ...uds, provenance: [...uds.provenance.slice(0, -1), { ...(uds.provenance.at(-1) as Uds['provenance'][number]), threat: 16 }] };
    expect(() => encodeUds(bad)).toThrow(/provenance\[\d+\]\.threat/);
    const owed = { ...uds, session: 5, obligations: [{ contractId: 1, schema: 'x', kind: 'recurring' as const, credits: 1, reputation: 0, intel: 0, domain: 'd', access: [], earnedSession: 5, lastPaidSession: 5, payments: 0 }] };
    expect(() => encodeUds(owed)).not.toThrow();
    // The same obligation list under an earlier session: earned after "now", which the encoder must still catch.
    expect(() => encodeUds({ ...owed, session: 4 })).toThrow(/obligations\[0\]\.earnedSession/);
  });
});
