import * as v from 'valibot';
import { createEnv } from '../../src/lisp/builtins.js';
import type { Env } from '../../src/lisp/env.js';
import { LispError, ReadError, asLispError } from '../../src/lisp/errors.js';
import { evaluate, evaluateSource } from '../../src/lisp/evaluator.js';
import { read } from '../../src/lisp/reader.js';
import { Keyword, LispMap, Sym, type Value } from '../../src/lisp/values.js';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../src/runtime/inbox.js';
import type { Move, Prompt } from '../cartridges/game.js';
import type { CapabilityResultBody } from '../cartridge/messages.js';
import type { OpReply } from '../mission-control/messages.js';
import { ScriptDriver } from './driver.js';
import { type OperatorLink, OperatorSession, toLisp } from './session.js';

const MISSION_CONTROL = 'mission-control';
const LOG = '$log';
const OUTSIDE = '$deck';
const MAX_MISSIONS = 1_000_000;

export const RunnerInbox = defineInbox({
  'deck/ready': v.object({ restoredMission: v.boolean() }),
  'runner/operate': v.object({ n: v.number() }),
  'op/reply': v.object({ reqId: v.string(), ok: v.boolean(), value: v.nullable(v.string()), error: v.nullable(v.object({ code: v.string(), message: v.string() })) }),
  'cart/prompt': v.object({ callId: v.string(), cart: v.string(), prompt: v.looseObject({ turn: v.number(), suggested: v.object({ verb: v.string(), target: v.optional(v.string()) }) }), error: v.nullable(v.string()) }),
  'cart/telemetry': v.looseObject({ event: v.string(), trace: v.number(), callId: v.string() }),
  'capability/result': v.object({ callId: v.string(), cart: v.string(), result: v.looseObject({ outcome: v.string() }) }),
  'mission/changed': v.object({ bindings: v.string() }),
  /** Fault injection (soak --faults): the script's next deck call fails as if the script had a bug there. */
  'runner/fault': v.object({ message: v.pipe(v.string(), v.maxLength(200)) }),
});
export type RunnerMessage = MessageOf<typeof RunnerInbox>;

const RunnerArgs = v.object({
  /** The operator script (Lisp): it defines `(operate)`, called once per mission. */
  script: v.pipe(v.string(), v.maxLength(256 * 1024)),
  scriptName: v.string(),
  missions: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_MISSIONS)),
  /** Deck time the operator idles between missions, in ticks (seeded within this range). */
  idle: v.optional(v.tuple([v.number(), v.number()]), [300, 3_000]),
});

interface RunnerState {
  readonly env: Env;
  readonly session: OperatorSession;
  readonly driver: ScriptDriver;
  readonly missions: number;
  readonly idle: readonly [number, number];
  readonly scriptName: string;
  readonly script: string;
  loaded: boolean;
  serial: number;
  operated: number;
  errors: number;
  fault: string | null;
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
    holder.state = { env, session, driver, missions: args.missions, idle: args.idle, scriptName: args.scriptName, script: args.script, loaded: false, serial: 0, operated: 0, errors: 0, fault: null };
    return holder.state;
  },
  async receive(state, msg, ctx): Promise<RunnerState> {
    switch (msg.kind) {
      case 'deck/ready':
        if (!state.loaded) await state.driver.start(() => loadAndBegin(state, msg.body.restoredMission, ctx));
        return state;
      case 'runner/operate':
        await state.driver.start(() => operate(state, msg.body.n, ctx));
        return state;
      case 'op/reply':
        await answer(state, msg.body.reqId, msg.body);
        return state;
      case 'capability/result':
        await answer(state, msg.body.callId, msg.body);
        return state;
      case 'mission/changed':
        state.session.rebind(msg.body.bindings);
        return state;
      case 'runner/fault':
        state.fault = msg.body.message;
        return state;
      case 'cart/prompt':
        await respond(state, msg.body as unknown as { callId: string; cart: string; prompt: Prompt; error: string | null }, msg.from, ctx);
        return state;
      case 'cart/telemetry':
        await reactively(state, ctx, () => state.session.dispatchTelemetry(msg.body, (fn, args) => callLisp(state.env, fn, args)));
        return state;
    }
  },
  view: (s) => ({ operated: s.operated, missions: s.missions, errors: s.errors, running: s.driver.running }),
});

function makeLink(ctx: ActorContext, driver: ScriptDriver, state: () => RunnerState): OperatorLink {
  const next = (): string => `r${state().serial++}`;
  const injected = (): void => {
    const s = state();
    if (s.fault === null) return;
    const message = s.fault;
    s.fault = null;
    throw new LispError('user', message);
  };
  return {
    request(kind, body) {
      injected();
      const reqId = next();
      ctx.send(MISSION_CONTROL, kind, { ...body, reqId });
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
  };
}

/** An answer for the script: resume it (and wait until it parks again); a reply nobody waits for updates bindings. */
async function answer(state: RunnerState, id: string, body: unknown): Promise<void> {
  const resumed = state.driver.resume(id, body);
  if (resumed) return resumed;
  // A verb a reactive handler sent without waiting: its reply still carries fresh bindings.
  const r = body as Partial<OpReply>;
  if (r.ok && typeof r.value === 'string' && r.value.startsWith('(:')) state.session.takeVerbReply(r.value);
}

/** Load the script; a deck that booted mid-mission hands the script that mission (its `operate` finds `current-mission` bound). */
async function loadAndBegin(state: RunnerState, restoredMission: boolean, ctx: ActorContext): Promise<void> {
  try {
    await evaluateSource(state.script, state.env, { source: state.scriptName });
    state.loaded = true;
    if (restoredMission) await state.session.refresh();
  } catch (err) {
    state.errors++;
    ctx.send(LOG, 'runner/error', { mission: 0, error: describe(err) });
    ctx.send(OUTSIDE, 'campaign/done', { missions: 0, errors: state.errors, reason: 'the operator script did not load' });
    return;
  }
  ctx.send(ctx.self, 'runner/operate', { n: 1 });
}

/** One mission: `(operate)`; on a script error, report it, abandon what is running, and go on. */
async function operate(state: RunnerState, n: number, ctx: ActorContext): Promise<void> {
  if (n > state.missions) return;
  state.operated = n;
  try {
    await evaluate(read('(operate)'), state.env);
  } catch (err) {
    state.errors++;
    ctx.send(LOG, 'runner/error', { mission: n, error: describe(err) });
    if (state.session.current('current-mission') !== null) {
      await evaluate(read('(abandon-mission "the operator script failed")'), state.env).catch(() => null);
    }
  }
  if (n < state.missions) ctx.send(ctx.self, 'runner/operate', { n: n + 1 }, { after: ctx.rng.range(state.idle[0], state.idle[1]) });
  else ctx.send(OUTSIDE, 'campaign/done', { missions: n, errors: state.errors, reason: 'done' });
}

/** The cart asks for a move: the script's `choose-move` decides if it has one, else the cart's suggestion. */
async function respond(state: RunnerState, p: { callId: string; cart: string; prompt: Prompt; error: string | null }, cart: string, ctx: ActorContext): Promise<void> {
  let move: Move = p.prompt.suggested;
  const chooser = state.env.lookup('choose-move');
  if (chooser !== undefined && chooser !== null && !p.error) {
    await reactively(state, ctx, async () => {
      const chosen = toMove(await callLisp(state.env, chooser, [toLisp(p.prompt), new Keyword(p.cart)]));
      if (chosen) move = chosen;
    });
  }
  ctx.send(cart, 'cart/move', { callId: p.callId, move });
}

/** Run handler code that must not wait for the deck (a verb in it is sent without waiting); errors are reported, not fatal. */
async function reactively(state: RunnerState, ctx: ActorContext, fn: () => Promise<void>): Promise<void> {
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

async function callLisp(env: Env, fn: Value, args: readonly Value[]): Promise<Value> {
  const frame = env;
  frame.define('*fn*', fn);
  frame.define('*args*', args.length > 0 ? (args[0] as Value) : null);
  frame.define('*args2*', args.length > 1 ? (args[1] as Value) : null);
  const form = args.length === 0 ? '(*fn*)' : args.length === 1 ? '(*fn* *args*)' : '(*fn* *args* *args2*)';
  return evaluate(read(form), env);
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
