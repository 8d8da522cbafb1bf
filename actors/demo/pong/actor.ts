import * as v from 'valibot';
import { int, nat } from '../../../src/runtime/schema.js';
import { defineActor } from '../../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../../src/runtime/inbox.js';
import { untypedPeer } from '../../../src/runtime/peer.js';

export const PongInbox = defineInbox({
  ping: v.object({ n: nat(), nonce: int() }),
});
export type PongMessage = MessageOf<typeof PongInbox>;

/** Returns every ball to whoever served it, echoing its number and nonce. */
export default defineActor({
  name: 'pong',
  inbox: PongInbox,
  init: (): { returned: number } => ({ returned: 0 }),
  receive(state, msg, ctx) {
    ctx.send(untypedPeer(msg.from), 'pong', { n: msg.body.n, nonce: msg.body.nonce });
    return { returned: state.returned + 1 };
  },
});
