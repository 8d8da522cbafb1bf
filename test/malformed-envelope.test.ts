import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import { testCatalog } from './fixtures/catalog.js';

describe('a malformed envelope sent across a worker boundary', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('is rejected by the receiver with an error naming the kind and the field; the receiver keeps running', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 2, catalog: testCatalog, placement: 'threads', sinks: [trace] });
    await rt.spawn('pong');
    await rt.spawn('bad-sender');
    const pongThread = (await rt.inspect('pong')).threadId;
    expect((await rt.inspect('bad-sender')).threadId).not.toBe(pongThread);

    rt.send('bad-sender', 'go', { target: 'pong' });
    await rt.run(10);

    const rejects = trace.of('reject');
    expect(rejects.map((r) => [r.actor, r.from, r.kind, r.field])).toEqual([
      ['pong', 'bad-sender', 'pnig', 'kind'],
      ['pong', 'bad-sender', 'ping', 'body.n'],
      ['pong', 'bad-sender', 'ping', 'body.n'],
      // pong's answer to the good one: bad-sender has no 'pong' in its inbox, and says so.
      ['bad-sender', 'pong', 'pong', 'kind'],
    ]);
    expect(rejects[0]?.error).toBe("malformed envelope: kind 'pnig', field 'kind': unknown to actor 'pong' (it accepts: ping)");
    expect(rejects[1]?.error).toMatch(/^malformed envelope: kind 'ping', field 'body\.n': Invalid type: Expected number but received "seven"$/);
    expect(rejects[2]?.error).toMatch(/field 'body\.n': Invalid key: Expected "n" but received undefined/);

    // The fourth, good envelope was handled after the three bad ones, and answered.
    const seen = await rt.inspect('pong');
    expect(seen).toMatchObject({ rejected: 3, handled: 1, crashes: 0, threadId: pongThread, state: { returned: 1 } });
    expect(trace.of('send').filter((r) => r.from === 'pong').map((r) => r.to)).toEqual(['bad-sender']);
    expect(rt.summary()).toMatchObject({ rejected: 4, crashes: 0, restarts: 0 });
  });

  it('rejects things that are not envelopes at all, and garbage posted straight at the worker port', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 3, catalog: testCatalog, placement: 'threads', sinks: [trace] });
    await rt.spawn('pong');
    rt.injectRaw('pong', 'just a string');
    rt.injectRaw('pong', { kind: 'ping', from: 'x', to: 'pong', tick: 1, seq: -4, cause: null, body: { n: 1, nonce: 1 } });
    rt.injectRaw('pong', { kind: 'ping', from: 'x', to: 'pong', tick: 1, seq: 0, cause: null });
    rt.send('pong', 'ping', { n: 0, nonce: 9 });
    await rt.run(5);
    expect(trace.of('reject').map((r) => r.field)).toEqual(['(envelope)', 'seq', 'body']);
    expect(trace.of('reject')[1]?.error).toBe("malformed envelope: kind 'ping', field 'seq': expected a non-negative integer, got the number -4");
    expect((await rt.inspect('pong')).handled).toBe(1);

    rt.postRaw('pong', { hello: 'world' });
    rt.postRaw('pong', 42);
    // Lockstep traces what was not a step with the actor's next step, at the same point on every placement.
    rt.send('pong', 'ping', { n: 1, nonce: 9 });
    await rt.run(10);
    const portRejects = trace.of('reject').slice(3);
    expect(portRejects.map((r) => [r.actor, r.field])).toEqual([
      ['pong', 't'],
      ['pong', 't'],
    ]);
    expect(portRejects[0]?.error).toBe('host message to pong is not start/step (lockstep): got an object with keys [hello]');
    expect(portRejects[1]?.error).toBe('host message to pong is not start/step (lockstep): got the number 42');
    // Still alive and answering.
    expect((await rt.inspect('pong')).handled).toBe(2);
  });

  it('rejects the same way inline, so both placements trace it identically', async () => {
    const hashes: Array<string | null> = [];
    for (const placement of ['inline', 'threads'] as const) {
      const run = new Runtime({ seed: 4, catalog: testCatalog, placement });
      await run.spawn('pong');
      await run.spawn('bad-sender');
      run.send('bad-sender', 'go', { target: 'pong' });
      await run.run(10);
      expect(run.summary().rejected).toBe(4);
      hashes.push((await run.shutdown()).traceHash);
    }
    expect(hashes[0]).toBe(hashes[1]);
  });
});
