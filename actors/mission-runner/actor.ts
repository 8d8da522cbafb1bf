import * as v from 'valibot';
import { createEnv } from '../../src/lisp/builtins.js';
import type { Env } from '../../src/lisp/env.js';
import { LispError, ReadError, asLispError } from '../../src/lisp/errors.js';
import { applyFunction, compile, evaluateSource } from '../../src/lisp/evaluator.js';
import { read } from '../../src/lisp/reader.js';
import { Keyword, LispMap, Sym, type Value } from '../../src/lisp/values.js';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import type { BodyOf } from '../../src/runtime/inbox.js';
import { peer } from '../../src/runtime/peer.js';
import { CartridgeInbox, type CapabilityResultBody, type CartPrompt, type Move } from '../cartridge/messages.js';
import { McInbox, type OpReply } from '../mission-control/messages.js';
import { RunnerInbox, RunnerLog, RunnerOutside } from './inbox.js';
import { ScriptDriver } from './driver.js';
import { type OperatorLink, OperatorSession, toLisp } from './session.js';

const MISSION_CONTROL = peer(McInbox, 'mission-control');
const LOG = peer(RunnerLog, '$log');
const OUTSIDE = peer(RunnerOutside, '$deck');
const MAX_MISSIONS = 1_000_000;
/** What the runner itself evaluates, every mission: read and analysed once, here. */
const OPERATE = compile(read('(operate)'));
const ABANDON = compile(read('(abandon-mission "the operator script failed")'));
const RESOLVED_RUNS = compile(read('(get (status) :runs)'));

type RunnerContext = ActorContext<typeof RunnerInbox>;

const RunnerArgs = v.object({
  /** The operator script (Lisp): it defines `(operate)`, called once per mission. */
  script: v.pipe(v.string(), v.maxLength(256 * 1024)),
  scriptName: v.string(),
  missions: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_MISSIONS)),
  /** Deck time the operator idles between missions, in ticks (seeded within this range). */
  idle: v.optional(v.tuple([v.number(), v.number()]), [300, 3_000]),
  /** Runs the deck had resolved before this campaign: its missions are the runs after them. */
  baseRuns: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
});

/** An `(operate)` that settles no mission is tried again this many times; then the campaign stops, saying why. */
export const MAX_IDLE_OPERATES = 3;

/** What a wait sees when the deck restarts under it: the script unwinds and its mission is picked up again. */
export class DeckRestarted extends LispError {
  constructor(session: number) {
    super('host', `the deck restarted (session ${session}): its answer is gone; the mission is picked up again`);
  }
}

interface RunnerState {
  readonly env: Env;
  readonly session: OperatorSession;
  readonly driver: ScriptDriver;
  readonly missions: number;
  readonly idle: readonly [number, number];
  readonly scriptName: string;
  readonly script: string;
  readonly baseRuns: number;
  loaded: boolean;
  serial: number;
  /** The mission being played (1-based), counted from the deck's resolved runs. */
  operated: number;
  errors: number;
  /** An injected script fault: it strikes at the `atCall`-th deck call. */
  fault: { message: string; atCall: number } | null;
  /** The deck boot this runner last saw, and the runs it had resolved then or since. */
  deckSession: number;
  runs: number;
  /** Bumped on every deck restart: an `(operate)` chain of an older epoch stops. */
  epoch: number;
  /** Operates in a row that settled nothing. */
  idleOperates: number;
  /** The runner is asking the deck for itself (not the script): injected script faults do not strike. */
  bookkeeping: boolean;
}

/**
 * The Mission Runner (seed 004 §5.2): the operator's Lisp environment. It
 * loads a script (the shipped autopilot unless told otherwise), then calls
 * its `(operate)` once per mission; every deck call in it is an envelope
 * and a wait. It answers the cart's prompts (the script's `choose-move` if
 * it has one, else the cart's suggestion) and runs the script's reactive
 * handlers on telemetry. A script error is reported with its line:col, the
 * mission is abandoned, and the campaign goes on.
 */
export default defineActor({
  name: 'mission-runner',
  inbox: RunnerInbox,
  args: RunnerArgs,
  init(args, ctx): RunnerState {
    const driver = new ScriptDriver();
    const holder: { state: RunnerState | null } = { state: null };
    const env = createEnv({ output: (text) => ctx.send(LOG, 'runner/log', { text, mission: holder.state?.operated ?? 0 }) });
    const link = makeLink(ctx, driver, () => holder.state as RunnerState);
    const session = new OperatorSession(env, link);
    holder.state = {
      env, session, driver, missions: args.missions, idle: args.idle, scriptName: args.scriptName, script: args.script, baseRuns: args.baseRuns,
      loaded: false, serial: 0, operated: 0, errors: 0, fault: null, deckSession: -1, runs: args.baseRuns, epoch: 0, idleOperates: 0, bookkeeping: false,
    };
    // A restarted runner lost its script and its place: ask Mission Control where the deck stands.
    if (ctx.incarnation > 0) ctx.send(MISSION_CONTROL, 'op/attach', { reqId: `attach-${ctx.incarnation}` });
    return holder.state;
  },
  async receive(state, msg, ctx): Promise<RunnerState> {
    switch (msg.kind) {
      case 'deck/ready':
        await deckReady(state, msg.body, ctx);
        return state;
      case 'runner/operate':
        if (msg.body.epoch !== state.epoch || state.driver.running) return state;
        // A fault of the runner's own (not the script's) stops the campaign saying so, rather than leaving it waiting.
        await state.driver.start(() => operate(state, ctx).catch((err: unknown) => finish(state, ctx, `stopped: the runner failed: ${describe(err)}`)));
        return state;
      case 'op/reply':
        await answer(state, msg.body.reqId, msg.body);
        return state;
      case 'capability/result':
        await answer(state, msg.body.callId, msg.body);
        return state;
      case 'mission/changed':
        // Late news of a run since resolved (delayed in flight) must not bring the finished mission back.
        if (msg.body.runs < state.runs || !state.session.hasMission()) return state;
        state.session.rebind(msg.body.bindings);
        return state;
      case 'runner/wake':
        await answer(state, msg.body.id, ctx.tick);
        return state;
      case 'runner/fault':
        state.fault = { message: msg.body.message, atCall: msg.body.atCall };
        return state;
      case 'cart/prompt':
        await respond(state, msg.body, msg.from, ctx);
        return state;
      case 'cart/telemetry':
        await reactively(state, ctx, () => state.session.dispatchTelemetry(msg.body, (fn, args) => callLisp(state.env, fn, args)));
        return state;
    }
  },
  view: (s) => ({ operated: s.operated, missions: s.missions, played: s.runs - s.baseRuns, errors: s.errors, running: s.driver.running, session: s.deckSession }),
});

function makeLink(ctx: RunnerContext, driver: ScriptDriver, state: () => RunnerState): OperatorLink {
  // The incarnation keeps a restarted runner's ids apart from answers still on their way to the old one.
  const next = (): string => `r${ctx.incarnation}.${state().serial++}`;
  const injected = (): void => {
    const s = state();
    // The runner's own questions (how many runs the deck resolved) are not the script's: a script fault spares them.
    if (s.fault === null || s.bookkeeping || --s.fault.atCall > 0) return;
    const message = s.fault.message;
    s.fault = null;
    throw new LispError('user', message);
  };
  return {
    request(kind, body) {
      injected();
      const reqId = next();
      // The spread of a generic body is beyond the checker; `request`'s own signature is what is checked.
      ctx.send(MISSION_CONTROL, kind, { ...body, reqId } as BodyOf<typeof McInbox, typeof kind>);
      return state().session.reactive ? null : driver.wait<OpReply>(reqId);
    },
    call(cart, seed) {
      injected();
      const reqId = next();
      ctx.send(MISSION_CONTROL, 'op/capability', { reqId, cart, ...(seed === undefined ? {} : { seed }) });
      return driver.wait<CapabilityResultBody | OpReply>(reqId);
    },
    log: (text) => ctx.send(LOG, 'runner/log', { text, mission: state().operated }),
    random: () => ctx.rng.next(),
    wait(ticks) {
      if (state().session.reactive) return null;
      const id = next();
      ctx.send(ctx.self, 'runner/wake', { id }, { after: Math.max(1, ticks) });
      return driver.wait<number>(id);
    },
  };
}

/** An answer for the script: resume it (and wait until it parks again); a reply nobody waits for updates bindings. */
async function answer(state: RunnerState, id: string, body: unknown): Promise<void> {
  const resumed = state.driver.resume(id, body);
  if (resumed) return resumed;
  // A verb a reactive handler sent without waiting: its reply (a state keyword, with bindings) still carries fresh bindings.
  const r = body as Partial<OpReply>;
  if (r.ok === true && r.bindings != null && typeof r.value === 'string' && r.value.startsWith(':')) state.session.takeVerbReply(r as OpReply);
}

/**
 * The deck is up. A first sight of it (or of it after this runner restarted) loads the script and begins;
 * a new boot under a running script (Mission Control restarted, or the deck rebooted) makes every wait
 * unwind with DeckRestarted, and the mission is picked up again; a repeat of the same boot is ignored.
 */
async function deckReady(state: RunnerState, ready: { restoredMission: boolean; session: number; runs: number }, ctx: RunnerContext): Promise<void> {
  if (ready.session === state.deckSession) return;
  state.deckSession = ready.session;
  state.runs = ready.runs;
  state.epoch++;
  if (!state.loaded) {
    await state.driver.start(() => load(state, ctx));
    return;
  }
  await state.driver.abandonAll(new DeckRestarted(ready.session));
  ctx.send(ctx.self, 'runner/operate', { epoch: state.epoch });
}

async function load(state: RunnerState, ctx: RunnerContext): Promise<void> {
  try {
    await evaluateSource(state.script, state.env, { source: state.scriptName });
    state.loaded = true;
  } catch (err) {
    if (err instanceof DeckRestarted) return;
    state.errors++;
    ctx.send(LOG, 'runner/error', { mission: 0, error: describe(err) });
    ctx.send(OUTSIDE, 'campaign/done', { missions: 0, errors: state.errors, reason: 'stopped: the operator script did not load' });
    return;
  }
  ctx.send(ctx.self, 'runner/operate', { epoch: state.epoch });
}

/**
 * One mission: `(operate)`; on a script error, report it, abandon what is running, and go on. Missions
 * are counted by the runs the deck resolved (so a mission lost with a reboot is played again); an
 * operate that resolves none is tried again a few times, then the campaign stops, saying why.
 */
async function operate(state: RunnerState, ctx: RunnerContext): Promise<void> {
  const epoch = state.epoch;
  // Asked afresh: a resolve still in Mission Control's mail when it restarted lands after its deck/ready.
  const now = await resolvedRuns(state);
  if (now === null || epoch !== state.epoch) return;
  state.runs = Math.max(state.runs, now);
  const before = state.runs;
  if (before - state.baseRuns >= state.missions) return finish(state, ctx, 'done');
  state.operated = before - state.baseRuns + 1;
  try {
    // Every mission starts from the deck's own bindings: a boot, a power cycle that came back with a
    // mission (bit rot took the newest commit), or a fault that struck mid-refresh can leave ours stale.
    await ownQuestion(state, () => state.session.refresh());
    await OPERATE(state.env);
  } catch (err) {
    if (err instanceof DeckRestarted) return;
    state.errors++;
    ctx.send(LOG, 'runner/error', { mission: state.operated, error: describe(err) });
    if (state.session.current('current-mission') !== null) {
      const abandoned = await Promise.resolve()
        .then(() => ABANDON(state.env))
        .catch((e: unknown) => e);
      if (abandoned instanceof DeckRestarted) return;
    }
  }
  // An injected fault not spent yet strikes in the next mission (it counts deck calls, not missions).
  const runs = await resolvedRuns(state);
  if (runs === null || epoch !== state.epoch) return;
  state.runs = Math.max(state.runs, runs);
  state.idleOperates = state.runs > before ? 0 : state.idleOperates + 1;
  if (state.runs - state.baseRuns >= state.missions) return finish(state, ctx, 'done');
  if (state.idleOperates >= MAX_IDLE_OPERATES) {
    return finish(state, ctx, `stopped: the operator played no mission in ${MAX_IDLE_OPERATES} tries in a row (mission ${state.operated} of ${state.missions})`);
  }
  ctx.send(ctx.self, 'runner/operate', { epoch }, { after: ctx.rng.range(state.idle[0], state.idle[1]) });
}

/** The deck's resolved-run count, asked of Mission Control; null when the deck restarted meanwhile. */
async function resolvedRuns(state: RunnerState): Promise<number | null> {
  try {
    const runs = await ownQuestion(state, async () => RESOLVED_RUNS(state.env));
    return typeof runs === 'number' ? runs : null;
  } catch (err) {
    if (err instanceof DeckRestarted) return null;
    throw err;
  }
}

/** A question the runner asks the deck for itself, not for the script: injected script faults spare it. */
async function ownQuestion<T>(state: RunnerState, ask: () => Promise<T>): Promise<T> {
  state.bookkeeping = true;
  try {
    return await ask();
  } finally {
    state.bookkeeping = false;
  }
}

function finish(state: RunnerState, ctx: RunnerContext, reason: string): void {
  ctx.send(OUTSIDE, 'campaign/done', { missions: state.runs - state.baseRuns, errors: state.errors, reason });
}

/** The cart asks for a move: the script's `choose-move` decides if it has one, else the cart's suggestion. */
async function respond(state: RunnerState, p: CartPrompt, cart: string, ctx: RunnerContext): Promise<void> {
  let move: Move = p.prompt.suggested;
  const chooser = state.env.lookup('choose-move');
  if (chooser !== undefined && chooser !== null && !p.error) {
    await reactively(state, ctx, async () => {
      const chosen = toMove(await callLisp(state.env, chooser, [toLisp(p.prompt), new Keyword(p.cart)]));
      if (chosen) move = chosen;
    });
  }
  ctx.send(peer(CartridgeInbox, cart), 'cart/move', { callId: p.callId, move });
}

/** Run handler code that must not wait for the deck (a verb in it is sent without waiting); errors are reported, not fatal. */
async function reactively(state: RunnerState, ctx: RunnerContext, fn: () => Promise<void>): Promise<void> {
  state.session.reactive = true;
  try {
    await fn();
  } catch (err) {
    state.errors++;
    ctx.send(LOG, 'runner/error', { mission: state.operated, error: describe(err) });
  } finally {
    state.session.reactive = false;
  }
}

/** Call a script's function (a handler, `choose-move`) with values: no call is written out and read back. */
async function callLisp(env: Env, fn: Value, args: readonly Value[]): Promise<Value> {
  return applyFunction(fn, args, env);
}

function toMove(v: Value): Move | null {
  if (v instanceof LispMap) {
    const verb = v.get(new Keyword('verb'));
    const target = v.get(new Keyword('target'));
    const name = verb instanceof Sym || verb instanceof Keyword ? verb.name : typeof verb === 'string' ? verb : null;
    if (name === null) return null;
    const t = target instanceof Sym || target instanceof Keyword ? target.name : typeof target === 'string' ? target : undefined;
    return t === undefined ? { verb: name } : { verb: name, target: t };
  }
  if (v instanceof Sym || v instanceof Keyword) return { verb: v.name };
  return null;
}

function describe(err: unknown): string {
  return (err instanceof LispError || err instanceof ReadError ? err : asLispError(err, 'script')).message;
}
