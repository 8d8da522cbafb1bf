import { deckCatalog } from '../../actors/catalog.js';
import type { CartPrompt } from '../../actors/cartridge/messages.js';
import type { OpReply } from '../../actors/mission-control/messages.js';
import { type OperatorLink, OperatorSession } from '../../actors/mission-runner/session.js';
import { createEnv } from '../lisp/builtins.js';
import type { Env } from '../lisp/env.js';
import { fromData } from '../lisp/data.js';
import { applyFunction } from '../lisp/evaluator.js';
import { Cons, Keyword, LispMap, listToArray } from '../lisp/values.js';
import type { Placement } from '../runtime/coordinator.js';
import type { Envelope } from '../runtime/envelope.js';
import { rngFromSeed } from '../runtime/rng.js';
import { Runtime } from '../runtime/runtime.js';
import { loadCartLibrary } from './cart-files.js';
import { spawnDeckActors } from './deck-actors.js';
import { answerDeadline } from './watchdog.js';

const OPERATOR = '$repl';

export interface LiveDeck {
  readonly env: Env;
  readonly runtime: Runtime;
  /** What was accepted when the deck came up, for the banner. */
  readonly accepted: string;
  close(): Promise<void>;
}

/**
 * A live deck for the Mission Runner REPL: Mission Control, the cart slot,
 * the hold ticker, CIPHER and the hardware, with the REPL itself as the
 * operator. The cart is seated at power-on and the best contract that needs
 * it is accepted (unless `accept: false`), so `current-mission` and the goal
 * verbs answer at once.
 * Every form's deck calls are the same `op/*` requests the Runner actor
 * makes; the REPL steps the lockstep clock until each answer arrives, and
 * runs the script's telemetry handlers as the cart's telemetry comes in.
 */
export async function openLiveDeck(options: { seed: number; placement?: Placement; cart?: string; out: (line: string) => void; accept?: boolean }): Promise<LiveDeck> {
  const cart = options.cart ?? 'ice-breaker';
  const library = loadCartLibrary();
  if (!library.carts.includes(cart)) throw new Error(`no cartridge '${cart}' (cartridges: ${library.carts.join(', ')})`);
  const rt = new Runtime({ seed: options.seed, catalog: deckCatalog, placement: options.placement ?? 'inline' });
  const deck = new DeckLine(rt, options.out);
  rt.external$.subscribe((e) => deck.take(e));
  await spawnDeckActors(rt, { seed: options.seed, library, flash: null, operator: OPERATOR, seated: cart });
  await deck.pump('deck/ready', answerDeadline('deck/ready'));
  const session = new OperatorSession(createEnv({ output: (text) => options.out(text.replace(/\n$/, '')) }), deck.link(options.seed));
  deck.session = session;
  // `accept: false` leaves the operator at the board, to choose with the navigation verbs.
  const accepted = options.accept === false ? 'nothing yet (at the board)' : await acceptFor(deck, session, cart);
  return { env: session.env, runtime: rt, accepted, close: async () => void (await rt.shutdown()) };
}

/**
 * The REPL's line to the deck: it sends requests as the operator, steps the
 * clock (jumping over idle stretches, so a power-off of days is quick) until
 * the answer comes or the request's deadline passes, and between steps runs
 * the handlers for the telemetry that arrived, in reactive mode, as the
 * Runner actor does.
 */
class DeckLine {
  session: OperatorSession | null = null;
  private readonly answers = new Map<string, unknown>();
  private readonly telemetry: Array<Readonly<Record<string, unknown>>> = [];
  /** Requests a reactive handler sent without waiting: their replies only refresh the bindings. */
  private readonly detached = new Set<string>();
  private serial = 0;

  constructor(
    private readonly rt: Runtime,
    private readonly out: (line: string) => void,
  ) {}

  take(e: Envelope): void {
    if (e.to !== OPERATOR) {
      if (e.kind === 'cipher/line') this.out(`CIPHER> ${(e.body as { text: string }).text}`);
      return;
    }
    switch (e.kind) {
      case 'deck/ready':
        this.answers.set('deck/ready', e.body);
        return;
      case 'op/reply': {
        const r = e.body as OpReply;
        if (this.detached.delete(r.reqId)) {
          if (r.ok && r.bindings !== null) this.session?.takeVerbReply(r);
          return;
        }
        this.answers.set(r.reqId, r);
        return;
      }
      case 'capability/result':
        this.answers.set((e.body as { callId: string }).callId, e.body);
        return;
      case 'cart/telemetry':
        this.telemetry.push(e.body as Record<string, unknown>);
        return;
      case 'cart/prompt': {
        // The REPL plays the cart's suggested move; a script that wants to steer runs under `nosh run --script`.
        const p = e.body as CartPrompt;
        this.rt.send(e.from, 'cart/move', { callId: p.callId, move: p.prompt.suggested }, { from: OPERATOR });
        return;
      }
      default:
        return;
    }
  }

  /** Send `kind` to Mission Control as the operator and wait for its answer. */
  ask<T>(kind: string, body: Record<string, unknown>, reqId = `x${this.serial++}`): Promise<T> {
    this.rt.send('mission-control', kind, { ...body, reqId }, { from: OPERATOR });
    return this.pump<T>(reqId, answerDeadline(kind, typeof body.ms === 'number' ? body.ms : 0));
  }

  /** Step the clock until `id` is answered (the REPL's wait is the deck's time passing). */
  async pump<T>(id: string, within: number): Promise<T> {
    const limit = this.rt.tick + within;
    while (!this.answers.has(id)) {
      if (this.rt.tick >= limit) throw new Error(`the deck did not answer ${id} within ${within} ticks`);
      const next = this.rt.nextDueTick();
      if (next === null) throw new Error(`the deck went quiet without answering ${id}: nothing is scheduled`);
      await this.step(Math.min(limit, Math.max(this.rt.tick + 1, next)));
    }
    const answer = this.answers.get(id) as T;
    this.answers.delete(id);
    return answer;
  }

  /** Let the deck run `ticks` ticks; the tick reached. */
  async wait(ticks: number): Promise<number> {
    const until = this.rt.tick + Math.max(1, ticks);
    while (this.rt.tick < until) {
      const next = this.rt.nextDueTick();
      await this.step(next === null ? until : Math.min(until, Math.max(this.rt.tick + 1, next)));
    }
    return this.rt.tick;
  }

  link(seed: number): OperatorLink {
    const rng = rngFromSeed(`nosh:repl:${seed}`);
    const reactive = (): boolean => this.session?.reactive === true;
    return {
      request: (kind, body) => {
        if (!reactive()) return this.ask<OpReply>(kind, body);
        const reqId = `x${this.serial++}`;
        this.detached.add(reqId);
        this.rt.send('mission-control', kind, { ...body, reqId }, { from: OPERATOR });
        return null;
      },
      call: (cart, seed) => this.ask('op/capability', { cart, ...(seed === undefined ? {} : { seed }) }),
      log: (text) => this.out(text),
      random: () => rng.next(),
      wait: (ticks) => (reactive() ? null : this.wait(ticks)),
    };
  }

  private async step(to: number): Promise<void> {
    await this.rt.run(to);
    await this.runHandlers();
  }

  /** The handlers for the telemetry that came in, in order; a handler's error is reported, not fatal. */
  private async runHandlers(): Promise<void> {
    const session = this.session;
    if (session === null || session.reactive) return;
    while (this.telemetry.length > 0) {
      const t = this.telemetry.shift() as Readonly<Record<string, unknown>>;
      session.reactive = true;
      try {
        await session.dispatchTelemetry(t, async (fn, args) => applyFunction(fn, args, session.env));
      } catch (err) {
        this.out(`error: handler: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        session.reactive = false;
      }
    }
  }
}

/** Accept the board's first contract that needs the seated cart (else the first contract). */
async function acceptFor(deck: DeckLine, session: OperatorSession, cart: string): Promise<string> {
  const board = fromData((await deck.ask<OpReply>('op/board', {}, 'setup-op/board')).value);
  const contracts = board instanceof Cons ? listToArray(board) : [];
  const uses = (c: unknown): boolean => c instanceof LispMap && listToArray((c.get(new Keyword('carts')) ?? null) as Cons | null).some((k) => k instanceof Keyword && k.name === cart);
  const index = Math.max(0, contracts.findIndex(uses));
  const chosen = contracts[index] as LispMap | undefined;
  const r = await deck.ask<OpReply>('op/accept', { index }, 'setup-op/accept');
  if (!r.ok) throw new Error(`could not accept a contract: ${r.error?.message ?? 'refused'}`);
  session.rebind(r.bindings);
  const label = (k: string): string => String(chosen?.get(new Keyword(k)) ?? '?');
  return `${label('id')} ${label('target')} (threat ${label('threat')})`;
}
