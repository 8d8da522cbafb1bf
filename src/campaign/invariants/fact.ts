import { decodeUds } from '../../deck/uds-codec.js';
import type { Uds } from '../../deck/uds.js';
import type { Settlement } from '../../objectives/settlement.js';
import type { TraceRecord } from '../../runtime/trace/record.js';

/**
 * What the invariant checks read, lifted from the trace: the deck's own
 * reports to the outside (`deck/event`) and the traffic between Mission
 * Control and the flash chip. The checks never look inside an actor.
 */
export type Fact =
  | { readonly kind: 'ready'; readonly credits: number; readonly reputation: number; readonly restoredMission: boolean }
  | { readonly kind: 'accepted'; readonly contract: string; readonly schema: string; readonly threat: number }
  | { readonly kind: 'goal'; readonly goal: string; readonly from: string; readonly to: string; readonly role: string; readonly briefed: boolean }
  | {
      readonly kind: 'settled';
      readonly outcome: string;
      readonly credits: number;
      readonly reputation: number;
      readonly balance: number;
      readonly reputationTotal: number;
      readonly settlement: Settlement;
    }
  | { readonly kind: 'slot'; readonly cart: string | null }
  /** A check-in paid these totals. */
  | { readonly kind: 'check-in'; readonly credits: number; readonly reputation: number }
  /** Mission Control asked the flash to commit this state (`uds` null: the bytes do not decode). */
  | { readonly kind: 'commit'; readonly tag: string | null; readonly state: string; readonly uds: Uds | null; readonly error: string | null }
  /** The flash finished a commit (sent as it handles the write, so in the chip's own order) or lost power in it. */
  | { readonly kind: 'commit-acked'; readonly tag: string | null }
  | { readonly kind: 'commit-lost'; readonly tag: string | null }
  /** The flash answered a read or a remount with what it holds. */
  | { readonly kind: 'flash-read'; readonly state: string | null };

export function factOf(r: TraceRecord): Fact | null {
  if (r.type !== 'send') return null;
  const body = r.body as Record<string, unknown>;
  switch (r.kind) {
    case 'deck/event':
      return deckFact(body);
    case 'flash/write':
      return commitFact(body as { state: string; tag?: string });
    case 'flash/ack':
      return { kind: 'commit-acked', tag: (body.tag as string | null) ?? null };
    case 'flash/power-lost':
      return { kind: 'commit-lost', tag: (body.tag as string | null) ?? null };
    case 'flash/state':
      return { kind: 'flash-read', state: (body.state as string | null) ?? null };
    default:
      return null;
  }
}

function deckFact(e: Record<string, unknown>): Fact | null {
  switch (e.type) {
    case 'ready':
      return { kind: 'ready', credits: e.credits as number, reputation: e.reputation as number, restoredMission: e.mission !== null };
    case 'accepted':
      return { kind: 'accepted', contract: e.contract as string, schema: e.schema as string, threat: e.threat as number };
    case 'goal':
      return { kind: 'goal', goal: e.goal as string, from: e.from as string, to: e.to as string, role: e.role as string, briefed: e.briefed as boolean };
    case 'settled':
      return {
        kind: 'settled',
        outcome: e.outcome as string,
        credits: e.credits as number,
        reputation: e.reputation as number,
        balance: e.balance as number,
        reputationTotal: e.reputationTotal as number,
        settlement: e.settlement as Settlement,
      };
    case 'cart':
      return { kind: 'slot', cart: (e.cart as string | null) ?? null };
    case 'check-in': {
      const paid = e.paid as Array<{ credits: number; reputation: number }>;
      return { kind: 'check-in', credits: paid.reduce((n, p) => n + p.credits, 0), reputation: paid.reduce((n, p) => n + p.reputation, 0) };
    }
    default:
      return null;
  }
}

function commitFact(body: { state: string; tag?: string }): Fact {
  const tag = body.tag ?? null;
  try {
    return { kind: 'commit', tag, state: body.state, uds: decodeUds(Buffer.from(body.state, 'base64')), error: null };
  } catch (err) {
    return { kind: 'commit', tag, state: body.state, uds: null, error: (err as Error).message };
  }
}
