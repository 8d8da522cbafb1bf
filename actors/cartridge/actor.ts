import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { type Address, peer } from '../../src/runtime/peer.js';
import { type Rng, rngFromSeed } from '../../src/runtime/rng.js';
import type { CapabilityResult, Move, Played, Telemetry } from './games/game.js';
import { games } from './games/games.js';
import { CallWatcherEvents, type CapabilityCall, CartEvents, CartridgeInbox } from './messages.js';

type CartContext = ActorContext<typeof CartridgeInbox>;

const CartridgeArgs = v.object({ cart: v.picklist(Object.keys(games)) });

interface Running {
  readonly call: CapabilityCall;
  /** Who hears this call's telemetry: found once per call, not per telemetry. */
  readonly audience: readonly Address<typeof CallWatcherEvents>[];
  /** The game's own randomness, from the call's seed (not the actor's): the same call replays the same game. */
  readonly rng: Rng;
  game: unknown;
  turn: number;
  /**
   * Waiting for the operator's move (a prompt is out, perhaps still on its way while the last move's
   * ticks pass), or playing out the last move, whose `cart/continue` gives the result.
   */
  awaiting: 'move' | 'clock';
  /**
   * The tick the last move has played out and its prompt lands. The prompt goes out with the move,
   * so a move that comes before then waits until then instead of playing on top of the last one.
   */
  readyAt: number;
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
          state.running = { call: msg.body, audience: audience(msg.body), rng, game: game(state).start(msg.body.params, rng), turn: 0, awaiting: 'move', readyAt: ctx.tick, result: null };
        }
        // The link is up: the first telemetry of every call, before the first move.
        for (const to of state.running.audience) ctx.send(to, 'cart/telemetry', { event: 'link', trace: 0, callId: msg.body.callId, cart: state.cart }, { after: 0 });
        ask(state, ctx, null);
        return state;
      case 'cart/move': {
        const r = state.running;
        if (!r || r.call.callId !== msg.body.callId || r.awaiting !== 'move') {
          ctx.mark('stray move', { callId: msg.body.callId });
          return state;
        }
        if (ctx.tick < r.readyAt) {
          // Played when the last move has played out, not on top of it. An operator outside the deck
          // hears the prompt as soon as it is routed (the kernel hands `$…` mail over at once), so
          // its answer can come early without the operator having jumped the gun.
          ctx.mark('early move', { callId: msg.body.callId, turn: r.turn });
          ctx.send(ctx.self, 'cart/move', msg.body, { after: r.readyAt - ctx.tick });
          return state;
        }
        playMove(state, r, msg.body.move, ctx);
        return state;
      }
      case 'cart/continue': {
        const r = state.running;
        if (!r || r.call.callId !== msg.body.callId || r.turn !== msg.body.turn || !r.result) return state;
        reply(ctx, r.call, state.cart, r.result);
        state.running = null;
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
  // A standby does not know which cart a Hot Swap will bring: it opens a call on each (games are pure).
  rehearsals: Object.keys(games).map((cart) => ({
    args: { cart },
    messages: [{ kind: 'capability/call' as const, body: { callId: 'rehearsal', params: { seed: 1, threat: 1, mission: {} }, operator: '$rehearsal', watchers: [] } }],
  })),
});

function game(state: CartridgeState) {
  const g = games[state.cart];
  if (!g) throw new Error(`no gameplay loop for cart '${state.cart}'`);
  return g;
}

/** Ask for the next move, `after` ticks from now (when the last move has played out). */
function ask(state: CartridgeState, ctx: CartContext, error: string | null, after = 1): void {
  const r = state.running as Running;
  ctx.send(peer(CartEvents, r.call.operator), 'cart/prompt', { callId: r.call.callId, cart: state.cart, prompt: game(state).prompt(r.game), error }, { after });
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
  r.result = played.result;
  const n = played.telemetry.length;
  for (let i = 0; i < n; i++) {
    const after = Math.max(1, Math.round((played.ticks * (i + 1)) / (n + 1)));
    const t = played.telemetry[i] as Telemetry;
    // A body per listener: an inline send hands over the object itself.
    for (const to of r.audience) ctx.send(to, 'cart/telemetry', { ...t, callId: r.call.callId, cart: state.cart }, { after });
  }
  const done = Math.max(1, Math.round(played.ticks));
  if (r.result === null) {
    // The game's next prompt is known now (the game waits for the move), so it goes out now, to
    // arrive when the move has played out: no message to itself per move. A prompt that lands after
    // an abort is answered, and the answer ignored as a stray move.
    r.readyAt = ctx.tick + done + 1;
    ask(state, ctx, null, done + 1);
    return;
  }
  // The result waits on the cart's own clock: an abort before it lands is the call's one answer.
  r.awaiting = 'clock';
  ctx.send(ctx.self, 'cart/continue', { callId: r.call.callId, turn: r.turn }, { after: done });
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
