import { afterEach, expect, it } from 'vitest';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import { testCatalog } from './fixtures/catalog.js';

// The rule (docs/kernel.md, Supervision): the envelope an actor failed on is dropped, never handed
// to the next incarnation; one that killed the actor's whole worker must not kill the next one too.
let rt: Runtime | null = null;
afterEach(async () => {
  await rt?.shutdown();
  rt = null;
});

it('an envelope that kills its worker is dropped as a dead letter, and the restarted actor serves on', async () => {
  const trace = new MemorySink();
  rt = new Runtime({ seed: 8, catalog: testCatalog, placement: 'threads', sinks: [trace] });
  await rt.spawn('saboteur');
  rt.send('saboteur', 'exit', {});
  await rt.run(60);
  const crashes = trace.of('crash').filter((r) => r.actor === 'saboteur');
  expect(crashes).toHaveLength(1);
  expect(crashes[0]?.error).toMatch(/worker exited with code 3/);
  expect(trace.of('restart').map((r) => r.incarnation)).toEqual([1]);
  const dropped = trace.of('dead-letter').filter((r) => r.kind === 'exit');
  expect(dropped).toHaveLength(1);
  expect(dropped[0]?.reason).toMatch(/^its host failed handling it: /);
  rt.send('saboteur', 'ok', {});
  await rt.run(80);
  expect((await rt.inspect('saboteur')).state).toEqual({ oks: 1 });
  expect(rt.summary().escalations).toBe(0);
});

it('an envelope whose handler throws is not handed over again (inline and threads alike)', async () => {
  for (const placement of ['inline', 'threads'] as const) {
    const trace = new MemorySink();
    const run = new Runtime({ seed: 9, catalog: testCatalog, placement, sinks: [trace] });
    await run.spawn('crasher');
    run.send('crasher', 'boom', { why: 'once' });
    run.send('crasher', 'ok', { n: 1 }, { after: 2 });
    await run.run(60);
    expect(trace.of('crash').filter((r) => r.actor === 'crasher').map((r) => r.kind)).toEqual(['boom']);
    expect((await run.inspect('crasher')).state).toEqual({ oks: 1 });
    await run.shutdown();
  }
});
