import { describe, expect, it } from 'vitest';
import { runCampaign } from '../src/campaign/campaign.js';
import { loadScript } from '../src/campaign/cart-files.js';
import type { TraceRecord } from '../src/runtime/trace/record.js';

interface Goal {
  goal: string;
  hold: string | null;
  rewards: Array<{ kind: string; amount: number }>;
}
interface SettlementLine {
  goal: string;
  bucket: string;
}

/** `(< trace N)` and `(< timer N)`, the shapes every shipped hold has; null for any other. */
function limitOf(hold: string): { variable: 'trace' | 'timer'; limit: number } | null {
  const m = /^\(< (trace|timer) (\d+)\)$/.exec(hold);
  return m ? { variable: m[1] as 'trace' | 'timer', limit: Number(m[2]) } : null;
}

describe('holds are judged in a live deck (seed 003 §4)', () => {
  it.each(['inline', 'threads'] as const)('on %s: a hold goal whose trace or timer crossed its limit ends :forfeit and is never paid; one that held is paid', async (placement) => {
    const records: TraceRecord[] = [];
    const script = loadScript(new URL('fixtures/scripts/loud-operator.lisp', import.meta.url).pathname);
    const summary = await runCampaign({ seed: 2, missions: 20, placement, script, sinks: [{ write: (r) => records.push(r), close() {} }] });
    expect(summary.ended).toBe('done');
    expect(summary.missions).toBe(20);
    // Per mission: the hold goals as accepted, the trace the cart told the hold ticker before the operator
    // resolved the mission (the engine judges every tick up to then), the timer then (ticks since acceptance),
    // and what the settlement paid.
    let goals: Goal[] = [];
    let acceptedAt = 0;
    let telemetry: Array<{ due: number; trace: number }> = [];
    let resolveAt = Number.POSITIVE_INFINITY;
    let crossed = 0;
    let held = 0;
    for (const r of records) {
      if (r.type !== 'send') continue;
      const body = r.body as Record<string, unknown>;
      if (r.kind === 'cart/telemetry' && r.to === 'hold-ticker') telemetry.push({ due: r.due, trace: body.trace as number });
      if ((r.kind === 'op/complete' || r.kind === 'op/abandon') && r.to === 'mission-control') resolveAt = r.due;
      if (r.kind !== 'deck/event') continue;
      if (body.type === 'accepted') {
        goals = body.goals as Goal[];
        acceptedAt = r.tick;
        telemetry = [];
        resolveAt = Number.POSITIVE_INFINITY;
      }
      if (body.type !== 'settled') continue;
      const peak = Math.max(0, ...telemetry.filter((t) => t.due < resolveAt).map((t) => t.trace));
      const lines = (body.settlement as { lines: SettlementLine[] }).lines;
      const timer = resolveAt - 1 - acceptedAt;
      for (const g of goals) {
        const hold = g.hold === null ? null : limitOf(g.hold);
        if (hold === null) continue;
        const reached = hold.variable === 'trace' ? peak : timer;
        const mine = lines.filter((l) => l.goal === g.goal);
        expect(mine.length, `${g.goal}: its rewards are in the settlement`).toBe(g.rewards.length);
        if (reached >= hold.limit) {
          crossed++;
          for (const l of mine) expect(l.bucket, `${g.goal} ${g.hold} with ${hold.variable} at ${reached}: paid anyway`).toBe('forfeited');
        } else if (body.outcome === 'success') {
          held++;
          for (const l of mine) expect(l.bucket, `${g.goal} ${g.hold} held (${hold.variable} ${reached}) on a clean run, yet not paid`).toBe(l.bucket === 'unearned' ? 'unearned' : 'paidAtResolve');
        }
      }
    }
    // The campaign really crossed holds, and really held some: a run where nobody did proves nothing.
    expect(crossed).toBeGreaterThan(0);
    expect(held).toBeGreaterThan(0);
  });
});
