import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../src/runtime/runtime.js';
import { MemorySink } from '../src/runtime/trace/memory-sink.js';
import { testCatalog } from './fixtures/catalog.js';

const policy = { minBackoff: 2, maxBackoff: 4, randomFactor: 0, maxRestarts: 1, withinTicks: 1000 };

describe('an actor whose worker cannot become it (threads placement)', () => {
  let rt: Runtime | null = null;
  afterEach(async () => {
    await rt?.shutdown();
    rt = null;
  });

  it('fails to start under supervision, saying why, and the others keep going', async () => {
    const trace = new MemorySink();
    rt = new Runtime({ seed: 3, catalog: testCatalog, placement: 'threads', sinks: [trace] });
    await rt.spawn('pong');
    await rt.spawn('ping', { args: { peer: 'pong', rounds: 20 } });
    await rt.spawn('thread-shy', { supervision: policy });
    await rt.run(60);

    const decisions = trace.of('supervise').filter((r) => r.actor === 'thread-shy');
    expect(decisions.map((r) => r.decision)).toEqual(['restart', 'escalate']);
    const escalated = trace.of('escalate').find((r) => r.actor === 'thread-shy');
    expect(escalated?.error).toMatch(/^host failed to start: .*thread-shy will not load in a worker/);
    expect(rt.actors()).not.toContain('thread-shy');
    expect(trace.of('handle').filter((r) => r.actor === 'pong').length).toBeGreaterThanOrEqual(20);
  });
});
