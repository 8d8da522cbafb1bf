import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import { testCatalog } from './fixtures/catalog.js';

describe('control plane (comlink to each worker): spawn, inspect, snapshot, stop, kill', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('inspects live state inside the worker and snapshots every actor', async () => {
    rt = new Runtime({ seed: 8, catalog: testCatalog, placement: 'threads' });
    await rt.spawn('pong');
    await rt.spawn('ping', { args: { peer: 'pong', rounds: 5 } });
    await rt.run(100);
    const ping = await rt.inspect('ping');
    expect(ping).toMatchObject({ id: 'ping', actor: 'ping', placement: 'threads', incarnation: 0, handled: 5, state: { returned: 5, rounds: 5 } });
    expect(ping.threadId).toBeGreaterThan(0);
    expect(await rt.snapshot()).toEqual({ ping: ping.state, pong: { returned: 5 } });
  });

  it('stops an actor: later envelopes to it are dead letters, traced with the reason', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 8, catalog: testCatalog, placement: 'threads', sinks: [trace] });
    await rt.spawn('pong');
    await rt.stop('pong');
    rt.send('pong', 'ping', { n: 0, nonce: 1 });
    rt.send('nobody', 'ping', { n: 0, nonce: 1 });
    await rt.run(5);
    expect(trace.of('dead-letter').map((r) => [r.to, r.reason])).toEqual([
      ['pong', 'actor stopped'],
      ['nobody', 'no such actor'],
    ]);
    expect(rt.actors()).toEqual([]);
  });

  it('a killed worker is a crash: supervision restarts the actor on a new thread with fresh state', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 8, catalog: testCatalog, placement: 'threads', sinks: [trace] });
    await rt.spawn('pong', { supervision: { minBackoff: 2, randomFactor: 0 } });
    rt.send('pong', 'ping', { n: 0, nonce: 1 });
    await rt.run(3);
    const before = await rt.inspect('pong');
    rt.kill('pong', 'test hook');
    await rt.run(10);
    const after = await rt.inspect('pong');
    expect(after.incarnation).toBe(1);
    expect(after.threadId).not.toBe(before.threadId);
    expect(after.state).toEqual({ returned: 0 });
    expect(trace.of('crash').map((r) => [r.actor, r.tick, r.error])).toEqual([['pong', 4, 'killed: test hook']]);
    expect(trace.of('restart').map((r) => [r.actor, r.tick])).toEqual([['pong', 6]]);
  });
});
