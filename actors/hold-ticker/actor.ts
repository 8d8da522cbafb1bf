import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../src/runtime/inbox.js';
import { type Predicate, type PredicateVars, compilePredicate } from '../../src/lisp/compile-predicate.js';

/** Bounds: a mission holds at most this many predicates, the variables record this many names. */
const MAX_PREDICATES = 128;
const MAX_VARIABLES = 64;

const PredicateSpec = v.object({ id: v.string(), source: v.pipe(v.string(), v.maxLength(2_000)) });

export const HoldTickerInbox = defineInbox({
  /**
   * A mission starts: compile its `:hold` predicates and `on` escalation
   * conditions once; from now on evaluate them every tick.
   */
  'holds/arm': v.object({
    mission: v.string(),
    replyTo: v.string(),
    holds: v.pipe(v.array(PredicateSpec), v.maxLength(MAX_PREDICATES)),
    escalations: v.pipe(v.array(PredicateSpec), v.maxLength(MAX_PREDICATES)),
    /** Every name a predicate may use, with its starting value. */
    variables: v.record(v.string(), v.number()),
  }),
  'holds/disarm': v.object({ mission: v.string() }),
  /** The latest telemetry sets the variables (trace and any other numbers the cart reports). */
  'cart/telemetry': v.looseObject({ trace: v.number() }),
  'tick': v.object({ tick: v.number(), at: v.number() }),
});
export type HoldTickerMessage = MessageOf<typeof HoldTickerInbox>;

interface Armed {
  readonly mission: string;
  readonly replyTo: string;
  readonly holds: Array<{ id: string; check: Predicate; broken: boolean }>;
  readonly escalations: Array<{ id: string; check: Predicate; fired: boolean }>;
  readonly vars: Record<string, number>;
  readonly startedAt: number;
}

interface HoldTickerState {
  armed: Armed | null;
  evaluations: number;
}

/**
 * Watches the running mission's holds so the cart never polls: every tick
 * it evaluates each compiled `:hold` predicate against the latest telemetry
 * and the mission timer (seconds of deck time since arming), reporting a
 * violation once per goal, and fires each `on` escalation the first time
 * its condition holds.
 */
export default defineActor({
  name: 'hold-ticker',
  inbox: HoldTickerInbox,
  init: (): HoldTickerState => ({ armed: null, evaluations: 0 }),
  receive(state, msg, ctx): HoldTickerState {
    switch (msg.kind) {
      case 'holds/arm':
        try {
          state.armed = arm(msg.body, ctx);
        } catch (err) {
          // A predicate that does not compile is the schema's fault: say so, keep ticking for nobody.
          state.armed = null;
          ctx.send(msg.body.replyTo, 'holds/rejected', { mission: msg.body.mission, error: (err as Error).message });
        }
        return state;
      case 'holds/disarm':
        if (state.armed?.mission === msg.body.mission) state.armed = null;
        return state;
      case 'cart/telemetry':
        if (state.armed) absorb(state.armed, msg.body);
        return state;
      case 'tick':
        if (state.armed) evaluate(state, state.armed, ctx);
        return state;
    }
  },
  view: (s) => ({ mission: s.armed?.mission ?? null, evaluations: s.evaluations, vars: s.armed?.vars ?? {} }),
});

function arm(body: Extract<HoldTickerMessage, { kind: 'holds/arm' }>['body'], ctx: ActorContext): Armed {
  const names = Object.keys(body.variables);
  if (!names.includes('timer')) names.push('timer');
  if (names.length > MAX_VARIABLES) throw new RangeError(`hold ticker: more than ${MAX_VARIABLES} variables`);
  return {
    mission: body.mission,
    replyTo: body.replyTo,
    holds: body.holds.map((h) => ({ id: h.id, check: compilePredicate(h.source, names), broken: false })),
    escalations: body.escalations.map((e) => ({ id: e.id, check: compilePredicate(e.source, names), fired: false })),
    vars: { timer: 0, ...body.variables },
    startedAt: ctx.now(),
  };
}

function absorb(armed: Armed, telemetry: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(telemetry)) {
    if (typeof value === 'number' && Object.hasOwn(armed.vars, name)) armed.vars[name] = value;
  }
}

function evaluate(state: HoldTickerState, armed: Armed, ctx: ActorContext): void {
  armed.vars.timer = Math.floor((ctx.now() - armed.startedAt) / 1000);
  const vars: PredicateVars = armed.vars;
  for (const h of armed.holds) {
    if (h.broken) continue;
    state.evaluations++;
    if (!h.check(vars)) {
      h.broken = true;
      ctx.send(armed.replyTo, 'hold/violated', { mission: armed.mission, goal: h.id, vars: { ...armed.vars } });
    }
  }
  for (const e of armed.escalations) {
    if (e.fired) continue;
    state.evaluations++;
    if (e.check(vars)) {
      e.fired = true;
      ctx.send(armed.replyTo, 'escalation/fired', { mission: armed.mission, escalation: e.id, vars: { ...armed.vars } });
    }
  }
}
