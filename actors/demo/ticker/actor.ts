import * as v from 'valibot';
import { int, nat } from '../../../src/runtime/schema.js';
import { defineActor } from '../../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../../src/runtime/inbox.js';
import { untypedPeer } from '../../../src/runtime/peer.js';

export const TickerInbox = defineInbox({
  tick: v.object({ count: nat() }),
});
export type TickerMessage = MessageOf<typeof TickerInbox>;

const TickerArgs = v.nullable(v.object({ every: v.pipe(int(), v.minValue(1)), workTo: v.nullable(v.string()) }));

interface TickerState {
  readonly every: number;
  readonly workTo: string | null;
  readonly count: number;
}

/** Counts its own ticks, every `every` ticks, and hands a unit of work to `workTo` on each. */
export default defineActor({
  name: 'ticker',
  inbox: TickerInbox,
  args: TickerArgs,
  init(args, ctx): TickerState {
    const state = { every: args?.every ?? 5, workTo: args?.workTo ?? null, count: 0 };
    ctx.send(untypedPeer(ctx.self), 'tick', { count: 0 }, { after: state.every });
    return state;
  },
  receive(state, msg, ctx): TickerState {
    const count = msg.body.count + 1;
    ctx.send(untypedPeer(ctx.self), 'tick', { count }, { after: state.every });
    if (state.workTo) ctx.send(untypedPeer(state.workTo), 'work', { unit: count, size: ctx.rng.range(1, 100) });
    return { ...state, count };
  },
});
