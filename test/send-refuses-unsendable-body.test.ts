import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import type { Placement } from '../src/runtime/coordinator.js';
import { testCatalog } from './fixtures/catalog.js';

// The rule (docs/kernel.md, "Bodies"): a body must be plain data no bigger than 1 MiB. A send that
// breaks it is refused at `send`, on every placement alike: a crash of the sender's handler that
// names the actor, the kind, the receiver and the part of the body, with nothing it sent leaving.
const CASES = [
  ['function', /body\.reply is a function/],
  ['symbol', /body\.tag is a symbol/],
  ['class', /body\.at is a .+, which arrives on another thread as a plain object or not at all/],
  ['cycle', /body\.self refers back to itself/],
  ['bigint', /body\.n is a bigint/],
  ['huge', /body is over 1048576 bytes/],
] as const;

let rt: Runtime | null = null;
afterEach(async () => {
  await rt?.shutdown();
  rt = null;
});

async function smuggleAll(placement: Placement, trace: MemorySink): Promise<Runtime> {
  const run = new Runtime({ seed: 5, catalog: testCatalog, placement, sinks: [trace] });
  await run.spawn('pong');
  await run.spawn('saboteur', { supervision: { maxRestarts: 100 } });
  for (const [what] of CASES) {
    run.send('saboteur', 'smuggle', { what, to: 'pong', caught: false });
    await run.run(run.tick + 40);
  }
  return run;
}

describe('a body that cannot cross a thread', () => {
  for (const placement of ['inline', 'threads'] as const) {
    it(`is refused at send on ${placement}: a crash of the sender naming the field, nothing delivered`, async () => {
      const trace = new MemorySink();
      rt = await smuggleAll(placement, trace);
      const crashes = trace.of('crash').filter((r) => r.actor === 'saboteur');
      expect(crashes).toHaveLength(CASES.length);
      CASES.forEach(([, pattern], i) => {
        expect(crashes[i]?.error).toMatch(/^SendRefused: saboteur cannot send 'ping' to 'pong': /);
        expect(crashes[i]?.error).toMatch(pattern);
      });
      // Nothing reached pong, and the crashed-on envelope was dropped: each smuggle crashed once, not again.
      expect(trace.of('handle').filter((r) => r.actor === 'pong')).toHaveLength(0);
      expect(trace.of('escalate')).toHaveLength(0);
      rt.send('saboteur', 'ok', {});
      // Six crashes in a row back its restart off; the 'ok' waits in its mailbox meanwhile.
      await rt.run(rt.tick + 400);
      expect((await rt.inspect('saboteur')).state).toEqual({ oks: 1 });
    });
  }

  it('traces the same on both placements (equal hashes)', async () => {
    const hashes: Array<string | null> = [];
    for (const placement of ['inline', 'threads'] as const) {
      const run = await smuggleAll(placement, new MemorySink());
      hashes.push((await run.shutdown()).traceHash);
    }
    expect(hashes[0]).not.toBeNull();
    expect(hashes[0]).toBe(hashes[1]);
  });

  it('is an error the sender can catch and act on', async () => {
    rt = new Runtime({ seed: 6, catalog: testCatalog, placement: 'threads' });
    const said: unknown[] = [];
    rt.external$.subscribe((e) => said.push(e.body));
    await rt.spawn('saboteur');
    rt.send('saboteur', 'smuggle', { what: 'function', to: 'pong', caught: true });
    await rt.run(5);
    expect(said).toEqual([{ error: "saboteur cannot send 'ping' to 'pong': body.reply is a function, which cannot cross threads; send data, not behaviour" }]);
    expect(rt.summary().crashes).toBe(0);
  });

  it('is refused from outside too, before anything is traced', () => {
    rt = new Runtime({ seed: 7, catalog: testCatalog, placement: 'inline' });
    expect(() => rt?.send('pong', 'ping', { n: 1, nonce: () => 2 })).toThrow("$client cannot send 'ping' to 'pong': body.nonce is a function");
    expect(rt.summary().envelopes).toBe(0);
  });
});
