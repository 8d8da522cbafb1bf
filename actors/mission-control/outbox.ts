import type { CipherEvent } from '../../src/mission-control/events.js';
import { cipherMessage } from '../../src/mission-control/events.js';
import type { ActorContext } from '../../src/runtime/actor.js';
import type { DeckEvent, OpReply } from './messages.js';
import { PEERS } from './state.js';

/** Answer an `op/*` request. */
export function reply(ctx: ActorContext, to: string, reqId: string, value: string | null): void {
  const body: OpReply = { reqId, ok: true, value, error: null };
  ctx.send(to, 'op/reply', body);
}

/** Refuse an `op/*` request, saying why; nothing changed. */
export function refuse(ctx: ActorContext, to: string, reqId: string, code: string, message: string): void {
  const body: OpReply = { reqId, ok: false, value: null, error: { code, message } };
  ctx.send(to, 'op/reply', body);
}

export function tell(ctx: ActorContext, event: DeckEvent): void {
  ctx.send(PEERS.outside, 'deck/event', event);
}

/** Board and mission events for CIPHER; `detail` adds what only the actor knows (the target's name, what it paid). */
export function speak(ctx: ActorContext, events: readonly CipherEvent[], detail: Record<string, string | number | boolean> = {}): void {
  for (const e of events) {
    const m = cipherMessage(e);
    ctx.send(PEERS.cipher, 'cipher/event', { ...m, detail: { ...m.detail, ...detail } });
  }
}

/** CIPHER events that are not Mission Control's board vocabulary (goals, swaps, spikes). */
export function say(ctx: ActorContext, event: string, detail: Record<string, string | number | boolean>, affect?: string): void {
  ctx.send(PEERS.cipher, 'cipher/event', { event, detail, ...(affect ? { affect } : {}) });
}
