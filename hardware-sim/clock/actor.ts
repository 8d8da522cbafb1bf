import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { peer } from '../../src/runtime/peer.js';
import { ClockEvents, ClockInbox, MAX_SUBSCRIBERS } from './inbox.js';
import { ticksForMs } from './deck-clock.js';

type ClockContext = ActorContext<typeof ClockInbox>;

interface ClockState {
  subscribers: Array<{ to: string; every: number }>;
  powered: boolean;
  generation: number;
  /** The tick the pending beat is due at, or null when none is: a subscriber due earlier reschedules it. */
  beatAt: number | null;
  /** Serial of the pending beat; a beat that was rescheduled arrives stale and is ignored. */
  beat: number;
}

/**
 * The deck's clock as an actor: ticks go out only to those who asked and
 * only while powered, so an idle deck costs no envelopes and a power-off of
 * days is one jump of the lockstep clock, not millions of empty ticks.
 */
export default defineActor({
  name: 'clock',
  inbox: ClockInbox,
  init: (): ClockState => ({ subscribers: [], powered: true, generation: 0, beatAt: null, beat: 0 }),
  receive(state, msg, ctx): ClockState {
    switch (msg.kind) {
      case 'clock/subscribe': {
        const rest = state.subscribers.filter((s) => s.to !== msg.body.to);
        if (rest.length >= MAX_SUBSCRIBERS) throw new RangeError(`clock: more than ${MAX_SUBSCRIBERS} subscribers`);
        state.subscribers = [...rest, { to: msg.body.to, every: msg.body.every }];
        // Due this very tick (always, at every tick): it hears this tick now rather than from the next beat on.
        if (state.powered && ctx.tick % msg.body.every === 0) ctx.send(peer(ClockEvents, msg.body.to), 'tick', { tick: ctx.tick, at: ctx.now() });
        // A subscriber due before the pending beat (the hold ticker joining every tick while the board's
        // 900-tick beat waits) must not wait for it: schedule an earlier one, and the old one goes stale.
        if (state.powered && (state.beatAt === null || nextDue(state, ctx.tick) < state.beatAt)) beat(state, ctx);
        return state;
      }
      case 'clock/unsubscribe':
        state.subscribers = state.subscribers.filter((s) => s.to !== msg.body.to);
        return state;
      case 'clock/power-off': {
        state.powered = false;
        state.beatAt = null;
        state.generation++;
        for (const s of state.subscribers) ctx.send(peer(ClockEvents, s.to), 'clock/power', { on: false, at: ctx.now() });
        ctx.send(ctx.self, 'clock/power-on', { generation: state.generation, offMs: msg.body.ms }, { after: Math.max(1, ticksForMs({ tickMs: ctx.tickMs, epochMs: 0 }, msg.body.ms)) });
        return state;
      }
      case 'clock/power-on':
        if (msg.body.generation !== state.generation) return state;
        state.powered = true;
        for (const s of state.subscribers) ctx.send(peer(ClockEvents, s.to), 'clock/power', { on: true, at: ctx.now(), offMs: msg.body.offMs });
        if (state.subscribers.length > 0) beat(state, ctx);
        return state;
      case 'clock/beat':
        if (msg.body.generation !== state.generation || msg.body.beat !== state.beat) return state;
        state.beatAt = null;
        if (!state.powered || state.subscribers.length === 0) return state;
        for (const s of state.subscribers) if (ctx.tick % s.every === 0) ctx.send(peer(ClockEvents, s.to), 'tick', { tick: ctx.tick, at: ctx.now() });
        beat(state, ctx);
        return state;
    }
  },
  view: (s) => ({ powered: s.powered, subscribers: s.subscribers }),
});

/** The next tick after `tick` some subscriber is due at (a multiple of its `every`). */
function nextDue(state: ClockState, tick: number): number {
  return Math.min(...state.subscribers.map((s) => (Math.floor(tick / s.every) + 1) * s.every));
}

/** Wake at the next tick some subscriber is due, not every tick; this beat replaces any pending one. */
function beat(state: ClockState, ctx: ClockContext): void {
  const next = nextDue(state, ctx.tick);
  state.beat++;
  state.beatAt = next;
  ctx.send(ctx.self, 'clock/beat', { generation: state.generation, beat: state.beat }, { after: next - ctx.tick });
}
