import type { AnyActorDef } from '../actor.js';
import { ActorCell } from '../cell.js';
import { defaultClock } from '../clock.js';
import type { Envelope } from '../envelope.js';
import type { ActorIdentity, ClockMode } from '../protocol.js';
import { noWallStamps } from '../wall.js';

/** What one standby plays at most (TIGER_STYLE): a rehearsal is warm-up, not work. */
const MAX_REHEARSALS = 16;
const MAX_REHEARSED_MESSAGES = 32;
const REHEARSAL_SENDER = '$rehearsal';

/**
 * A throwaway identity for `def` in this standby worker. Its seed and ids never reach a trace:
 * nothing a rehearsal does leaves the thread.
 */
export function rehearsalIdentity(def: AnyActorDef, moduleUrl: string, mode: ClockMode, args: unknown = undefined): ActorIdentity {
  return {
    id: `rehearsal/${def.name}`, actor: def.name, moduleUrl, parent: REHEARSAL_SENDER, runSeed: 0, incarnation: 0, seqStart: 0,
    clock: defaultClock, mode, traceDetail: 'full', speed: 1, wallStamps: false, runStartNs: '0', firstRequest: 1, args,
  };
}

/**
 * Play the actor's declared rehearsals through throwaway cells and discard what they did. A
 * rehearsal that throws (or a handler that goes async) is only warm-up lost, never an error: the
 * real boot that follows reports real problems.
 */
export function playRehearsals(def: AnyActorDef, moduleUrl: string): void {
  const rehearsals = (def.rehearsals ?? []).slice(0, MAX_REHEARSALS);
  for (const r of rehearsals) {
    const cell = new ActorCell(def, rehearsalIdentity(def, moduleUrl, 'lockstep', r.args), noWallStamps, null);
    try {
      cell.start(0);
      for (const [seq, m] of r.messages.slice(0, MAX_REHEARSED_MESSAGES).entries()) {
        const e: Envelope = { kind: m.kind, from: REHEARSAL_SENDER, to: cell.id, tick: 1, seq, cause: null, body: m.body };
        const out = cell.handle(e, 1);
        if (out instanceof Promise) out.catch(() => undefined);
      }
    } catch {
      // Warm-up only; see above.
    } finally {
      cell.dispose();
    }
  }
}
