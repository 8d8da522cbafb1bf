import type { Observable, Subscription } from 'rxjs';
import type { ActorCell } from '../cell.js';
import type { HostInbound, HostOutbound, StepResult } from '../protocol.js';
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
  realtimeTick: () => number,
): Subscription {
  const queue: unknown[] = [];
  let busy = false;
  const drain = (): void => {
    while (queue.length > 0) {
      const out = dispatch(cell, queue.shift(), realtimeTick);
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
    if (queue.length >= MAX_QUEUED) throw new Error(`${cell.id}: more than ${MAX_QUEUED} host messages queued behind an async handler`);
    queue.push(m);
    if (!busy) drain();
  });
}

function dispatch(cell: ActorCell, m: unknown, realtimeTick: () => number): HostOutbound | Promise<HostOutbound> {
  if (Array.isArray(m)) {
    const r = cell.handle(fromWire(m), realtimeTick());
    return r instanceof Promise ? r.then(effects) : effects(r);
  }
  const msg = (typeof m === 'object' && m !== null ? m : { t: undefined }) as HostInbound | { t: undefined };
  switch (msg.t) {
    case 'start':
      return stepped(cell.start(msg.tick));
    case 'step':
      return stepped(cell.step(msg.tick, msg.batch, msg.crash ?? null));
    case 'deliver': {
      const r = cell.handle(msg.envelope, realtimeTick());
      return r instanceof Promise ? r.then(effects) : effects(r);
    }
    default: {
      const seen = typeof m === 'object' && m !== null ? `an object with keys [${Object.keys(m).join(', ')}]` : typeof m;
      return { t: 'rejected', kind: '?', field: 't', error: `host message to ${cell.id} is not start/step/deliver: got ${seen}` };
    }
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
