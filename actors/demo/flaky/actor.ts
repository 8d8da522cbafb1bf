import * as v from 'valibot';
import { int } from '../../../src/runtime/schema.js';
import { defineActor } from '../../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../../src/runtime/inbox.js';
import { untypedPeer } from '../../../src/runtime/peer.js';

export const FlakyInbox = defineInbox({
  work: v.object({ unit: int(), size: v.pipe(int(), v.minValue(1)) }),
});
export type FlakyMessage = MessageOf<typeof FlakyInbox>;

const FlakyArgs = v.nullable(v.object({ crashChance: v.pipe(v.number(), v.minValue(0), v.maxValue(1)), reportTo: v.string() }));

interface FlakyState {
  readonly crashChance: number;
  readonly reportTo: string;
  readonly done: number;
}

/** A worker that sometimes throws mid-job (seeded), to keep the supervisor honest. */
export default defineActor({
  name: 'flaky',
  inbox: FlakyInbox,
  args: FlakyArgs,
  init: (args): FlakyState => ({ crashChance: args?.crashChance ?? 0.1, reportTo: args?.reportTo ?? '$client', done: 0 }),
  receive(state, msg, ctx): FlakyState {
    if (ctx.rng.chance(state.crashChance)) throw new Error(`unit ${msg.body.unit} (size ${msg.body.size}) hit a bad sector`);
    ctx.send(untypedPeer(state.reportTo), 'done', { unit: msg.body.unit, by: ctx.self, incarnation: ctx.incarnation });
    return { ...state, done: state.done + 1 };
  },
});
