import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../src/runtime/inbox.js';
import type { CapabilityResult, Move, Played } from '../cartridges/game.js';
import { games } from '../cartridges/games.js';
import { type CapabilityCall, CapabilityCallBody, type CapabilityResultBody, type CartPrompt, MoveBody } from './messages.js';

export const CartridgeInbox = defineInbox({
  'capability/call': CapabilityCallBody,
  'cart/move': MoveBody,
  'cart/abort': v.object({ callId: v.string(), reason: v.string() }),
  /** The cart's own pacing: the last move's ticks have passed. */
  'cart/continue': v.object({ callId: v.string(), turn: v.number() }),
});
export type CartridgeMessage = MessageOf<typeof CartridgeInbox>;

const CartridgeArgs = v.object({ cart: v.picklist(Object.keys(games)) });

interface Running {
  readonly call: CapabilityCall;
  game: unknown;
  turn: number;
  /** Waiting for the operator's move (a prompt is out), or playing one out. */
  awaiting: 'move' | 'clock';
  result: CapabilityResult | null;
}

interface CartridgeState {
  readonly cart: string;
  running: Running | null;
  calls: number;
}

/**
 * The cartridge in the slot: one gameplay loop, driven by the operator a move
 * at a time. A capability call is a conversation: prompt → move → telemetry
 * over the move's ticks → next prompt, until the result. Hot Swap replaces
 * this actor's behaviour with another cart's (a fresh worker, same id).
 */
export default defineActor({
  name: 'cartridge',
  inbox: CartridgeInbox,
  args: CartridgeArgs,
  init: (args): CartridgeState => ({ cart: args.cart, running: null, calls: 0 }),
  receive(state, msg, ctx): CartridgeState {
    switch (msg.kind) {
      case 'capability/call':
        if (state.running) {
          reply(ctx, msg.body, state.cart, aborted(`cart busy with call ${state.running.call.callId}`));
          return state;
        }
        state.calls++;
        state.running = { call: msg.body, game: game(state).start(msg.body.params, ctx.rng), turn: 0, awaiting: 'move', result: null };
        // The link is up: the first telemetry of every call, before the first move.
        for (const to of [msg.body.operator, ...msg.body.watchers]) ctx.send(to, 'cart/telemetry', { event: 'link', trace: 0, callId: msg.body.callId, cart: state.cart }, { after: 0 });
        ask(state, ctx, null);
        return state;
      case 'cart/move': {
        const r = state.running;
        if (!r || r.call.callId !== msg.body.callId || r.awaiting !== 'move') {
          ctx.mark('stray move', { callId: msg.body.callId });
          return state;
        }
        playMove(state, r, msg.body.move, ctx);
        return state;
      }
      case 'cart/continue': {
        const r = state.running;
        if (!r || r.call.callId !== msg.body.callId || r.turn !== msg.body.turn) return state;
        if (r.result) {
          reply(ctx, r.call, state.cart, r.result);
          state.running = null;
        } else {
          r.awaiting = 'move';
          ask(state, ctx, null);
        }
        return state;
      }
      case 'cart/abort': {
        const r = state.running;
        if (!r || r.call.callId !== msg.body.callId) return state;
        reply(ctx, r.call, state.cart, aborted(msg.body.reason));
        state.running = null;
        return state;
      }
    }
  },
  view: (s) => ({ cart: s.cart, calls: s.calls, running: s.running?.call.callId ?? null, turn: s.running?.turn ?? 0 }),
});

function game(state: CartridgeState) {
  const g = games[state.cart];
  if (!g) throw new Error(`no gameplay loop for cart '${state.cart}'`);
  return g;
}

function ask(state: CartridgeState, ctx: ActorContext, error: string | null): void {
  const r = state.running as Running;
  const body: CartPrompt = { callId: r.call.callId, cart: state.cart, prompt: game(state).prompt(r.game), error };
  ctx.send(r.call.operator, 'cart/prompt', body);
}

function playMove(state: CartridgeState, r: Running, move: Move, ctx: ActorContext): void {
  let played: Played<unknown>;
  try {
    played = game(state).play(r.game, move, ctx.rng);
  } catch (err) {
    // An illegal move is the operator's mistake, not the cart's: ask again.
    ask(state, ctx, (err as Error).message);
    return;
  }
  r.game = played.state;
  r.turn++;
  r.awaiting = 'clock';
  r.result = played.result;
  const audience = [r.call.operator, ...r.call.watchers];
  played.telemetry.forEach((t, i) => {
    const after = Math.max(1, Math.round((played.ticks * (i + 1)) / (played.telemetry.length + 1)));
    for (const to of audience) ctx.send(to, 'cart/telemetry', { ...t, callId: r.call.callId, cart: state.cart }, { after });
  });
  ctx.send(ctx.self, 'cart/continue', { callId: r.call.callId, turn: r.turn }, { after: Math.max(1, Math.round(played.ticks)) });
}

function reply(ctx: ActorContext, call: CapabilityCall, cart: string, result: CapabilityResult): void {
  const body: CapabilityResultBody = { callId: call.callId, cart, result };
  for (const to of [call.operator, ...call.watchers]) ctx.send(to, 'capability/result', body);
}

function aborted(reason: string): CapabilityResult {
  return { outcome: 'abort', trace: 0, extracted: [], turns: 0, bonuses: [], missing: [reason] };
}
