import { describe, expect, it } from 'vitest';
import { decodeUds, encodeUds } from '../src/deck/uds-codec.js';
import { fromData } from '../src/lisp/data.js';
import { Keyword, LispMap, Sym, listToArray } from '../src/lisp/values.js';
import { deckContext } from '../src/mission-control/deck-setup.js';
import { scaleCredits } from '../src/mission-control/economy.js';
import { MissionControlError, acceptContract, missionBindings, restoreMission } from '../src/mission-control/missions.js';
import { RECENCY_WINDOW_MS } from '../src/mission-control/registry.js';
import { decodePhaseChain } from '../src/objectives/phase-chain.js';
import { HOUR, NOON, boardFor, catalog } from './helpers/mission-control.js';
import { acceptSchema, completePrimaries } from './helpers/missions.js';

describe('accepting a contract', () => {
  it('builds the mission struct, serializes its phase chain into UDS and emits :mission-start', () => {
    const { uds, before, struct, events } = acceptSchema('ledger-heist', { seed: 0, inserted: 'black-ledger', registered: [{ cart: 'ice-breaker', lastSeen: NOON - HOUR }] });
    const entry = struct.entry;
    expect(uds.active?.entry).toEqual(entry);
    expect(uds.board).toHaveLength(before.board.length - 1);
    expect(uds.board.some((e) => e.id === entry.id)).toBe(false);
    const chain = decodePhaseChain(uds.phaseChain);
    expect(chain.seed).toBe(entry.seed);
    expect(chain.phases).toHaveLength(3);
    expect(chain.resolution).toBe('running');
    expect(events).toEqual([{ event: 'mission-start', contract: entry.id, schema: 'ledger-heist', threat: entry.threat, affect: 'terse' }]);
    // Per-phase capabilities, in the schema's order: breach with ICE BREAKER, then BLACK LEDGER.
    expect(struct.phases.map((p) => [p.phase, p.capabilities, p.modules])).toEqual([
      [1, ['network-penetration'], ['ice-breaker']],
      [2, ['financial-extraction'], ['black-ledger']],
      [3, ['financial-extraction'], ['black-ledger']],
    ]);
    expect(struct.phases.map((p) => p.goals[0])).toEqual(['breach', 'map-accounts', 'drain']);
  });

  it('routes (scale N) through the economy at the contract rate, matching the board quote', () => {
    const { struct } = acceptSchema('zaibatsu-penetration');
    const breach = struct.graph.info('breach');
    expect(breach?.rewards[0]?.amount).toBe(scaleCredits(500, struct.terms));
    const primaries = struct.graph.snapshot().goals.filter((g) => g.role === 'primary' && g.origin === 'spine');
    expect(primaries.flatMap((g) => g.rewards).filter((r) => r.kind === '¤').reduce((s, r) => s + r.amount, 0)).toBe(struct.entry.payout);
  });

  it('gives the Mission Runner current-mission, mission-params (with :network-seed) and phase-chain', () => {
    const { struct } = acceptSchema('zaibatsu-penetration');
    // As Mission Control sends them: Lisp data, which the Runner takes back to values.
    const b = missionBindings(struct);
    const head = listToArray(fromData(b.mission) as never)[0];
    expect(head instanceof Sym && head.name).toBe('mission');
    const params = fromData(b.params) as LispMap;
    expect(params).toBeInstanceOf(LispMap);
    expect(typeof params.get(new Keyword('network-seed'))).toBe('number');
    expect(params.get(new Keyword('target'))).toBe(struct.content.target);
    expect(params.get(new Keyword('network-topology'))).toBeInstanceOf(LispMap);
    expect(listToArray(fromData(b.chain) as never)).toHaveLength(1);
  });

  it('survives a power cycle: the running mission is rebuilt from UDS bytes with its progress', () => {
    const { uds, ctx, struct } = acceptSchema('data-heist');
    const progressed = completePrimaries(uds, { ...struct });
    expect(struct.graph.isReady).toBe(true);
    const rebooted = decodeUds(encodeUds(progressed));
    const restored = restoreMission(rebooted, deckContext(catalog(), rebooted, 'ice-breaker', ctx.now + HOUR));
    expect(restored?.graph.snapshot().goals.filter((g) => g.state === 'done').map((g) => g.name)).toEqual(
      struct.graph.snapshot().goals.filter((g) => g.state === 'done').map((g) => g.name),
    );
    expect(restored?.entry).toEqual(struct.entry);
  });

  it('refuses a second mission, a contract that is not there, and one whose cart aged out meanwhile', () => {
    const { uds, ctx } = acceptSchema('zaibatsu-penetration');
    expect(() => acceptContract(uds, 0, ctx)).toThrow(MissionControlError);
    expect(() => acceptContract({ ...uds, active: null }, 9, ctx)).toThrow(/there is no contract 10/);
    // A Recent DEPTHCHARGE contract, accepted after the cart aged out of the recency window.
    for (let seed = 1; ; seed++) {
      const { uds: deck } = boardFor({ seed, registered: [{ cart: 'depthcharge', lastSeen: NOON - HOUR }] });
      const i = deck.board.findIndex((e) => catalog().schemaByName.get(e.schema)?.providers.some((m) => m.name === 'depthcharge'));
      if (i < 0) continue;
      const later = deckContext(catalog(), deck, null, NOON + RECENCY_WINDOW_MS);
      expect(() => acceptContract(deck, i, later)).toThrow(/no longer composes \(not-composable\)/);
      break;
    }
  });
});
