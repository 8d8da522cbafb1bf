import * as v from 'valibot';
import { defineActor } from '../../../src/runtime/actor.js';
import { defineInbox } from '../../../src/runtime/inbox.js';
import { peer } from '../../../src/runtime/peer.js';

export const EchoInbox = defineInbox({
  ping: v.object({ n: v.pipe(v.number(), v.integer()) }),
});

/** What whoever pings the echo hears back. */
export const EchoReplies = defineInbox({
  pong: v.object({ n: v.pipe(v.number(), v.integer()) }),
});

/** Answers every ping at once (`after: 0` in realtime): the kernel's round-trip probe. */
export default defineActor({
  name: 'echo',
  inbox: EchoInbox,
  init: (): { echoed: number } => ({ echoed: 0 }),
  receive(state, msg, ctx) {
    ctx.send(peer(EchoReplies, msg.from), 'pong', { n: msg.body.n }, { after: 0 });
    return { echoed: state.echoed + 1 };
  },
});
