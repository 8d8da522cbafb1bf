import * as v from 'valibot';
import { defineActor } from '../../../src/runtime/actor.js';
import { defineInbox } from '../../../src/runtime/inbox.js';

/**
 * The Hot Swap benchmark's parent: on `swap` it replaces its cartridge child
 * with another cart (a restart on a fresh worker) and calls it at once; the
 * new cart's first telemetry goes to whoever asked.
 */
export default defineActor({
  name: 'swap-probe',
  inbox: defineInbox({ swap: v.object({ cart: v.string(), callId: v.string(), replyTo: v.string() }) }),
  init(_args, ctx): { swaps: number } {
    ctx.replace('slot', 'cartridge', { args: { cart: 'terminal' } });
    return { swaps: 0 };
  },
  receive(state, msg, ctx) {
    ctx.replace('slot', 'cartridge', { args: { cart: msg.body.cart } });
    ctx.send('slot', 'capability/call', { callId: msg.body.callId, params: { seed: 1, threat: 1, mission: {} }, operator: msg.body.replyTo, watchers: [] }, { after: 0 });
    return { swaps: state.swaps + 1 };
  },
});
