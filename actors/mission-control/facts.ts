import type { BoardEntry, Obligation, Uds } from '../../src/deck/uds.js';
import type { MissionStruct } from '../../src/mission-control/missions.js';

/**
 * A mission as the outside is told it: every goal of the instance with the
 * facets that decide what may happen to it (seed 003 §2), its state, and its
 * rewards with their final amounts. Plain data in the trace, so the soak's
 * checks can hold the deck to the seeds' rules without reading its code.
 */
export interface GoalFact {
  readonly goal: string;
  /** 1-based. */
  readonly phase: number;
  readonly role: 'primary' | 'optional';
  readonly reveal: 'briefed' | 'latent';
  readonly briefed: boolean;
  readonly state: string;
  readonly parent: string | null;
  /** The kind of group its own children form. */
  readonly group: 'branch' | 'any' | null;
  readonly children: readonly string[];
  readonly requires: readonly string[];
  readonly excludes: readonly string[];
  readonly voids: readonly string[];
  readonly rewards: readonly { readonly kind: string; readonly amount: number; readonly flag: string | null; readonly when: string }[];
  /** Predicate sources, as authored. */
  readonly hold: string | null;
  readonly failOn: string | null;
  readonly at: string | null;
  readonly escalation: { readonly id: number; readonly condition: string } | null;
}

export function goalFacts(struct: MissionStruct): GoalFact[] {
  return struct.graph.snapshot().goals.map((g) => ({
    goal: g.name,
    phase: g.phase,
    role: g.role,
    reveal: g.reveal,
    briefed: g.briefed,
    state: g.state,
    parent: g.parent,
    group: g.group,
    children: g.children,
    requires: g.requires,
    excludes: g.excludes,
    voids: g.voids,
    rewards: g.rewards.map((r) => ({ kind: r.kind, amount: r.amount, flag: r.flag, when: r.when })),
    hold: g.hold,
    failOn: g.failOn,
    at: g.at,
    escalation: g.escalation === null ? null : { id: g.escalation.id, condition: g.escalation.condition },
  }));
}

/** A contract as the outside is told it, when the board changes (what board-size, threat caps, TTLs and Opportunity checks read). */
export interface ContractFact {
  readonly id: number;
  readonly schema: string;
  readonly threat: number;
  readonly category: string;
  readonly opportunityKey: number;
  readonly createdAt: number;
  readonly expiresAt: number | null;
}

export function contractFacts(board: readonly BoardEntry[]): ContractFact[] {
  return board.map((e) => ({ id: e.id, schema: e.schema, threat: e.threat, category: e.category, opportunityKey: e.opportunityKey, createdAt: e.createdAt, expiresAt: e.expiresAt }));
}

/** The deck's books: balances, runs and sessions, and what settled contracts still owe. */
export interface Figures {
  readonly credits: number;
  readonly reputation: number;
  readonly intel: number;
  readonly runs: number;
  readonly session: number;
  readonly obligations: readonly Obligation[];
}

export function figures(uds: Uds): Figures {
  return {
    credits: uds.creditBalance,
    reputation: uds.reputation,
    intel: uds.knowledgeIndex.reduce((n, k) => n + k.points, 0),
    runs: uds.runCount,
    session: uds.session,
    obligations: uds.obligations,
  };
}

/** When each registered cart was last in the slot, by name (the registry's persistent half). */
export function cartsSeen(uds: Uds, modules: readonly { name: string; bit: number; system: boolean }[]): { cart: string; at: number }[] {
  return modules.flatMap((m) => {
    if (m.system) return [];
    const at = uds.cartLastSeen.find((s) => s.mask === m.bit)?.at;
    return at === undefined ? [] : [{ cart: m.name, at }];
  });
}
