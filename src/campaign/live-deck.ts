import { deckCatalog } from '../../actors/catalog.js';
import type { CartPrompt } from '../../actors/cartridge/messages.js';
import type { OpReply } from '../../actors/mission-control/messages.js';
import { type OperatorLink, OperatorSession } from '../../actors/mission-runner/session.js';
import { createEnv } from '../lisp/builtins.js';
import type { Env } from '../lisp/env.js';
import { fromData } from '../lisp/data.js';
import { Cons, Keyword, LispMap, listToArray } from '../lisp/values.js';
import type { Placement } from '../runtime/coordinator.js';
import type { Envelope } from '../runtime/envelope.js';
import { rngFromSeed } from '../runtime/rng.js';
import { Runtime } from '../runtime/runtime.js';
import { loadCartLibrary } from './cart-files.js';
import { spawnDeckActors } from './deck-actors.js';

const OPERATOR = '$repl';
/** How long the deck may take to answer one request before the REPL gives up on it, in ticks (one minute). */
const ANSWER_WITHIN = 1_800;

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
 * it is accepted, so `current-mission` and the goal verbs answer at once.
 * Every form's deck calls are the same `op/*` requests the Runner actor
 * makes; the REPL steps the lockstep clock until each answer arrives.
 */
export async function openLiveDeck(options: { seed: number; placement?: Placement; cart?: string; out: (line: string) => void }): Promise<LiveDeck> {
  const cart = options.cart ?? 'ice-breaker';
  const library = loadCartLibrary();
  if (!library.carts.includes(cart)) throw new Error(`no cartridge '${cart}' (cartridges: ${library.carts.join(', ')})`);
  const rt = new Runtime({ seed: options.seed, catalog: deckCatalog, placement: options.placement ?? 'inline' });
  const answers = new Map<string, unknown>();
  rt.external$.subscribe((e) => onEnvelope(rt, e, answers, options.out));
  await spawnDeckActors(rt, { seed: options.seed, library, flash: null, operator: OPERATOR, seated: cart });
  await pump(rt, answers, 'deck/ready');
  const session = new OperatorSession(createEnv({ output: (text) => options.out(text.replace(/\n$/, '')) }), externalLink(rt, answers, options));
  const accepted = await acceptFor(rt, answers, session, cart);
  return { env: session.env, runtime: rt, accepted, close: async () => void (await rt.shutdown()) };
}

function onEnvelope(rt: Runtime, e: Envelope, answers: Map<string, unknown>, out: (line: string) => void): void {
  if (e.to !== OPERATOR) {
    if (e.kind === 'cipher/line') out(`CIPHER> ${(e.body as { text: string }).text}`);
    return;
  }
  switch (e.kind) {
    case 'deck/ready':
      answers.set('deck/ready', e.body);
      return;
    case 'op/reply':
      answers.set((e.body as OpReply).reqId, e.body);
      return;
    case 'capability/result':
      answers.set((e.body as { callId: string }).callId, e.body);
      return;
    case 'cart/prompt': {
      // The REPL plays the cart's suggested move; a script that wants to steer runs under `nosh run --script`.
      const p = e.body as CartPrompt;
      rt.send(e.from, 'cart/move', { callId: p.callId, move: p.prompt.suggested }, { from: OPERATOR });
      return;
    }
    default:
      return;
  }
}

/** Step the clock until `id` is answered (the REPL's wait is the deck's time passing). */
async function pump<T>(rt: Runtime, answers: Map<string, unknown>, id: string): Promise<T> {
  const limit = rt.tick + ANSWER_WITHIN;
  while (!answers.has(id)) {
    if (rt.tick >= limit) throw new Error(`the deck did not answer ${id} within ${ANSWER_WITHIN} ticks`);
    await rt.run(rt.tick + 1);
  }
  const answer = answers.get(id) as T;
  answers.delete(id);
  return answer;
}

function externalLink(rt: Runtime, answers: Map<string, unknown>, options: { seed: number; out: (line: string) => void }): OperatorLink {
  let serial = 0;
  const rng = rngFromSeed(`nosh:repl:${options.seed}`);
  const ask = (kind: string, body: Record<string, unknown>): Promise<OpReply> => {
    const reqId = `x${serial++}`;
    rt.send('mission-control', kind, { ...body, reqId }, { from: OPERATOR });
    return pump<OpReply>(rt, answers, reqId);
  };
  return {
    request: ask,
    call: (cart, seed) => {
      const reqId = `x${serial++}`;
      rt.send('mission-control', 'op/capability', { reqId, cart, ...(seed === undefined ? {} : { seed }) }, { from: OPERATOR });
      return pump(rt, answers, reqId);
    },
    log: (text) => options.out(text),
    random: () => rng.next(),
  };
}

/** Accept the board's first contract that needs the seated cart (else the first contract). */
async function acceptFor(rt: Runtime, answers: Map<string, unknown>, session: OperatorSession, cart: string): Promise<string> {
  const link = { ask: (kind: string, body: Record<string, unknown>) => {
    const reqId = `setup-${kind}`;
    rt.send('mission-control', kind, { ...body, reqId }, { from: OPERATOR });
    return pump<OpReply>(rt, answers, reqId);
  } };
  const board = fromData((await link.ask('op/board', {})).value);
  const contracts = board instanceof Cons ? listToArray(board) : [];
  const uses = (c: unknown): boolean => c instanceof LispMap && listToArray((c.get(new Keyword('carts')) ?? null) as Cons | null).some((k) => k instanceof Keyword && k.name === cart);
  const index = Math.max(0, contracts.findIndex(uses));
  const chosen = contracts[index] as LispMap | undefined;
  const r = await link.ask('op/accept', { index });
  if (!r.ok) throw new Error(`could not accept a contract: ${r.error?.message ?? 'refused'}`);
  session.rebind(r.bindings);
  const label = (k: string): string => String(chosen?.get(new Keyword(k)) ?? '?');
  return `${label('id')} ${label('target')} (threat ${label('threat')})`;
}
