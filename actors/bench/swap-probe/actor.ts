import * as v from 'valibot';
import { defineActor } from '../../../src/runtime/actor.js';
import { defineInbox } from '../../../src/runtime/inbox.js';
import { peer } from '../../../src/runtime/peer.js';
import { CartridgeInbox } from '../../cartridge/messages.js';

/**
 * The Hot Swap benchmark's parent: on `swap` it replaces its cartridge child
 * with another cart (a restart on a fresh worker) and calls it at once; the
 * new cart's first telemetry goes to whoever asked.
 */
const SLOT = peer(CartridgeInbox, 'slot');

export default defineActor({
  name: 'swap-probe',
  inbox: defineInbox({ swap: v.object({ cart: v.string(), callId: v.string(), replyTo: v.string() }) }),
  init(_args, ctx): { swaps: number } {
    ctx.replace(SLOT, 'cartridge', { args: { cart: 'terminal' } });
    return { swaps: 0 };
  },
  receive(state, msg, ctx) {
    ctx.replace(SLOT, 'cartridge', { args: { cart: msg.body.cart } });
    // The result goes to the call's watchers: the probe's caller is one.
    ctx.send(SLOT, 'capability/call', { callId: msg.body.callId, params: { seed: 1, threat: 1, mission: {} }, operator: msg.body.replyTo, watchers: [msg.body.replyTo] }, { after: 0 });
    return { swaps: state.swaps + 1 };
  },
});
