import { describe, expect, it } from 'vitest';
import type { MissionEvent } from '../src/objectives/events.js';
import { GOAL_STATES, LEGAL_TRANSITIONS, isLegalTransition } from '../src/objectives/state-machine.js';
import { instance, ok, refused, schemaOf, states } from './helpers/objectives.js';

const changes = (events: readonly MissionEvent[]): string[] => events.flatMap((e) => (e.kind === 'goal/changed' ? [`${e.goal} ${e.from}→${e.to} ${e.cause}`] : []));

describe('the goal state machine (seed 003 §2.2)', () => {
  it('has exactly the six edges of the diagram', () => {
    const edges = GOAL_STATES.flatMap((from) => GOAL_STATES.filter((to) => isLegalTransition(from, to)).map((to) => `${from}→${to}`));
    expect(edges).toEqual(['locked→open', 'locked→void', 'open→done', 'open→failed', 'open→forfeit', 'open→void']);
    expect([...LEGAL_TRANSITIONS.keys()]).toEqual([...GOAL_STATES]);
  });

  const schema = schemaOf(`(defcontract-schema :sm
    :objectives
    (spine
      (goal a :role :primary :reward ((¤ 100)))
      (goal b :role :primary :requires a :branch ((left :reward ((rep 1 :on-resolve))) (right :voids (side))))
      (goal side :reward ((intel 1)))
      (goal held :hold (< trace 50))
      (goal hidden :reveal :latent)
      (goal route :any ((by-door) (by-vent)))
      (goal bold :excludes (careful))
      (goal careful)))`);

  it('starts goals locked or open by their gates, and reports nothing for the starting snapshot', () => {
    expect(states(instance(schema))).toEqual({
      a: 'open', b: 'locked', left: 'locked', right: 'locked', side: 'open', held: 'open', hidden: 'locked',
      route: 'open', 'by-door': 'open', 'by-vent': 'open', bold: 'open', careful: 'open',
    });
  });

  it('goal-complete: open → done, banks :on-complete rewards and unlocks what requires it', () => {
    const m = instance(schema);
    const { events } = ok(m.complete('a'));
    expect(changes(events)).toEqual(['a open→done completed', 'b locked→open prereq-met']);
    expect(events.filter((e) => e.kind === 'reward/banked').map((e) => (e.kind === 'reward/banked' ? e.reward : null))).toEqual([{ kind: '¤', amount: 100, flag: null, when: 'on-complete', scaled: false }]);
  });

  it('an illegal verb returns a clear error value and changes nothing', () => {
    const m = instance(schema);
    const cases: [() => ReturnType<typeof m.complete>, string, RegExp][] = [
      [() => m.complete('b'), 'locked', /b is :locked: it requires a \(:open\)/],
      [() => m.complete('nope'), 'unknown-goal', /no goal named nope/],
      [() => m.reveal('a'), 'not-latent', /a is briefed, not latent/],
      [() => m.choose('left'), 'choice-locked', /branch of b opens when b does; b is :locked/],
      [() => m.choose('side'), 'not-a-choice', /not a branch choice/],
      [() => m.complete('held'), 'held-goal', /engine forfeits it when \(< trace 50\)/],
      [() => m.fail('held'), 'held-goal', /:hold goal/],
      [() => m.complete('route'), 'closes-by-children', /closes when one of by-door, by-vent does/],
      [() => m.fail('hidden'), 'locked', /latent and not yet revealed/],
      [() => m.state('ghost'), 'unknown-goal', /no goal named ghost/],
    ];
    for (const [run, code, message] of cases) {
      const before = JSON.stringify(m.snapshot());
      const err = refused(run());
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(JSON.stringify(m.snapshot())).toBe(before);
    }
    ok(m.complete('a'));
    expect(refused(m.complete('a'))).toMatchObject({ code: 'closed', state: 'done', message: 'goal-complete a: a is already :done' });
    expect(refused(m.complete('b')).code).toBe('branch-unchosen');
    ok(m.reveal('hidden'));
    expect(refused(m.reveal('hidden')).code).toBe('already-revealed');
  });

  it('goal-choose resolves a branch: the chosen child opens, siblings and :voids targets become void', () => {
    const m = instance(schema);
    ok(m.complete('a'));
    const { events } = ok(m.choose('right'));
    expect(changes(events)).toEqual(['left locked→void excluded', 'side open→void voided', 'right locked→open chosen']);
    expect(refused(m.choose('left'))).toMatchObject({ code: 'closed', message: 'goal-choose left: left is :void (right was chosen)' });
    expect(refused(m.choose('right')).code).toBe('already-chosen');
    ok(m.complete('b'));
  });

  it(':excludes outside a branch: choosing or completing one voids the other, both ways', () => {
    const m1 = instance(schema);
    expect(changes(ok(m1.choose('careful')).events)).toEqual(['bold open→void excluded']);
    expect(m1.state('careful')).toMatchObject({ ok: true, state: 'open' });
    const m2 = instance(schema);
    expect(changes(ok(m2.complete('bold')).events)).toEqual(['bold open→done completed', 'careful open→void excluded']);
  });

  it('goal-reveal opens a latent goal, briefed; goal-fail closes an open one', () => {
    const m = instance(schema);
    const revealed = ok(m.reveal('hidden')).events;
    expect(revealed.map((e) => e.kind)).toEqual(['goal/revealed', 'goal/changed']);
    expect(changes(revealed)).toEqual(['hidden locked→open revealed']);
    expect(m.info('hidden')?.briefed).toBe(true);
    expect(changes(ok(m.fail('hidden')).events)).toEqual(['hidden open→failed failed']);
  });

  it('OR-groups (:any): the parent closes when one child does, the other routes become void', () => {
    const m = instance(schema);
    expect(changes(ok(m.complete('by-vent')).events)).toEqual(['by-vent open→done completed', 'route open→done child-done', 'by-door open→void group-closed']);
    const m2 = instance(schema);
    ok(m2.fail('by-vent'));
    expect(changes(ok(m2.fail('by-door')).events)).toEqual(['by-door open→failed failed', 'route open→failed children-dead']);
  });

  it('a failed or unreachable primary fails the mission; verbs are then refused until it is settled', () => {
    const m = instance(schema);
    const events = ok(m.fail('a')).events;
    expect(events.at(-1)).toMatchObject({ kind: 'mission/failed', goal: 'a', reason: 'primary-failed' });
    expect(m.status).toBe('failed');
    expect(refused(m.complete('side')).code).toBe('mission-over');
    const s = m.settle('abandon');
    expect(s.ok && s.settlement.outcome).toBe('failure');

    // Unreachable: a primary waiting on a goal that failed can never be done.
    const chain = schemaOf(`(defcontract-schema :u :objectives (spine (goal key) (goal door :role :primary :requires key)))`);
    const m2 = instance(chain);
    expect(ok(m2.fail('key')).events.at(-1)).toMatchObject({ kind: 'mission/failed', goal: 'door', reason: 'primary-unreachable' });
  });

  it('a void prerequisite voids what waits on it: the path not taken, not a failure', () => {
    const fork = schemaOf(`(defcontract-schema :f :objectives (spine
      (goal job :role :primary :branch ((loud) (quiet)))
      (goal loud-exit :role :primary :requires loud)
      (goal quiet-exit :role :primary :requires quiet)))`);
    const m = instance(fork);
    const events = ok(m.choose('quiet')).events;
    expect(changes(events)).toEqual(['loud locked→void excluded', 'loud-exit locked→void prereq-void', 'quiet locked→open chosen']);
    expect(m.status).toBe('running');
    ok(m.complete('quiet'));
    ok(m.complete('job'));
    expect(ok(m.complete('quiet-exit')).events.at(-1)).toMatchObject({ kind: 'mission/ready' });
    const s = m.settle('complete');
    expect(s.ok && s.settlement.outcome).toBe('success');
  });

  it('a latent primary never revealed does not hold the mission back; revealed, it must be done', () => {
    const latent = schemaOf(`(defcontract-schema :l :objectives (spine (goal job :role :primary) (goal twist :role :primary :reveal :latent)))`);
    const m1 = instance(latent);
    ok(m1.complete('job'));
    expect(m1.isReady).toBe(true);
    const m2 = instance(latent);
    ok(m2.complete('job'));
    ok(m2.reveal('twist'));
    expect(m2.isReady).toBe(false);
    const s = m2.settle('complete');
    expect(s.ok && [s.settlement.outcome, s.settlement.reason]).toEqual(['failure', 'primaries-incomplete']);
  });

  it('dispatches verbs by name, as Mission Control receives them', () => {
    const m = instance(schema);
    expect(m.verb('goal-complete', 'a')).toMatchObject({ ok: true, state: 'done' });
    expect(m.verb('goal-state', 'b')).toMatchObject({ ok: true, state: 'open' });
  });
});
