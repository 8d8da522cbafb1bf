import type { CipherEvent } from '../../src/mission-control/events.js';
import { cipherMessage } from '../../src/mission-control/events.js';
import type { BodyOf } from '../../src/runtime/inbox.js';
import type { CipherInbox } from '../cipher/inbox.js';
import type { LispData } from '../../src/lisp/data.js';
import type { DeckEvent, MissionBindings } from './messages.js';
import { type McContext, PEERS, operator } from './state.js';

type CipherSay = BodyOf<typeof CipherInbox, 'cipher/event'>;

/** Answer an `op/*` request: its value, and the bindings when the request changed or asked for them. */
export function reply(ctx: McContext, to: string, reqId: string, value: LispData, bindings: MissionBindings | null = null): void {
  ctx.send(operator(to), 'op/reply', { reqId, ok: true, value, bindings, error: null });
}

/** Refuse an `op/*` request, saying why; nothing changed. */
export function refuse(ctx: McContext, to: string, reqId: string, code: string, message: string): void {
  ctx.send(operator(to), 'op/reply', { reqId, ok: false, value: null, bindings: null, error: { code, message } });
}

export function tell(ctx: McContext, event: DeckEvent): void {
  ctx.send(PEERS.outside, 'deck/event', event);
}

/** Board and mission events for CIPHER; `detail` adds what only the actor knows (the target's name, what it paid). */
export function speak(ctx: McContext, events: readonly CipherEvent[], detail: Record<string, string | number | boolean> = {}): void {
  for (const e of events) {
    const m = cipherMessage(e);
    ctx.send(PEERS.cipher, 'cipher/event', { ...m, detail: { ...m.detail, ...detail } });
  }
}

/** CIPHER events that are not Mission Control's board vocabulary (goals, swaps, spikes). */
export function say(ctx: McContext, event: CipherSay['event'], detail: Record<string, string | number | boolean>, affect?: CipherSay['affect']): void {
  ctx.send(PEERS.cipher, 'cipher/event', { event, detail, ...(affect ? { affect } : {}) });
}
