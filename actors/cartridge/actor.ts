import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { peer } from '../../src/runtime/peer.js';
import { type Rng, rngFromSeed } from '../../src/runtime/rng.js';
import type { CapabilityResult, Move, Played } from './games/game.js';
import { games } from './games/games.js';
import { CallWatcherEvents, type CapabilityCall, CartEvents, CartridgeInbox } from './messages.js';

type CartContext = ActorContext<typeof CartridgeInbox>;

const CartridgeArgs = v.object({ cart: v.picklist(Object.keys(games)) });

interface Running {
  readonly call: CapabilityCall;
  /** The game's own randomness, from the call's seed (not the actor's): the same call replays the same game. */
  readonly rng: Rng;
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
        {
          const rng = rngFromSeed(`game:${state.cart}:${msg.body.params.seed}`);
          state.running = { call: msg.body, rng, game: game(state).start(msg.body.params, rng), turn: 0, awaiting: 'move', result: null };
        }
        // The link is up: the first telemetry of every call, before the first move.
        for (const to of audience(msg.body)) ctx.send(to, 'cart/telemetry', { event: 'link', trace: 0, callId: msg.body.callId, cart: state.cart }, { after: 0 });
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

function ask(state: CartridgeState, ctx: CartContext, error: string | null): void {
  const r = state.running as Running;
  ctx.send(peer(CartEvents, r.call.operator), 'cart/prompt', { callId: r.call.callId, cart: state.cart, prompt: game(state).prompt(r.game), error });
}

function playMove(state: CartridgeState, r: Running, move: Move, ctx: CartContext): void {
  let played: Played<unknown>;
  try {
    played = game(state).play(r.game, move, r.rng);
  } catch (err) {
    // An illegal move is the operator's mistake, not the cart's: ask again.
    ask(state, ctx, (err as Error).message);
    return;
  }
  r.game = played.state;
  r.turn++;
  r.awaiting = 'clock';
  r.result = played.result;
  played.telemetry.forEach((t, i) => {
    const after = Math.max(1, Math.round((played.ticks * (i + 1)) / (played.telemetry.length + 1)));
    for (const to of audience(r.call)) ctx.send(to, 'cart/telemetry', { ...t, callId: r.call.callId, cart: state.cart }, { after });
  });
  ctx.send(ctx.self, 'cart/continue', { callId: r.call.callId, turn: r.turn }, { after: Math.max(1, Math.round(played.ticks)) });
}

/** The result goes to the watchers only: the caller is one of them and answers the operator (one answerer per request). */
function reply(ctx: CartContext, call: CapabilityCall, cart: string, result: CapabilityResult): void {
  for (const to of call.watchers) ctx.send(peer(CallWatcherEvents, to), 'capability/result', { callId: call.callId, cart, result });
}

/** The operator and every watcher: who hears a call's telemetry and result. */
function audience(call: CapabilityCall) {
  return [...new Set([call.operator, ...call.watchers])].map((id) => peer(CallWatcherEvents, id));
}

function aborted(reason: string): CapabilityResult {
  return { outcome: 'abort', trace: 0, extracted: [], turns: 0, bonuses: [], missing: [reason] };
}
