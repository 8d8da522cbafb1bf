import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { peer } from '../../src/runtime/peer.js';
import { ClockEvents, ClockInbox, MAX_SUBSCRIBERS } from './inbox.js';
import { ticksForMs } from './deck-clock.js';

type ClockContext = ActorContext<typeof ClockInbox>;

interface Subscriber {
  readonly to: string;
  readonly every: number;
  /** The first tick it may hear again (it snoozed: `clock/snooze`); Infinity: not until it says so. */
  from: number;
}

interface ClockState {
  subscribers: Subscriber[];
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
 * days is one jump of the lockstep clock, not millions of empty ticks. A
 * subscriber that needs no tick for a while snoozes, and the clock sleeps too.
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
        state.subscribers = [...rest, { to: msg.body.to, every: msg.body.every, from: 0 }];
        // Due this very tick (always, at every tick): it hears this tick now rather than from the next beat on.
        if (state.powered && ctx.tick % msg.body.every === 0) ctx.send(peer(ClockEvents, msg.body.to), 'tick', { tick: ctx.tick, at: ctx.now() });
        // A subscriber due before the pending beat (the hold ticker joining every tick while the board's
        // 900-tick beat waits) must not wait for it: schedule an earlier one, and the old one goes stale.
        rebeatIfEarlier(state, ctx);
        return state;
      }
      case 'clock/unsubscribe':
        state.subscribers = state.subscribers.filter((s) => s.to !== msg.body.to);
        return state;
      case 'clock/snooze': {
        const s = state.subscribers.find((x) => x.to === msg.from);
        if (s === undefined) return state;
        s.from = msg.body.next ?? Infinity;
        // Waking earlier than the pending beat needs a new beat; a later one lets the pending beat pass (it sends nothing then).
        rebeatIfEarlier(state, ctx);
        return state;
      }
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
        beat(state, ctx);
        return state;
      case 'clock/beat':
        if (msg.body.generation !== state.generation || msg.body.beat !== state.beat) return state;
        state.beatAt = null;
        if (!state.powered) return state;
        for (const s of state.subscribers) if (ctx.tick % s.every === 0 && ctx.tick >= s.from) ctx.send(peer(ClockEvents, s.to), 'tick', { tick: ctx.tick, at: ctx.now() });
        beat(state, ctx);
        return state;
    }
  },
  view: (s) => ({ powered: s.powered, subscribers: s.subscribers.map((x) => ({ to: x.to, every: x.every })) }),
});

/** The next tick after `tick` some subscriber is due at (a multiple of its `every`, not before its `from`); Infinity when none is. */
function nextDue(state: ClockState, tick: number): number {
  let next = Infinity;
  for (const s of state.subscribers) {
    const after = Math.max(tick + 1, s.from);
    if (after === Infinity) continue;
    const due = Math.ceil(after / s.every) * s.every;
    if (due < next) next = due;
  }
  return next;
}

function rebeatIfEarlier(state: ClockState, ctx: ClockContext): void {
  if (state.powered && (state.beatAt === null || nextDue(state, ctx.tick) < state.beatAt)) beat(state, ctx);
}

/** Wake at the next tick some subscriber is due, not every tick; this beat replaces any pending one. */
function beat(state: ClockState, ctx: ClockContext): void {
  const next = nextDue(state, ctx.tick);
  state.beat++;
  if (next === Infinity) {
    // Nobody is due: the pending beat (if any) goes stale, and a subscribe or a snooze schedules the next.
    state.beatAt = null;
    return;
  }
  state.beatAt = next;
  ctx.send(ctx.self, 'clock/beat', { generation: state.generation, beat: state.beat }, { after: next - ctx.tick });
}
