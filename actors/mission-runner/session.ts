import { defineNative } from '../../src/lisp/builtins.js';
import type { Env } from '../../src/lisp/env.js';
import { LispError } from '../../src/lisp/errors.js';
import { print } from '../../src/lisp/printer.js';
import { fromData } from '../../src/lisp/data.js';
import { Keyword, LispMap, type Value, isFunction, list } from '../../src/lisp/values.js';
import type { CapabilityResult } from '../cartridge/messages.js';
import type { MissionBindings, OpReply, OpRequestBody, OpRequestKind } from '../mission-control/messages.js';
import { VERB_NAMES, type VerbName } from '../../src/objectives/verbs.js';
import { renderHelp } from '../../src/mission-control/operator-verbs.js';
import { goalInfo, goalName, goalsOf } from './goals.js';

const kw = (n: string): Keyword => new Keyword(n);

/**
 * How an operator reaches the deck: Mission Control requests, capability
 * calls, a log, and seeded randomness. The Mission Runner actor implements
 * it with envelopes; a REPL attached to a live deck implements it from the
 * outside. `request` may answer at once with `null` in reactive mode (the
 * request went out; its reply updates the bindings when it comes).
 */
export interface OperatorLink {
  request<K extends OpRequestKind>(kind: K, body: OpRequestBody<K>): Promise<OpReply> | null;
  call(cart: string, seed: number | undefined): Promise<{ result: CapabilityResult } | OpReply>;
  log(text: string): void;
  random(): number;
  /** Let `ticks` ticks of deck time pass; resolves with the tick after them (null in reactive mode: a handler cannot wait). */
  wait(ticks: number): Promise<number> | null;
}

/** The longest `(wait-ticks N)`: a day of deck time at 30 ticks a second. */
export const MAX_WAIT_TICKS = 2_592_000;

/** Bounds on what a script may register. */
const MAX_HANDLERS = 32;

/**
 * The Mission Runner's Lisp library (seed 004 §5.2): the board, acceptance,
 * `current-mission` / `mission-params` / `phase-chain`, the goal verbs,
 * `load-capability`, `complete-mission`, `abandon-mission`, reactive handlers
 * (OQ-4), and a few deck controls, bound into one env over one link.
 */
export class OperatorSession {
  readonly handlers: Array<{ event: string | null; fn: Value }> = [];
  reactive = false;

  constructor(
    readonly env: Env,
    private readonly link: OperatorLink,
  ) {
    this.clearBindings();
    this.bindDeck();
    this.bindMission();
    this.bindReactive();
  }

  /** Take Mission Control's bindings (Lisp data); null: no mission runs. */
  rebind(bindings: MissionBindings | null): void {
    if (bindings === null) return this.clearBindings();
    this.env.define('current-mission', fromData(bindings.mission));
    this.env.define('mission-params', fromData(bindings.params));
    this.env.define('phase-chain', fromData(bindings.chain));
  }

  /** Whether a mission is bound (accepted, restored or picked up, and not resolved since). */
  hasMission(): boolean {
    return this.current('current-mission') !== null;
  }

  /** Ask Mission Control for the current bindings (a mission restored from flash, a phase advanced). */
  async refresh(): Promise<void> {
    const r = await this.ask('op/bindings', {});
    this.rebind(r.bindings);
  }

  /** A binding's value (nil when unbound). */
  current(name: string): Value {
    return this.env.lookup(name) ?? null;
  }

  private clearBindings(): void {
    this.env.define('current-mission', null);
    this.env.define('mission-params', null);
    this.env.define('phase-chain', null);
  }

  private async ask<K extends OpRequestKind>(kind: K, body: OpRequestBody<K>): Promise<OpReply> {
    const pending = this.link.request(kind, body);
    if (pending === null) throw new LispError('user', `${kind} needs an answer, and a reactive handler cannot wait for one`);
    return pending;
  }

  private bindDeck(): void {
    const env = this.env;
    defineNative(env, 'board', async () => valueOf(await this.ask('op/board', {})), 0, 0);
    defineNative(
      env,
      'status',
      async ([flag]) => {
        if (flag !== undefined && !(flag instanceof Keyword && flag.name === 'all')) throw new LispError('type', 'status: the one option is :all (every currency)');
        return valueOf(await this.ask('op/status', flag === undefined ? {} : { all: true }));
      },
      0,
      1,
    );
    defineNative(env, 'settlement', async () => valueOf(await this.ask('op/settlement', {})), 0, 0);
    defineNative(
      env,
      'accept',
      async ([index]) => {
        const r = await this.ask('op/accept', { index: asIndex(index) });
        if (!r.ok) return refusal(r);
        this.rebind(r.bindings);
        return this.current('mission-params');
      },
      1,
      1,
    );
    // The board's keys (seed 004 §4.2) and the briefing as a value.
    for (const key of ['cdr', 'car', 'nil'] as const) defineNative(env, `${key}-board`, async () => valueOf(await this.ask('op/key', { key })), 0, 0);
    defineNative(
      env,
      'eval-board',
      async () => {
        const r = await this.ask('op/key', { key: 'eval' });
        if (!r.ok || r.bindings === null) return valueOf(r);
        this.rebind(r.bindings);
        return this.current('mission-params');
      },
      0,
      0,
    );
    defineNative(env, 'brief', async ([index]) => valueOf(await this.ask('op/brief', { index: asIndex(index) })), 1, 1);
    defineNative(env, 'insert-cart', async ([cart]) => valueOf(await this.ask('op/insert-cart', { cart: nameOf(cart ?? null, 'insert-cart') })), 1, 1);
    defineNative(env, 'check-in', async () => valueOf(await this.ask('op/check-in', {})), 0, 0);
    defineNative(
      env,
      'power-off',
      async ([hours]) => {
        const r = await this.ask('op/power-off', { ms: Math.round(asNumber(hours, 'power-off') * 3600_000) });
        // The deck came back with a mission running (its last commits were lost): bind it, so the script sees it.
        if (r.ok && r.value === ':mission-restored') await this.refresh();
        return valueOf(r);
      },
      1,
      1,
    );
    defineNative(env, 'var', async ([name]) => valueOf(await this.ask('op/var', { name: nameOf(name ?? null, 'var') })), 1, 1);
    defineNative(
      env,
      'wait-ticks',
      async ([n]) => {
        const ticks = asIndex(n);
        if (ticks < 0 || ticks > MAX_WAIT_TICKS) throw new LispError('type', `wait-ticks: expected 0..${MAX_WAIT_TICKS} ticks, got ${ticks}`);
        const waited = this.link.wait(ticks);
        if (waited === null) throw new LispError('user', 'wait-ticks: a reactive handler cannot wait');
        return waited;
      },
      1,
      1,
    );
    defineNative(
      env,
      'help',
      ([verb], ctx) => {
        const text = renderHelp(verb === undefined ? undefined : nameOf(verb, 'help'));
        if (text === null) throw new LispError('user', `help: no operator verb ${nameOf(verb ?? null, 'help')} (try (help) for the list)`);
        ctx.print(`${text}\n`);
        return null;
      },
      0,
      1,
    );
    defineNative(env, 'keyword', ([x]) => kw(nameOf(x ?? null, 'keyword')), 1, 1);
    defineNative(env, 'random', ([n]) => (n === undefined ? this.link.random() : Math.floor(this.link.random() * asIndex(n))), 0, 1);
    defineNative(env, 'log', (parts) => {
      // Strings as they are (a message), anything else in its printed form (a list reads as a list, not [object Object]).
      this.link.log(parts.map((p) => (typeof p === 'string' ? p : print(p))).join(' '));
      return null;
    });
  }

  private bindMission(): void {
    const env = this.env;
    for (const verb of VERB_NAMES) {
      defineNative(env, verb, async ([goal]) => this.verb(verb, goal ?? null), 1, 1);
    }
    defineNative(env, 'goal-info', ([goal]) => goalInfo(this.current('current-mission'), nameOf(goal ?? null, 'goal-info')), 1, 1);
    defineNative(env, 'goals', () => goalsOf(this.current('current-mission')), 0, 0);
    defineNative(
      env,
      'load-capability',
      async (args) => {
        const [cart, ...rest] = args;
        const seed = keywordArg(rest, 'seed');
        const out = await this.link.call(nameOf(cart ?? null, 'load-capability'), seed === null ? undefined : asIndex(seed));
        return 'result' in out ? resultToLisp(out.result) : refusal(out);
      },
      1,
    );
    defineNative(env, 'advance-phase', async () => {
      await this.refresh();
      const params = this.current('mission-params');
      return params instanceof LispMap ? (params.get(kw('phase')) ?? null) : null;
    });
    defineNative(env, 'complete-mission', async () => this.resolve('op/complete', {}), 0, 1);
    defineNative(env, 'abandon-mission', async ([reason]) => this.resolve('op/abandon', { reason: typeof reason === 'string' ? reason : 'abandoned by the operator' }), 0, 1);
  }

  private bindReactive(): void {
    const register = (event: string | null, fn: Value): Value => {
      if (!isFunction(fn)) throw new LispError('type', 'a handler must be a function');
      if (this.handlers.length >= MAX_HANDLERS) throw new LispError('limit', `more than ${MAX_HANDLERS} handlers`);
      this.handlers.push({ event, fn });
      return true;
    };
    defineNative(this.env, 'on-telemetry', ([fn]) => register(null, fn ?? null), 1, 1);
    defineNative(this.env, 'on', ([event, fn]) => register(nameOf(event ?? null, 'on'), fn ?? null), 2, 2);
  }

  private async verb(verb: VerbName, goal: Value): Promise<Value> {
    const pending = this.link.request('op/verb', { verb, goal: nameOf(goal, verb) });
    if (pending === null) return kw('pending');
    const r = await pending;
    return r.ok ? this.takeVerbReply(r) : refusal(r);
  }

  /** A verb's reply is the goal's state (a keyword) with fresh bindings: rebind, and give the state. */
  takeVerbReply(r: OpReply): Value {
    if (r.bindings !== null) this.rebind(r.bindings);
    return fromData(r.value);
  }

  private async resolve<K extends 'op/complete' | 'op/abandon'>(kind: K, body: OpRequestBody<K>): Promise<Value> {
    const r = await this.ask(kind, body);
    if (!r.ok) return refusal(r);
    this.clearBindings();
    return valueOf(r);
  }

  /** Telemetry during a capability call goes to the handlers registered for its event (and the catch-alls). */
  async dispatchTelemetry(t: Readonly<Record<string, unknown>>, ctx: (fn: Value, args: Value[]) => Promise<Value>): Promise<void> {
    const matching = this.handlers.filter((h) => h.event === null || h.event === t.event);
    if (matching.length === 0) return;
    const map = LispMap.fromPairs(Object.entries(t).map(([k, v]) => [kw(k), toLisp(v)]));
    for (const h of matching) await ctx(h.fn, [map]);
  }
}

/** A reply's value, or its refusal as a value. */
function valueOf(r: OpReply): Value {
  return r.ok ? fromData(r.value) : refusal(r);
}

/** A refused request as a value a script can branch on: `{:error :code :message "…"}`. */
function refusal(r: OpReply): Value {
  return LispMap.fromPairs([
    [kw('error'), kw(r.error?.code ?? 'refused')],
    [kw('message'), r.error?.message ?? 'refused'],
  ]);
}

export function resultToLisp(r: CapabilityResult): Value {
  return LispMap.fromPairs([
    [kw('outcome'), kw(r.outcome)],
    [kw('trace'), r.trace],
    [kw('extracted'), list(...r.extracted.map((e) => kw(e)))],
    [kw('turns'), r.turns],
    [kw('bonuses'), list(...r.bonuses.map((b) => kw(b)))],
    [kw('missing'), list(...r.missing.map((m) => m))],
  ]);
}

export function toLisp(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return list(...v.map(toLisp));
  if (typeof v === 'object') return LispMap.fromPairs(Object.entries(v as Record<string, unknown>).map(([k, x]) => [kw(k), toLisp(x)]));
  return String(v);
}

function nameOf(v: Value, who: string): string {
  const n = goalName(v);
  if (n === null) throw new LispError('type', `${who}: expected a name (a symbol, keyword, string or goal), got ${v === null ? 'nil' : typeof v}`);
  return n;
}

function asIndex(v: Value | undefined): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new LispError('type', `expected an integer, got ${v === undefined ? 'nothing' : String(v)}`);
  return v;
}

function asNumber(v: Value | undefined, who: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new LispError('type', `${who}: expected a non-negative number`);
  return v;
}

/** `:seed 42` in a call's trailing arguments. */
function keywordArg(args: readonly Value[], name: string): Value | null {
  for (let i = 0; i + 1 < args.length; i += 2) if (args[i] instanceof Keyword && (args[i] as Keyword).name === name) return args[i + 1] ?? null;
  return null;
}

