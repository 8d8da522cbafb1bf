import * as v from 'valibot';
import { int } from '../../../src/runtime/schema.js';
import { defineActor } from '../../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../../src/runtime/inbox.js';
import { ChildFailedBody, SYS_CHILD_FAILED } from '../../../src/runtime/system-messages.js';
import { untypedPeer } from '../../../src/runtime/peer.js';

export const OverseerInbox = defineInbox({
  work: v.object({ unit: int(), size: v.pipe(int(), v.minValue(1)) }),
  done: v.object({ unit: int(), by: v.string(), incarnation: int() }),
  [SYS_CHILD_FAILED]: ChildFailedBody,
});
export type OverseerMessage = MessageOf<typeof OverseerInbox>;

interface OverseerState {
  readonly worker: string | null;
  readonly generation: number;
  readonly done: number;
  readonly lost: number;
}

/**
 * Parent of a flaky worker: forwards work to it, and when the worker escalates
 * (too many restarts too fast) replaces it with a fresh one.
 */
export default defineActor({
  name: 'overseer',
  inbox: OverseerInbox,
  init(_args, ctx): OverseerState {
    const worker = ctx.spawn('flaky', { args: { crashChance: 0.12, reportTo: ctx.self } });
    return { worker, generation: 1, done: 0, lost: 0 };
  },
  receive(state, msg, ctx): OverseerState {
    switch (msg.kind) {
      case 'work':
        if (state.worker) ctx.send(untypedPeer(state.worker), 'work', msg.body);
        return state;
      case 'done':
        return { ...state, done: state.done + 1 };
      case SYS_CHILD_FAILED: {
        if (msg.body.decision === 'restart') return { ...state, lost: state.lost + 1 };
        const worker = ctx.spawn('flaky', { args: { crashChance: 0.12, reportTo: ctx.self } });
        ctx.mark('worker replaced', { old: msg.body.child, new: worker });
        return { ...state, worker, generation: state.generation + 1, lost: state.lost + 1 };
      }
    }
  },
});
