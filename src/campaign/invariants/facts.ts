import type { TraceRecord } from '../../runtime/trace/record.js';

/**
 * What the checks read, lifted from the trace as plain data: Mission
 * Control's reports to the outside (`deck/event`), its traffic with the
 * flash chip, what the hold ticker received, and the kernel's own records
 * (rejects, dead letters, an actor's crash and restart). Bodies are read as
 * JSON shapes here, not through the deck's types: the checks never look
 * inside an actor and never share its code.
 */
export interface GoalFact {
  readonly goal: string;
  readonly phase: number;
  readonly role: string;
  readonly reveal: string;
  readonly briefed: boolean;
  readonly state: string;
  readonly parent: string | null;
  readonly group: string | null;
  readonly children: readonly string[];
  readonly requires: readonly string[];
  readonly excludes: readonly string[];
  readonly voids: readonly string[];
  readonly rewards: readonly { readonly kind: string; readonly amount: number; readonly flag: string | null; readonly when: string }[];
  readonly hold: string | null;
  readonly failOn: string | null;
  readonly at: string | null;
  readonly escalation: { readonly id: number; readonly condition: string } | null;
}

export interface ObligationFact {
  readonly contractId: number;
  readonly kind: string;
  readonly credits: number;
  readonly reputation: number;
  readonly intel: number;
  readonly earnedSession: number;
  readonly lastPaidSession: number;
  readonly payments: number;
}

export interface Figures {
  readonly credits: number;
  readonly reputation: number;
  readonly intel: number;
  readonly runs: number;
  readonly session: number;
  readonly obligations: readonly ObligationFact[];
}

export interface ContractFact {
  readonly id: number;
  readonly schema: string;
  readonly threat: number;
  readonly category: string;
  readonly opportunityKey: number;
  readonly createdAt: number;
  readonly expiresAt: number | null;
}

export interface PaymentFact {
  readonly contractId: number;
  readonly kind: string;
  readonly credits: number;
  readonly reputation: number;
  readonly intel: number;
  readonly payment: number;
  readonly forced: boolean;
}

export type Fact =
  | {
      readonly kind: 'ready';
      readonly at: number;
      readonly figures: Figures;
      readonly contracts: readonly ContractFact[];
      readonly cartsSeen: readonly { readonly cart: string; readonly at: number }[];
      readonly mission: { readonly id: number; readonly schema: string; readonly goals: readonly GoalFact[]; readonly chain: string } | null;
      readonly flash: { readonly seq: number | null; readonly damaged: boolean; readonly dropped: readonly number[] };
    }
  | { readonly kind: 'accepted'; readonly contract: string; readonly id: number; readonly schema: string; readonly threat: number; readonly category: string; readonly at: number; readonly goals: readonly GoalFact[] }
  | { readonly kind: 'goal'; readonly goal: string; readonly from: string; readonly to: string; readonly cause: string; readonly role: string; readonly briefed: boolean; readonly judged: number | null }
  | { readonly kind: 'revealed'; readonly goal: string; readonly by: string; readonly judged: number | null }
  | { readonly kind: 'escalation'; readonly id: number; readonly goal: string; readonly judged: number | null }
  | { readonly kind: 'phase'; readonly from: number; readonly to: number }
  | { readonly kind: 'settled'; readonly outcome: string; readonly figures: Figures }
  | { readonly kind: 'check-in'; readonly session: number; readonly paid: readonly PaymentFact[]; readonly figures: Figures }
  | { readonly kind: 'contracts'; readonly at: number; readonly contracts: readonly ContractFact[] }
  | { readonly kind: 'slot'; readonly cart: string | null; readonly at: number }
  | { readonly kind: 'power'; readonly on: boolean }
  /** Mission Control asked the flash to commit this state. */
  | { readonly kind: 'commit'; readonly tag: string | null; readonly state: string }
  | { readonly kind: 'commit-acked'; readonly tag: string | null; readonly seq: number }
  | { readonly kind: 'commit-lost'; readonly tag: string | null }
  | { readonly kind: 'commit-failed'; readonly tag: string | null }
  /** The flash answered a read or a remount with what it holds. */
  | { readonly kind: 'flash-read'; readonly state: string | null; readonly seq: number | null; readonly damaged: boolean; readonly dropped: readonly number[]; readonly remount: boolean }
  /** The operator asked Mission Control to resolve the running mission; it reaches it at `due`. */
  | { readonly kind: 'resolve'; readonly due: number; readonly how: 'complete' | 'abandon' }
  /** A power cut took deck actors' memory (a reboot): the newest commits may be lost. */
  | { readonly kind: 'power-cut' }
  /** The operator's resolve was delayed in flight: it reaches Mission Control `ticks` later than it was due. */
  | { readonly kind: 'resolve-delayed'; readonly ticks: number }
  /** Mission Control refused a resolve (no mission, a call still running…): the mission plays on. */
  | { readonly kind: 'resolve-refused' }
  /** Mission Control took a resolve from its mailbox (from here a crash loses it with its memory). */
  | { readonly kind: 'resolve-taken' }
  /** Mission Control crashed (`during`: the envelope its handler failed on, which is requeued). */
  | { readonly kind: 'mission-control-down'; readonly during: string | null }
  /** The hold ticker handled the clock's tick (or a watch) due at `due`, or a piece of telemetry due at `due` (it moves the record from that tick on). */
  | { readonly kind: 'ticker-tick'; readonly due: number }
  | { readonly kind: 'ticker-telemetry'; readonly due: number; readonly body: Readonly<Record<string, unknown>> }
  /** The hold ticker's verdicts of tick `judged` reach Mission Control at `due`. */
  | { readonly kind: 'verdicts'; readonly judged: number; readonly due: number }
  /** The hold ticker crashed; `lost`: the due tick of the tick envelope its handler failed on (dropped, never judged). */
  | { readonly kind: 'ticker-down'; readonly lost: number | null }
  | { readonly kind: 'ticker-up' }
  | { readonly kind: 'rejected'; readonly actor: string; readonly message: string; readonly error: string }
  | { readonly kind: 'dead-letter'; readonly message: string; readonly to: string; readonly reason: string }
  | { readonly kind: 'done'; readonly missions: number; readonly reason: string };

const TICKER = 'hold-ticker';
const MISSION_CONTROL = 'mission-control';
/** Envelopes to the hold ticker not yet handled, remembered for their due tick and body; bounded. */
const MAX_IN_FLIGHT = 4_096;

/** Turns trace records into facts, one record at a time, in the trace's canonical order. */
export class FactReader {
  private readonly toTicker = new Map<string, { kind: string; due: number; body: unknown }>();
  /** The request id of the resolve waiting for Mission Control's answer, and its envelope (a delay names it). */
  private resolveReq: string | null = null;
  private resolveEnvelope: string | null = null;

  read(r: TraceRecord): Fact | null {
    switch (r.type) {
      case 'send':
        return this.send(r);
      case 'handle':
        if (r.actor === MISSION_CONTROL && (r.kind === 'op/complete' || r.kind === 'op/abandon')) return { kind: 'resolve-taken' };
        return r.actor === TICKER ? this.tickerHandled(r.from, r.seq) : null;
      case 'crash':
        if (r.actor === TICKER) {
          const failed = r.from !== null && r.seq !== null ? this.toTicker.get(`${r.from}#${r.seq}`) : undefined;
          if (failed !== undefined) this.toTicker.delete(`${r.from}#${r.seq}`);
          return { kind: 'ticker-down', lost: failed?.kind === 'tick' ? failed.due : null };
        }
        if (r.actor === MISSION_CONTROL) return { kind: 'mission-control-down', during: r.kind };
        return r.actor === 'flash' && r.error.startsWith('power cut') ? { kind: 'power-cut' } : null;
      case 'restart':
        return r.actor === TICKER ? { kind: 'ticker-up' } : null;
      case 'reject':
        return { kind: 'rejected', actor: r.actor, message: r.kind, error: r.error };
      case 'dead-letter':
        return { kind: 'dead-letter', message: r.kind, to: r.to, reason: r.reason };
      case 'mark': {
        const a = r.args as { from?: string; seq?: number; ticks?: number } | undefined;
        if (r.name !== 'delayed' || a === undefined) return null;
        // A delayed envelope to the ticker is due later: telemetry takes effect on the tick it arrives.
        const toTicker = this.toTicker.get(`${a.from}#${a.seq}`);
        if (toTicker !== undefined && r.actor === TICKER) toTicker.due += a.ticks ?? 0;
        if (`${a.from}#${a.seq}` !== this.resolveEnvelope) return null;
        return { kind: 'resolve-delayed', ticks: a.ticks ?? 0 };
      }
      default:
        return null;
    }
  }

  private send(r: Extract<TraceRecord, { type: 'send' }>): Fact | null {
    const body = r.body as Record<string, unknown>;
    if (r.to === TICKER && (r.kind === 'tick' || r.kind === 'cart/telemetry' || r.kind === 'holds/watch')) {
      if (this.toTicker.size >= MAX_IN_FLIGHT) this.toTicker.delete(this.toTicker.keys().next().value as string);
      this.toTicker.set(`${r.from}#${r.seq}`, { kind: r.kind, due: r.due, body });
      return null;
    }
    switch (r.kind) {
      case 'deck/event':
        return deckFact(body);
      case 'flash/write':
        return r.from === 'mission-control' ? { kind: 'commit', tag: (body.tag as string | undefined) ?? null, state: body.state as string } : null;
      case 'flash/ack':
        return { kind: 'commit-acked', tag: (body.tag as string | null) ?? null, seq: body.seq as number };
      case 'flash/power-lost':
        return { kind: 'commit-lost', tag: (body.tag as string | null) ?? null };
      case 'flash/failed':
        return { kind: 'commit-failed', tag: (body.tag as string | null) ?? null };
      case 'flash/state': {
        const report = body.report as { dropped?: Array<{ seq: number }> } | undefined;
        const remount = typeof body.reqId === 'string' && body.reqId.startsWith('remount-');
        return { kind: 'flash-read', state: (body.state as string | null) ?? null, seq: (body.seq as number | null) ?? null, damaged: body.damaged === true, dropped: (report?.dropped ?? []).map((d) => d.seq), remount };
      }
      case 'op/complete':
      case 'op/abandon':
        if (r.to !== 'mission-control') return null;
        this.resolveReq = typeof body.reqId === 'string' ? body.reqId : null;
        this.resolveEnvelope = `${r.from}#${r.seq}`;
        return { kind: 'resolve', due: r.due, how: r.kind === 'op/complete' ? 'complete' : 'abandon' };
      case 'op/reply':
        if (r.from !== 'mission-control' || this.resolveReq === null || body.reqId !== this.resolveReq) return null;
        this.resolveReq = null;
        return body.ok === false ? { kind: 'resolve-refused' } : null;
      case 'holds/verdicts':
        return r.to === 'mission-control' && typeof body.tick === 'number' ? { kind: 'verdicts', judged: body.tick, due: r.due } : null;
      case 'campaign/done':
        return { kind: 'done', missions: body.missions as number, reason: body.reason as string };
      default:
        return null;
    }
  }

  private tickerHandled(from: string, seq: number): Fact | null {
    const key = `${from}#${seq}`;
    const sent = this.toTicker.get(key);
    if (sent === undefined) return null;
    this.toTicker.delete(key);
    // A watch is judged the tick it arrives (the ticker's first judgment of a mission comes with its watch).
    if (sent.kind === 'tick' || sent.kind === 'holds/watch') return { kind: 'ticker-tick', due: sent.due };
    return { kind: 'ticker-telemetry', due: sent.due, body: sent.body as Record<string, unknown> };
  }
}

function deckFact(e: Record<string, unknown>): Fact | null {
  // The body as sent: a plain JSON object whose shape the event type fixes (actors/mission-control/messages.ts).
  const v = <T>(key: string): T => e[key] as T;
  switch (e.type) {
    case 'ready':
      return { kind: 'ready', at: v('at'), figures: v('figures'), contracts: v('contracts'), cartsSeen: v('cartsSeen'), mission: v('mission'), flash: v('flash') };
    case 'accepted':
      return { kind: 'accepted', contract: v('contract'), id: v('id'), schema: v('schema'), threat: v('threat'), category: v('category'), at: v('at'), goals: v('goals') };
    case 'goal':
      return { kind: 'goal', goal: v('goal'), from: v('from'), to: v('to'), cause: v('cause'), role: v('role'), briefed: v('briefed'), judged: v<number | null>('judged') ?? null };
    case 'revealed':
      return { kind: 'revealed', goal: v('goal'), by: v('by'), judged: v<number | null>('judged') ?? null };
    case 'escalation':
      return { kind: 'escalation', id: v('id'), goal: v('goal'), judged: v<number | null>('judged') ?? null };
    case 'phase':
      return { kind: 'phase', from: v('from'), to: v('to') };
    case 'settled':
      return { kind: 'settled', outcome: v('outcome'), figures: v('figures') };
    case 'check-in':
      return { kind: 'check-in', session: v('session'), paid: v('paid'), figures: v('figures') };
    case 'contracts':
      return { kind: 'contracts', at: v('at'), contracts: v('contracts') };
    case 'cart':
      return { kind: 'slot', cart: v<string | null>('cart') ?? null, at: v('at') };
    case 'power':
      return { kind: 'power', on: v('on') };
    default:
      return null;
  }
}
