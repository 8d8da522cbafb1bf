import { describe, expect, it } from 'vitest';
import { Mission } from '../src/objectives/mission.js';
import { instance, ok, refused, schemaOf, states } from './helpers/objectives.js';

const schema = schemaOf(`(defcontract-schema :or-restore
  :objectives
  (spine
    (goal gate :role :primary :reward ((¤ 50)))
    (goal route :any ((by-door :reward ((¤ 100) (rep 2 :on-resolve))) (by-vent :reward ((¤ 120)))))
    (goal fork :branch ((loud :reward ((¤ 70))) (quiet :reward ((rep 1)))))))`);

describe('restoring a mission from its phase chain (a power cycle mid-run)', () => {
  it('keeps the losing routes of a closed OR-group void, so no route pays twice', () => {
    const m = instance(schema);
    ok(m.complete('by-vent'));
    expect(states(m)).toMatchObject({ route: 'done', 'by-vent': 'done', 'by-door': 'void' });

    const restored = Mission.restore(schema, m.encodeChain());
    expect(states(restored)).toMatchObject({ route: 'done', 'by-vent': 'done', 'by-door': 'void' });
    // The route not taken is closed: completing it now would bank its ¤100 on top of by-vent's ¤120.
    expect(refused(restored.complete('by-door')).code).toBe('closed');
    expect(restored.encodeChain()).toEqual(m.encodeChain());
  });

  it('keeps a completed branch choice and its voided sibling', () => {
    const m = instance(schema);
    ok(m.choose('loud'));
    ok(m.complete('loud'));
    const restored = Mission.restore(schema, m.encodeChain());
    expect(states(restored)).toMatchObject({ loud: 'done', quiet: 'void' });
    expect(refused(restored.complete('quiet')).code).toBe('closed');
  });

  it("settles a restored mission paying each done goal's escrow once", () => {
    const m = instance(schema);
    ok(m.complete('gate'));
    ok(m.complete('by-door'));
    const restored = Mission.restore(schema, m.encodeChain());
    const s = restored.settle('complete');
    if (!s.ok) throw new Error(s.error.message);
    const lines = s.settlement.lines.filter((l) => l.bucket === 'paidAtResolve' || l.bucket === 'banked');
    expect(lines.map((l) => `${l.goal} ${l.reward.kind}${l.reward.amount} ${l.bucket}`).sort()).toEqual(['by-door rep2 paidAtResolve', 'by-door ¤100 banked', 'gate ¤50 banked']);
  });
});
