import { describe, expect, it } from 'vitest';
import { HoldWatcher } from '../src/objectives/holds.js';
import { instance, schemaOf, states, vars } from './helpers/objectives.js';

const schema = schemaOf(`(defcontract-schema :quiet-job
  :objectives
  (spine
    (goal job :role :primary :reward ((¤ 100)))
    (goal hush :text "Keep the noise under 5" :hold (< noise 5) :reward ((rep 3 :on-resolve)))))`);

describe('a :hold whose predicate cannot be evaluated', () => {
  it('is not certified: the engine forfeits it (and reports why) instead of counting it as held', () => {
    const m = instance(schema);
    // What (set-var! noise "loud") does in the sandbox: a string where the predicate compares numbers.
    const events = m.tick(vars({ noise: 'loud' }));
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['hold/error', 'hold/violated', 'goal/changed']));
    expect(states(m).hush).toBe('forfeit');
    m.complete('job');
    const s = m.settle('complete');
    if (!s.ok) throw new Error(s.error.message);
    expect(s.settlement.outcome).toBe('success');
    expect(s.settlement.currencies.rep.paidAtResolve).toBe(0);
    expect(s.settlement.currencies.rep.forfeited).toBe(3);
  });

  it('is judged the same way by the hold ticker on another thread (a spec compiled from sources)', () => {
    const list = HoldWatcher.fromSpec({ version: 1, variables: Object.keys(vars()), holds: [{ goal: 'hush', source: '(< noise 5)' }], failOns: [], escalations: [], reveals: [] });
    const v = list.check(vars({ noise: 'loud' }));
    expect(v?.violated).toEqual(['hush']);
    expect(v?.errors.map((e) => e.goal)).toEqual(['hush']);
    // Reported once: the hold has left the list.
    expect(list.check(vars({ noise: 'loud' }))).toBeNull();
  });
});
