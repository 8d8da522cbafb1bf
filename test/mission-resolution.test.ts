import { describe, expect, it } from 'vitest';
import { abandonMission, completeMission } from '../src/mission-control/missions.js';
import { advanceCipherSeed } from '../src/mission-control/decay.js';
import type { CipherEvent } from '../src/mission-control/events.js';
import { reputationDelta, scaleCredits } from '../src/mission-control/economy.js';
import { BOARD_MAX, BOARD_MIN } from '../src/deck/limits.js';
import { NOON, HOUR } from './helpers/mission-control.js';
import { acceptSchema, completePrimaries } from './helpers/missions.js';

const REPORT = { trace: 22, bonuses: ['speed'] };

describe('resolving a mission', () => {
  it('complete-mission settles through the engine: banked and escrowed ¤, rep, provenance, a new cipher_seed, a fresh board', () => {
    const { uds, ctx, struct } = acceptSchema('zaibatsu-penetration');
    const played = completePrimaries(uds, struct);
    // breach and backdoor pay ¤ on completion (banked), so the balance moved during the run.
    const banked = scaleCredits(500, struct.terms) + scaleCredits(400, struct.terms);
    expect(played.creditBalance).toBe(uds.creditBalance + banked);
    const events: CipherEvent[] = [];
    const r = completeMission(played, struct, { ...ctx, now: NOON + HOUR }, REPORT, events);
    expect(r.outcome).toBe('success');
    expect(r.settlement.reason).toBe('all-primaries-done');
    // backdoor's (rep 2 :on-resolve) is escrow paid at resolve, plus the success delta.
    const escrowRep = r.settlement.currencies.rep.paidAtResolve;
    expect(escrowRep).toBeGreaterThanOrEqual(2);
    expect(r.uds.reputation).toBe(uds.reputation + escrowRep + r.settlement.currencies.rep.banked + reputationDelta('success', struct.entry.threat));
    expect(r.uds.creditBalance).toBe(played.creditBalance + r.settlement.currencies['¤'].paidAtResolve);
    expect(r.uds.active).toBeNull();
    expect(r.uds.phaseChain.every((b) => b === 0)).toBe(true);
    expect(r.uds.cipherSeed).toBe(advanceCipherSeed(uds.cipherSeed));
    const record = r.uds.provenance.at(-1);
    expect(record).toMatchObject({ schema: 'zaibatsu-penetration', contractId: struct.entry.id, outcome: 'success', threat: struct.entry.threat, trace: 22, bonuses: 1, carts: 0x01 });
    expect(record?.credits).toBe(r.credits);
    expect(r.uds.board.length).toBeGreaterThanOrEqual(BOARD_MIN);
    expect(r.uds.board.length).toBeLessThanOrEqual(BOARD_MAX);
    expect(events.at(0)).toEqual({ event: 'mission-end', contract: struct.entry.id, result: 'success', affect: 'result-success' });
  });

  it('complete-mission with a primary left undone is a failure: escrow forfeited, banked kept, the larger penalty', () => {
    const { uds, ctx, struct } = acceptSchema('zaibatsu-penetration');
    const breach = struct.graph.complete('breach');
    expect(breach.ok).toBe(true);
    const r = completeMission(uds, struct, ctx, REPORT);
    expect(r.outcome).toBe('failure');
    expect(r.settlement.currencies['¤'].paidAtResolve).toBe(0);
    expect(r.uds.reputation).toBe(uds.reputation + reputationDelta('failure', struct.entry.threat));
    expect(r.settlement.missing.map((m) => m.goal)).toContain('backdoor');
  });

  it('abandon-mission costs less reputation than failing, forfeits escrow, keeps cipher_seed, and offers a lower-threat contract', () => {
    for (const schema of ['black-ice-sabotage', 'data-heist']) {
      const { uds, ctx, struct } = acceptSchema(schema);
      const events: CipherEvent[] = [];
      const r = abandonMission(uds, struct, ctx, REPORT, events);
      expect(r.outcome).toBe('abandoned');
      const penalty = uds.reputation - r.uds.reputation;
      expect(penalty).toBe(-reputationDelta('abandoned', struct.entry.threat));
      expect(penalty).toBeLessThan(-reputationDelta('failure', struct.entry.threat));
      expect(r.uds.cipherSeed).toBe(uds.cipherSeed);
      expect(events[0]).toEqual({ event: 'mission-end', contract: struct.entry.id, result: 'abandoned', affect: 'result-failure' });
      const alternative = r.uds.board[0];
      expect(alternative?.threat).toBe(Math.max(1, struct.entry.threat - 1));
      expect(alternative?.category).toBe('standard');
      expect(r.uds.board.length).toBeGreaterThanOrEqual(BOARD_MIN);
      expect(r.uds.provenance.at(-1)?.outcome).toBe('abandoned');
    }
  });

  it('a forced failure (traced out) settles as failure whatever was done', () => {
    const { uds, ctx, struct } = acceptSchema('zaibatsu-penetration');
    const played = completePrimaries(uds, struct);
    const r = completeMission(played, struct, ctx, { trace: 100, bonuses: [] }, [], 'traced-out');
    expect(r.outcome).toBe('failure');
    expect(r.settlement.reason).toBe('traced-out');
    // Banked ¤ from the completed primaries stays; nothing more is paid.
    expect(r.uds.creditBalance).toBe(played.creditBalance);
  });
});
