import { describe, expect, it } from 'vitest';
import { decodeUds, encodeUds } from '../src/deck/uds-codec.js';
import { deckContext } from '../src/mission-control/deck-setup.js';
import { restoreMission } from '../src/mission-control/missions.js';
import { decodePhaseChain } from '../src/objectives/phase-chain.js';
import { NOON, catalog } from './helpers/mission-control.js';
import { acceptSchema } from './helpers/missions.js';

/**
 * Deck state arrives as a Buffer (base64 from the flash actor), and a
 * Buffer's slice() is a view: a decoder that scribbles on its "copy" corrupts
 * the state it was given, and the next commit writes the damage to flash.
 */
describe('decoding never changes the bytes it reads', () => {
  it('a phase chain decoded from a Buffer leaves the Buffer as it was', () => {
    const { uds } = acceptSchema('data-heist');
    const buffer = Buffer.from(uds.phaseChain);
    const before = Buffer.from(buffer);
    decodePhaseChain(buffer);
    expect(buffer.equals(before)).toBe(true);
    expect(() => decodePhaseChain(buffer)).not.toThrow();
  });

  it('a deck with a running mission restores twice from the same Buffer, and re-encodes to the same bytes', () => {
    const { uds } = acceptSchema('data-heist');
    const stored = Buffer.from(encodeUds(uds));
    const decoded = decodeUds(stored);
    const ctx = deckContext(catalog(), decoded, null, NOON);
    restoreMission(decoded, ctx);
    restoreMission(decoded, ctx);
    expect(Buffer.from(encodeUds(decoded)).equals(stored)).toBe(true);
    expect(decoded.phaseChain.buffer).not.toBe(stored.buffer);
  });
});
