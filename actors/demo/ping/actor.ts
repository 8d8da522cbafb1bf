import * as v from 'valibot';
import { int, nat } from '../../../src/runtime/schema.js';
import { defineActor } from '../../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../../src/runtime/inbox.js';
import { untypedPeer } from '../../../src/runtime/peer.js';

/** Ping's inbox: the replies it waits for. */
export const PingInbox = defineInbox({
  pong: v.object({ n: nat(), nonce: int() }),
});
export type PingMessage = MessageOf<typeof PingInbox>;

const PingArgs = v.nullable(v.object({ peer: v.string(), rounds: v.pipe(int(), v.minValue(1)) }));

interface PingState {
  readonly peer: string;
  readonly rounds: number;
  readonly returned: number;
  /** Sum of the nonces seen, so a wrong reply shows in the state, not just the trace. */
  readonly checksum: number;
}

/** Serves a ball to its peer, waits a seeded 1–3 ticks after each return, for a number of rounds. */
export default defineActor({
  name: 'ping',
  inbox: PingInbox,
  args: PingArgs,
  init(args, ctx): PingState {
    const state = { peer: args?.peer ?? 'pong', rounds: args?.rounds ?? 20, returned: 0, checksum: 0 };
    ctx.send(untypedPeer(state.peer), 'ping', { n: 0, nonce: ctx.rng.int(1_000_000) });
    return state;
  },
  receive(state, msg, ctx): PingState {
    const next = { ...state, returned: state.returned + 1, checksum: (state.checksum + msg.body.nonce) % 1_000_003 };
    if (next.returned < state.rounds) {
      ctx.send(untypedPeer(state.peer), 'ping', { n: msg.body.n + 1, nonce: ctx.rng.int(1_000_000) }, { after: ctx.rng.range(1, 3) });
    } else {
      ctx.mark('rally over', { rounds: next.returned, checksum: next.checksum });
    }
    return next;
  },
});
