import { describe, expect, it } from 'vitest';
import { EnvelopeError, checkEnvelope, compareEnvelopes } from '../src/runtime/envelope.js';

const good = { kind: 'ping', from: 'a', to: 'b', tick: 3, seq: 0, cause: null, body: { n: 1 } };

describe('checkEnvelope', () => {
  it('accepts a well-formed envelope as is', () => {
    expect(checkEnvelope(good)).toBe(good);
  });

  it.each([
    [null, '(envelope)'],
    [{ ...good, kind: '' }, 'kind'],
    [{ ...good, from: 7 }, 'from'],
    [{ ...good, to: undefined }, 'to'],
    [{ ...good, tick: -1 }, 'tick'],
    [{ ...good, seq: 1.5 }, 'seq'],
    [{ ...good, cause: 3 }, 'cause'],
    [{ kind: 'ping', from: 'a', to: 'b', tick: 3, seq: 0, cause: null }, 'body'],
  ])('rejects %j naming field %s', (bad, field) => {
    try {
      checkEnvelope(bad);
      expect.unreachable('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(EnvelopeError);
      expect((err as EnvelopeError).field).toBe(field);
      expect((err as Error).message).toContain(`field '${field}'`);
    }
  });

  it('orders by tick, then sender, then sequence', () => {
    const e = (tick: number, from: string, seq: number) => ({ ...good, tick, from, seq });
    const sorted = [e(2, 'b', 0), e(1, 'b', 1), e(1, 'a', 5), e(1, 'b', 0)].sort(compareEnvelopes);
    expect(sorted.map((x) => `${x.tick}${x.from}${x.seq}`)).toEqual(['1a5', '1b0', '1b1', '2b0']);
  });
});
