import { beforeAll, describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';
import { loadCartLibrary } from '../src/campaign/cart-files.js';
import { INVARIANT_NAMES, InvariantChecker, allInvariants, readContent } from '../src/campaign/invariants/index.js';
import type { SendRecord, TraceRecord } from '../src/runtime/trace/record.js';

/**
 * Every invariant bites: a real campaign's trace passes them all, and for each invariant one doctored
 * record — the kind of lie a deck bug would tell — makes that invariant fire. The trace is real (worker
 * code, real Lisp, the shipped carts); only the one record is changed.
 */
const SEED = 3;
const MISSIONS = 20;
const DAY_MS = 86_400_000;
const content = readContent(loadCartLibrary().files);
let recorded: TraceRecord[] = [];

type Body = Record<string, unknown> & { type: string };
type Doctor = (records: TraceRecord[]) => TraceRecord[];

function fired(records: readonly TraceRecord[]): Record<string, number> {
  const checker = new InvariantChecker(content, { missions: MISSIONS, faults: false }, allInvariants());
  for (const r of records) checker.write(r);
  return checker.byInvariant;
}

const isEvent = (r: TraceRecord, type?: string): r is SendRecord & { body: Body } => r.type === 'send' && r.kind === 'deck/event' && (type === undefined || (r.body as Body).type === type);

/** The index of the first deck event of `type` that `where` accepts; the test fails if the campaign has none. */
function find(records: readonly TraceRecord[], type: string, where: (b: Body, i: number) => boolean = () => true): number {
  const i = records.findIndex((r, n) => isEvent(r, type) && where(r.body, n));
  if (i < 0) throw new Error(`the recorded campaign has no ${type} event like that: pick another seed`);
  return i;
}

const body = (records: readonly TraceRecord[], i: number): Body => (records[i] as SendRecord).body as Body;
const figures = (b: Body): { credits: number; obligations: unknown[] } => b.figures as { credits: number; obligations: unknown[] };
const contracts = (b: Body): Array<Record<string, number | string | null>> => b.contracts as Array<Record<string, number | string | null>>;

/** Each invariant and the doctored record that must make it fire. */
const DOCTORED: Record<string, Doctor> = {
  'credit-conservation': (rs) => {
    figures(body(rs, find(rs, 'settled', (b) => b.outcome === 'success'))).credits -= 1;
    return rs;
  },
  'escrow-only-on-success': (rs) => {
    figures(body(rs, find(rs, 'settled', (b) => b.outcome !== 'success'))).credits += 500;
    return rs;
  },
  'mission-outcome': (rs) => {
    body(rs, find(rs, 'settled', (b) => b.outcome === 'success')).outcome = 'failure';
    return rs;
  },
  'check-ins': (rs) => {
    figures(body(rs, find(rs, 'settled', (b) => b.outcome === 'success' && figures(b).obligations.length > 0))).obligations = [];
    return rs;
  },
  'reward-once': (rs) => {
    const i = find(rs, 'goal', (b) => b.to === 'done');
    rs.splice(i + 1, 0, structuredClone(rs[i] as TraceRecord));
    return rs;
  },
  'branch-voids': (rs) => {
    // A choice that no longer voids what it voids: the void goes, and the goal it spared is paid.
    const i = find(rs, 'goal', (b) => b.cause === 'voided' || b.cause === 'excluded');
    rs.splice(i, 1);
    return rs;
  },
  'declared-graph': (rs) => {
    // A fork read as an OR-group: the accepted mission's branch is not the one its cart declares.
    const goals = body(rs, find(rs, 'accepted', (b) => (b.goals as Array<{ group: string | null }>).some((g) => g.group === 'branch'))).goals as Array<{ group: string | null }>;
    const fork = goals.find((g) => g.group === 'branch') as { group: string | null };
    fork.group = 'any';
    return rs;
  },
  'supersedes-floor': (rs) => {
    // Every new contract on every board is a superseded baseline's (TERMINAL's :terminal-probe while ICE BREAKER is Recent).
    for (let i = 0; i < rs.length; i++) {
      if (!isEvent(rs[i] as TraceRecord, 'contracts') && !isEvent(rs[i] as TraceRecord, 'ready')) continue;
      for (const c of contracts(body(rs, i))) c.schema = 'terminal-probe';
    }
    return rs;
  },
  'primary-briefed': (rs) => {
    const goals = body(rs, find(rs, 'accepted')).goals as Array<{ state: string; briefed: boolean }>;
    const open = goals.find((g) => g.state === 'open');
    if (open) open.briefed = false;
    return rs;
  },
  'legal-transitions': (rs) => {
    body(rs, find(rs, 'goal', (b) => b.from === 'open' && b.to === 'done')).to = 'locked';
    return rs;
  },
  holds: (rs) => {
    (body(rs, find(rs, 'goal', (b) => b.cause === 'hold-violated')) as unknown as { judged: number }).judged += 1;
    return rs;
  },
  escalations: (rs) => {
    (body(rs, find(rs, 'escalation')) as unknown as { judged: number }).judged += 1;
    return rs;
  },
  'holds-judged': (rs) => {
    // A hold on the mission timer, `(< timer k)`, that breaks early in the run (before anything else
    // closes it) on a tick the hold ticker judged nothing (no wake-up at the threshold).
    const accepted = find(rs, 'accepted', (b) => (b.goals as Array<{ hold: string | null; state: string }>).some((g) => g.hold !== null && g.state === 'open'));
    const settled = find(rs, 'settled', (_, i) => i > accepted);
    const from = (rs[accepted] as SendRecord).tick;
    const judged = new Set(rs.flatMap((r, i) => (i > accepted && i < settled && r.type === 'handle' && r.actor === 'hold-ticker' ? [r.tick] : [])));
    let k = 5;
    while (judged.has(from + k) || judged.has(from + k + 1)) k++;
    const goal = (body(rs, accepted).goals as Array<{ hold: string | null; state: string }>).find((g) => g.hold !== null && g.state === 'open') as { hold: string | null };
    goal.hold = `(< timer ${k})`;
    return rs;
  },
  'phase-chain': (rs) => {
    const accepted = body(rs, find(rs, 'accepted'));
    const ready = body(rs, find(rs, 'ready'));
    ready.mission = { id: accepted.id, schema: accepted.schema, goals: accepted.goals, chain: Buffer.alloc(256, 0xa5).toString('base64') };
    return rs;
  },
  'flash-readback': (rs) => {
    const i = rs.findIndex((r) => r.type === 'send' && r.kind === 'flash/state');
    ((rs[i] as SendRecord).body as Body).state = Buffer.from('a state this chip never held').toString('base64');
    return rs;
  },
  'boot-state': (rs) => {
    figures(body(rs, find(rs, 'ready'))).credits += 5;
    return rs;
  },
  'board-size': (rs) => {
    const settled = find(rs, 'settled');
    const b = body(rs, find(rs, 'contracts', (_, i) => i > settled));
    b.contracts = contracts(b).slice(0, 2);
    return rs;
  },
  'threat-caps': (rs) => {
    (contracts(body(rs, find(rs, 'contracts')))[0] as { threat: number }).threat = 9;
    return rs;
  },
  'no-historical': (rs) => {
    // A contract made a year after a cart it is composed from (not the one in the slot) was last seated.
    const slotAt = (at: number): unknown => body(rs, rs.findLastIndex((r, i) => i < at && isEvent(r, 'cart'))).cart;
    const fromAway = (at: number) => contracts(body(rs, at)).find((c) => content.contributors(c.schema as string).some((m) => !m.system && m.name !== slotAt(at)));
    const at = find(rs, 'contracts', (_, i) => rs.slice(0, i).some((r) => isEvent(r, 'cart')) && fromAway(i) !== undefined);
    const b = body(rs, at);
    const source = fromAway(at) as Record<string, number | string | null>;
    contracts(b).push({ ...source, id: 0x5eed, createdAt: (b.at as number) + 365 * DAY_MS, expiresAt: null });
    return rs;
  },
  'opportunity-once': (rs) => {
    // A contract becomes an Opportunity; once it has left the board, a copy of it comes back.
    const first = find(rs, 'contracts');
    const id = contracts(body(rs, first))[0]?.id;
    let left = -1;
    for (let i = first; i < rs.length; i++) {
      if (!isEvent(rs[i] as TraceRecord, 'contracts')) continue;
      const c = contracts(body(rs, i)).find((x) => x.id === id);
      if (c) c.opportunityKey = 0x7777;
      else if (left < 0) left = i;
      else {
        contracts(body(rs, i)).push({ ...contracts(body(rs, first))[0], id: 0xbac, opportunityKey: 0x7777 });
        return rs;
      }
    }
    throw new Error('the first board contract never left the board');
  },
  'ttl-reaping': (rs) => {
    const b = body(rs, find(rs, 'contracts'));
    (contracts(b)[0] as { expiresAt: number }).expiresAt = (b.at as number) - 3_600_000;
    return rs;
  },
  'clean-run': (rs) => {
    const at = rs[100] as TraceRecord;
    rs.splice(101, 0, { type: 'dead-letter', tick: at.tick, wall: at.wall, kind: 'op/status', from: 'mission-runner', to: 'nobody', seq: 0, reason: 'no such actor' });
    return rs;
  },
  'missions-played': (rs) => {
    const i = rs.findIndex((r) => r.type === 'send' && r.kind === 'campaign/done');
    ((rs[i] as SendRecord).body as { missions: number }).missions -= 1;
    return rs;
  },
};

describe('each invariant on a doctored trace', () => {
  beforeAll(async () => {
    const records: TraceRecord[] = [];
    await runCampaign({ seed: SEED, missions: MISSIONS, placement: 'inline', sinks: [{ write: (r) => void records.push(structuredClone(r)), close() {} }] });
    recorded = records;
  }, 60_000);

  it('the real trace passes every invariant', () => {
    expect(recorded.length).toBeGreaterThan(1_000);
    expect(fired(recorded)).toEqual({});
  });

  it('has a doctored record for every invariant the soak checks', () => {
    expect(Object.keys(DOCTORED).sort()).toEqual([...INVARIANT_NAMES].sort());
  });

  it.each(Object.keys(DOCTORED))('%s fires on its doctored record', (name) => {
    const doctored = (DOCTORED[name] as Doctor)(structuredClone(recorded));
    expect(Object.keys(fired(doctored))).toContain(name);
  });
});
