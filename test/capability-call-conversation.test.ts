import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { deckCatalog } from '../actors/catalog.js';
import type { HoldVerdicts } from '../actors/hold-ticker/inbox.js';
import { Mission, defaultVariables, readContractSchemas } from '../src/objectives/index.js';
import type { CapabilityResultBody, CartPrompt } from '../actors/cartridge/messages.js';
import type { Envelope } from '../src/runtime/envelope.js';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';

const [glassPayroll] = readContractSchemas(readFileSync(new URL('../actors/cartridge/games/ice-breaker/glass-payroll.lisp', import.meta.url), 'utf8'), 'glass-payroll.lisp');

interface Outcome {
  result: CapabilityResultBody | null;
  seen: Envelope[];
  trace: MemorySink;
  threads: Record<string, number>;
}

/**
 * A capability call played out between threads: the cart on its worker, the
 * hold ticker on its own, the clock on a third, and an operator outside
 * (`$op`) answering each prompt with the cart's suggestion; `$mc` is the caller,
 * which hears the result.
 */
async function playCall(rt: Runtime, seed: number): Promise<Outcome> {
  const trace = new MemorySink();
  await rt.spawn('clock');
  await rt.spawn('hold-ticker');
  await rt.spawn('cartridge', { id: 'cart', args: { cart: 'ice-breaker' } });
  const seen: Envelope[] = [];
  let result: CapabilityResultBody | null = null;
  rt.external$.subscribe((e) => {
    seen.push(e);
    if (e.kind === 'cart/prompt') {
      const p = e.body as CartPrompt;
      rt.send('cart', 'cart/move', { callId: p.callId, move: p.prompt.suggested }, { from: '$op' });
    }
    // The result goes to the caller (`$mc`, standing in for Mission Control, which answers the operator).
    if (e.kind === 'capability/result' && e.to === '$mc') result = e.body as CapabilityResultBody;
  });
  // Seed 1 draws both limbs: the ghost hold and the exec bonus revealed at HR; the escape escalation is always wired.
  const mission = Mission.instantiate(glassPayroll as NonNullable<typeof glassPayroll>, { seed: 1, threat: 3 });
  rt.send('hold-ticker', 'holds/watch', { mission: 'm1', replyTo: '$mc', spec: mission.watchSpec(), variables: defaultVariables(), startTick: 0 });
  rt.send('clock', 'clock/subscribe', { to: 'hold-ticker', every: 1 });
  rt.send('cart', 'capability/call', { callId: 'c1', params: { seed, threat: 5, mission: { target: 'payroll' } }, operator: '$op', watchers: ['hold-ticker', '$mc'] }, { after: 2 });
  for (let t = 50; result === null && t < 5000; t += 50) await rt.run(t);
  const threads: Record<string, number> = {};
  for (const id of ['cart', 'hold-ticker', 'clock']) threads[id] = (await rt.inspect(id)).threadId;
  return { result, seen, trace, threads };
}

describe('a capability call is a conversation across threads', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('prompt → move → telemetry over ticks → … → result, with the hold ticker watching from its own thread', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 3, catalog: deckCatalog, placement: 'threads', sinks: [trace] });
    const out = await playCall(rt, 11);
    expect(new Set(Object.values(out.threads)).size).toBe(3);
    expect(out.result?.result.outcome).toMatch(/success|failure|partial/);
    const toOp = out.seen.filter((e) => e.to === '$op');
    const kinds = toOp.map((e) => e.kind);
    // The link comes up, then every move is answered with telemetry before the next prompt.
    expect(kinds.slice(0, 2)).toEqual(['cart/telemetry', 'cart/prompt']);
    expect((toOp[0]?.body as { event: string }).event).toBe('link');
    // The cart never answers the operator itself: the caller is the request's one answerer.
    expect(kinds).not.toContain('capability/result');
    const firstMoveTelemetry = kinds.indexOf('cart/telemetry', 2);
    expect(firstMoveTelemetry).toBeGreaterThan(1);
    expect(kinds.slice(firstMoveTelemetry).indexOf('cart/prompt')).toBeGreaterThan(0);
    // The moves crossed from outside to the cart's worker; its replies came back from there.
    const moves = trace.of('handle').filter((r) => r.actor === 'cart' && r.kind === 'cart/move' && r.from === '$op');
    expect(moves.length).toBe(out.result?.result.turns);
    // Telemetry reached the hold ticker too, and it evaluated every tick of the call.
    expect(trace.of('handle').filter((r) => r.actor === 'hold-ticker' && r.kind === 'cart/telemetry').length).toBeGreaterThan(0);
    expect(((await rt.inspect('hold-ticker')).state as { ticks: number }).ticks).toBeGreaterThan(out.result?.result.turns ?? 0);
  });

  it('holds are held on a quiet run and violated on a loud one, and escalations fire once', async () => {
    const verdicts = new Map<string, number>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const run = new Runtime({ seed, catalog: deckCatalog, placement: 'inline' });
      const out = await playCall(run, seed);
      await run.shutdown();
      const toMc = out.seen.filter((e) => e.to === '$mc');
      const telemetry = toMc.filter((e) => e.kind === 'cart/telemetry').map((e) => e.body as { trace: number; event: string; node?: string });
      const peak = Math.max(0, ...telemetry.map((t) => t.trace));
      const heard = toMc.filter((e) => e.kind === 'holds/verdicts').map((e) => (e.body as HoldVerdicts).verdicts);
      const all = (k: 'violated' | 'fired' | 'revealed'): Array<string | number> => heard.flatMap((v) => (v ? (v[k] as Array<string | number>) : []));
      expect(all('violated')).toEqual(peak >= 50 ? ['ghost'] : []);
      expect(all('fired').length).toBe(peak >= 75 ? 1 : 0);
      const enteredHr = telemetry.some((t) => t.event === 'node-entered' && t.node === 'hr');
      expect(all('revealed')).toEqual(enteredHr ? ['exec-bonus'] : []);
      verdicts.set(peak >= 50 ? 'violated' : 'held', (verdicts.get(peak >= 50 ? 'violated' : 'held') ?? 0) + 1);
    }
    expect(verdicts.get('held')).toBeGreaterThan(0);
    expect(verdicts.get('violated')).toBeGreaterThan(0);
  });
});
