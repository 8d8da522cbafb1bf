import type { Observable, Subscription } from 'rxjs';
import type { ActorCell } from '../cell.js';
import { describe } from '../envelope.js';
import type { ClockMode, HostInbound, HostOutbound, StepResult } from '../protocol.js';
import type { RealtimeClock } from '../realtime-clock.js';
import { fromWire } from '../wire.js';

/** Bound on messages waiting behind an async handler; past it the host is failing, not slow. */
export const MAX_QUEUED = 100_000;

/**
 * The one pipeline every placement runs: host messages in (a MessagePort
 * wrapped as an Observable, or a Subject inline; a bare array is a realtime
 * envelope in wire form), handled strictly one at a
 * time, results out. A synchronous handler's result goes out synchronously,
 * with no per-message allocation beyond the result itself; only when a
 * handler returns a Promise do later messages queue behind it.
 */
export function serveCell(
  cell: ActorCell,
  inbound$: Observable<unknown>,
  post: (out: HostOutbound) => void,
  clock: RealtimeClock,
): Subscription {
  const queue: unknown[] = [];
  let busy = false;
  const host: HostState = { nextRequest: cell.identity.firstRequest, started: false, early: [], clock };
  const drain = (): void => {
    while (queue.length > 0) {
      const m = queue.shift();
      if (!host.started && isEnvelopeMessage(m)) {
        // Boot is ordered: mail that beats `start` here (a peer's port is wired before init runs) waits for it.
        if (host.early.length < MAX_QUEUED) host.early.push(m);
        continue;
      }
      const out = dispatchSafely(cell, m, host);
      if (host.started && host.early.length > 0) {
        queue.unshift(...host.early);
        host.early = [];
      }
      if (out === null) continue;
      if (out instanceof Promise) {
        busy = true;
        void out.then(post, (err: unknown) => post(internalError(cell, err))).finally(() => {
          busy = false;
          drain();
        });
        return;
      }
      post(out);
    }
  };
  return inbound$.subscribe((m) => {
    if (queue.length >= MAX_QUEUED) {
      // Past the bound the host is failing, not slow: say so and drop the message rather than throw into the stream.
      post(internalError(cell, new Error(`more than ${MAX_QUEUED} host messages queued behind an async handler; one dropped`)));
      return;
    }
    queue.push(m);
    if (!busy) drain();
  });
}

interface HostState {
  /** The `req` the coordinator's next start/step carries. */
  nextRequest: number;
  /** Whether init has run; realtime mail that arrives before it waits in `early`. */
  started: boolean;
  early: unknown[];
  readonly clock: RealtimeClock;
}

function isEnvelopeMessage(m: unknown): boolean {
  return Array.isArray(m) || (typeof m === 'object' && m !== null && (m as { t?: unknown }).t === 'deliver');
}

/**
 * Whatever arrives, nothing escapes: a message that is not one this clock mode takes is rejected
 * (lockstep: traced with the next step; realtime: reported at once), and a pipeline failure is reported.
 * Null when there is nothing to post now.
 */
function dispatchSafely(cell: ActorCell, m: unknown, host: HostState): HostOutbound | Promise<HostOutbound> | null {
  const problem = hostMessageProblem(m, cell.identity.mode, host.nextRequest);
  if (problem !== null) {
    const error = `host message to ${cell.id} ${problem}`;
    if (cell.identity.mode === 'realtime') return { t: 'rejected', kind: '?', field: 't', error };
    cell.rejectHostMessage(error);
    return null;
  }
  const msg = m as HostInbound | readonly unknown[];
  if (!isWireTuple(msg) && (msg.t === 'start' || msg.t === 'step')) host.nextRequest++;
  if (!isWireTuple(msg) && msg.t === 'start') host.started = true;
  try {
    return dispatch(cell, msg, host.clock);
  } catch (err) {
    return internalError(cell, err);
  }
}

function dispatch(cell: ActorCell, m: HostInbound | readonly unknown[], clock: RealtimeClock): HostOutbound | Promise<HostOutbound> | null {
  if (isWireTuple(m)) return handled(cell.handle(fromWire(m), Math.max(clock.now(), dueTick(m[3]))));
  switch (m.t) {
    case 'start':
      return stepped(cell.start(m.tick));
    case 'step':
      return stepped(cell.step(m.tick, m.batch, m.crash ?? null));
    case 'deliver':
      return handled(cell.handle(m.envelope, Math.max(clock.now(), dueTick(m.envelope.tick))));
    case 'clock':
      clock.adopt(m.base);
      return null;
  }
}

/** Realtime: an actor's tick is never before the tick its envelope was due, even if this host has not yet heard of a clock jump. */
function dueTick(t: unknown): number {
  return Number.isSafeInteger(t) ? (t as number) : 0;
}

function handled(r: StepResult | Promise<StepResult>): HostOutbound | Promise<HostOutbound> {
  return r instanceof Promise ? r.then(effects) : effects(r);
}

function isWireTuple(m: HostInbound | readonly unknown[]): m is readonly unknown[] {
  return Array.isArray(m);
}

/** Null when `m` is a host message this clock mode takes; else what is wrong with it, for the reject. */
export function hostMessageProblem(m: unknown, mode: ClockMode, nextRequest: number): string | null {
  const takes = mode === 'lockstep' ? 'start/step (lockstep)' : 'start, deliver or an envelope tuple (realtime)';
  if (Array.isArray(m)) return mode === 'realtime' ? null : `is an envelope tuple, but a lockstep host takes envelopes only in steps`;
  if (typeof m !== 'object' || m === null) return `is not ${takes}: got ${describe(m)}`;
  const msg = m as Record<string, unknown>;
  const tickOk = Number.isSafeInteger(msg.tick) && (msg.tick as number) >= 0;
  if ((msg.t === 'start' || msg.t === 'step') && msg.req !== nextRequest) return `'${msg.t}' is out of sequence: not the coordinator's request, so it is not run`;
  switch (msg.t) {
    case 'start':
      return tickOk ? null : `'start' needs a non-negative integer tick, got ${describe(msg.tick)}`;
    case 'step':
      if (mode !== 'lockstep') return `'step' is lockstep's, and this host runs realtime`;
      if (!tickOk) return `'step' needs a non-negative integer tick, got ${describe(msg.tick)}`;
      if (!Array.isArray(msg.batch)) return `'step' needs a batch array, got ${describe(msg.batch)}`;
      return msg.crash === undefined || msg.crash === null || typeof msg.crash === 'string' ? null : `'step' crash must be a string or null, got ${describe(msg.crash)}`;
    case 'deliver':
      return mode === 'realtime' ? ('envelope' in msg ? null : `'deliver' needs an envelope`) : `'deliver' is realtime's, and this host runs lockstep`;
    case 'clock': {
      if (mode !== 'realtime') return `'clock' is realtime's, and this host runs lockstep`;
      const base = (typeof msg.base === 'object' && msg.base !== null ? msg.base : {}) as Record<string, unknown>;
      return Number.isSafeInteger(base.tick) && Number.isFinite(base.wallNs) ? null : `'clock' needs a base { tick, wallNs }`;
    }
    default:
      return `is not ${takes}: got an object with keys [${Object.keys(msg).slice(0, 8).join(', ')}]`;
  }
}

function stepped(r: StepResult | Promise<StepResult>): HostOutbound | Promise<HostOutbound> {
  return r instanceof Promise ? r.then((result) => ({ t: 'stepped', result })) : { t: 'stepped', result: r };
}

function effects(result: StepResult): HostOutbound {
  return { t: 'effects', result };
}

function internalError(cell: ActorCell, err: unknown): HostOutbound {
  return { t: 'rejected', kind: '?', field: '(host)', error: `${cell.id}: host pipeline failed: ${err instanceof Error ? err.message : String(err)}` };
}
