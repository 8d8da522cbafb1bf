import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import { testCatalog } from './fixtures/catalog.js';

const policy = { minBackoff: 2, maxBackoff: 16, randomFactor: 0, maxRestarts: 3, withinTicks: 1000 };

describe('supervision: a worker that throws in its handler (threads placement)', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('is restarted on a fresh worker with exponential backoff, escalates past the limit, and the others keep going', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 5, catalog: testCatalog, placement: 'threads', sinks: [trace] });
    await rt.spawn('crasher', { supervision: policy });
    await rt.spawn('pong');
    await rt.spawn('ping', { args: { peer: 'pong', rounds: 60 } });
    const threads = [(await rt.inspect('crasher')).threadId];

    const booms = [1, 10, 30, 60];
    for (const at of booms) rt.send('crasher', 'boom', { why: `at ${at}` }, { after: at });
    // Sent while the first restart is pending (crash at 1, restart at 3): kept in the mailbox, handled after.
    rt.send('crasher', 'ok', { n: 1 }, { after: 2 });

    for (const until of [9, 29, 59]) {
      await rt.run(until);
      const seen = await rt.inspect('crasher');
      threads.push(seen.threadId);
      expect(seen.incarnation).toBe(threads.length - 1);
    }
    expect(new Set(threads).size).toBe(threads.length);
    expect((await rt.inspect('crasher')).state).toEqual({ oks: 0 });

    await rt.run(400);
    const crashes = trace.of('crash').filter((r) => r.actor === 'crasher');
    expect(crashes.map((r) => r.tick)).toEqual(booms);
    expect(crashes[0]?.error).toBe('Error: boom: at 1');

    const decisions = trace.of('supervise').filter((r) => r.actor === 'crasher');
    expect(decisions.map((r) => [r.decision, r.delay])).toEqual([
      ['restart', 2],
      ['restart', 4],
      ['restart', 8],
      ['escalate', 0],
    ]);
    const restarts = trace.of('restart').filter((r) => r.actor === 'crasher');
    expect(restarts.map((r) => r.tick)).toEqual([3, 14, 38]);
    expect(restarts.map((r) => r.incarnation)).toEqual([1, 2, 3]);

    // The 'ok' that waited out the backoff was handled by incarnation 1.
    const ok = trace.of('handle').find((r) => r.actor === 'crasher' && r.kind === 'ok');
    expect(ok?.tick).toBe(3);

    expect(trace.of('escalate')).toMatchObject([{ actor: 'crasher', parent: '$root', tick: 60 }]);
    expect(trace.of('stop').find((r) => r.actor === 'crasher')?.reason).toMatch(/^escalated: Error: boom: at 60/);
    expect(rt.actors()).not.toContain('crasher');
    await expect(rt.inspect('crasher')).rejects.toThrow(/stopped/);

    // A crashed handler's sends never happened: the 'about-to-crash' notes are not in the trace.
    expect(trace.of('send').filter((r) => r.kind === 'about-to-crash')).toEqual([]);

    // The rally went on through all of it.
    expect((await rt.inspect('ping')).state).toMatchObject({ returned: 60 });
    const after = trace.of('handle').filter((r) => r.actor === 'ping' && r.tick > 60);
    expect(after.length).toBeGreaterThan(0);

    const summary = rt.summary();
    expect(summary).toMatchObject({ crashes: 4, restarts: 3, escalations: 1 });
  });

  it('escalates to an actor parent that does not handle it: the parent fails and restarts with its child', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 9, catalog: testCatalog, placement: 'threads', sinks: [trace] });
    await rt.spawn('nanny', { supervision: { ...policy, minBackoff: 5 } });
    rt.send('nanny', 'boom', { why: 'one' }, { after: 1 });
    rt.send('nanny', 'boom', { why: 'two' }, { after: 4 });
    await rt.run(50);

    expect(trace.of('escalate')).toMatchObject([{ actor: 'nanny/crasher', parent: 'nanny' }]);
    const nannyFailure = trace.of('supervise').find((r) => r.actor === 'nanny');
    expect(nannyFailure).toMatchObject({ decision: 'restart', delay: 5 });
    // Restarted nanny spawned its crasher afresh.
    expect(trace.of('spawn').filter((r) => r.actor === 'nanny/crasher')).toHaveLength(2);
    expect(rt.actors()).toEqual(['nanny', 'nanny/crasher']);
  });

  it('a parent that declares sys/child-failed hears about it and replaces the escalated child', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 1, catalog: testCatalog, placement: 'inline', sinks: [trace] });
    await rt.spawn('overseer');
    await rt.spawn('ticker', { args: { every: 2, workTo: 'overseer' } });
    await rt.run(900);
    const notices = trace.of('handle').filter((r) => r.actor === 'overseer' && r.kind === 'sys/child-failed');
    expect(notices.length).toBeGreaterThan(3);
    const replaced = trace.of('mark').filter((r) => r.name === 'worker replaced');
    expect(replaced.length).toBeGreaterThan(0);
    expect(trace.of('supervise').filter((r) => r.actor === 'overseer')).toEqual([]);
  });
});
