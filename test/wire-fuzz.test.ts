import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Placement } from '../src/runtime/coordinator.js';
import { Runtime } from '../src/runtime/runtime.js';
import { testCatalog } from './fixtures/catalog.js';

// The rule (docs/kernel.md, "Boundaries"): nothing that arrives on a port, of any shape, stops the
// coordinator or the receiver. Random envelopes go into pong's mail, random raw messages onto its
// host's port, between good pings; the receiver must go on answering, nothing may escape, and the
// run must trace the same whether pong sits on its own worker or inline.

const anyTick = fc.oneof(fc.nat(200), fc.integer(), fc.double(), fc.anything());
const envelopeLike = fc.record(
  {
    kind: fc.oneof(fc.constant('ping'), fc.string({ maxLength: 12 }), fc.anything()),
    from: fc.oneof(fc.constant('fuzz'), fc.string({ maxLength: 300 }), fc.anything()),
    to: fc.oneof(fc.constant('pong'), fc.string({ maxLength: 8 })),
    tick: anyTick,
    seq: anyTick,
    cause: fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.anything()),
    body: fc.oneof(fc.record({ n: fc.nat(50), nonce: fc.integer() }), fc.anything()),
  },
  { requiredKeys: [] },
);
const hostLike = fc.record(
  {
    t: fc.constantFrom('start', 'step', 'deliver', 'stepped', 'effects', 'rejected', 'go'),
    req: fc.oneof(fc.nat(10), fc.anything()),
    tick: anyTick,
    batch: fc.oneof(fc.array(envelopeLike, { maxLength: 3 }), fc.anything()),
    envelope: envelopeLike,
    crash: fc.anything(),
  },
  { requiredKeys: [] },
);
const wireTupleLike = fc.tuple(fc.constant('ping'), fc.constant('fuzz'), fc.constant('pong'), anyTick, anyTick, fc.anything(), fc.anything());
const raw = fc.oneof(fc.anything(), envelopeLike, hostLike, wireTupleLike, fc.array(fc.anything(), { maxLength: 8 }));
const rounds = fc.array(fc.record({ injected: fc.array(raw, { maxLength: 4 }), posted: fc.array(raw, { maxLength: 4 }) }), { minLength: 1, maxLength: 4 });

type Rounds = ReadonlyArray<{ readonly injected: readonly unknown[]; readonly posted: readonly unknown[] }>;

async function fuzzRun(placement: Placement, plan: Rounds): Promise<{ hash: string | null; answered: number[] }> {
  const rt = new Runtime({ seed: 12, catalog: testCatalog, placement });
  const answered: number[] = [];
  rt.external$.subscribe((e) => answered.push((e.body as { nonce: number }).nonce));
  try {
    await rt.spawn('pong');
    for (const [i, round] of plan.entries()) {
      for (const x of round.injected) rt.injectRaw('pong', x);
      for (const x of round.posted) rt.postRaw('pong', x);
      rt.send('pong', 'ping', { n: 1, nonce: 1000 + i });
      await rt.run(rt.tick + 3);
    }
    return { hash: rt.summary().traceHash, answered };
  } finally {
    await rt.shutdown();
  }
}

it('random envelopes and raw port messages: nothing escapes, pong answers every good ping, both placements trace alike', async () => {
  await fc.assert(
    fc.asyncProperty(rounds, async (plan) => {
      const inline = await fuzzRun('inline', plan);
      const threads = await fuzzRun('threads', plan);
      const good = plan.map((_, i) => 1000 + i);
      expect(inline.answered.filter((n) => n >= 1000)).toEqual(good);
      expect(threads.answered.filter((n) => n >= 1000)).toEqual(good);
      expect(threads.hash).toBe(inline.hash);
    }),
    { numRuns: 12, seed: 20261202 },
  );
});

it('the same fuzz, run twice, gives the same trace hash', async () => {
  const plan = fc.sample(rounds, { numRuns: 1, seed: 7 })[0] as Rounds;
  const first = await fuzzRun('threads', plan);
  const second = await fuzzRun('threads', plan);
  expect(second.hash).toBe(first.hash);
});

it("raw messages posted from inside a worker onto its port to the coordinator are rejected, and the actor serves on", async () => {
  const messages = fc.sample(fc.oneof(raw, fc.record({ t: fc.constantFrom('stepped', 'effects', 'rejected'), result: fc.anything(), error: fc.anything() })), { numRuns: 60, seed: 3 });
  const rt = new Runtime({ seed: 13, catalog: testCatalog, placement: 'threads' });
  const oks: unknown[] = [];
  rt.external$.subscribe((e) => oks.push(e.body));
  try {
    await rt.spawn('saboteur');
    rt.send('saboteur', 'vandalize', { messages });
    await rt.run(5);
    rt.send('saboteur', 'ok', {});
    await rt.run(10);
    expect(oks).toEqual([{ oks: 1 }]);
    expect(rt.summary().crashes).toBe(0);
    expect(rt.summary().rejected).toBeGreaterThan(0);
  } finally {
    await rt.shutdown();
  }
});
