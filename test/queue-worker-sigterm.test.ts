import { describe, expect, it } from 'vitest';
import { startNosh } from './helpers/nosh-process.js';
import { queueFixture } from './helpers/queue-fixture.js';

describe('SIGTERM to a nosh worker playing a campaign', () => {
  const q = queueFixture();

  it('finishes the campaign, takes no other, exits 0, and the soak gets its result', async () => {
    const soak = startNosh(['soak', '--queue', q.redis.url, '--campaigns', '2', '--missions', '10', '--seed', '100', '--json']);
    await q.worker.waitFor(/took seed/);
    const seed = Number(/took seed (\d+)/.exec(q.worker.output())?.[1]);
    const other = seed === 100 ? 101 : 100;
    expect(await q.worker.stop('SIGTERM')).toBe(0);
    const out = q.worker.output();
    expect(out).toContain('worker: stopping · finishing 1 running campaign');
    expect(out.slice(out.indexOf('stopping'))).toMatch(new RegExp(`finished seed ${seed} [\\s\\S]*worker: stopped`));
    expect(out.match(/took seed/g)).toHaveLength(1);
    // The other campaign waits for a worker; a new one takes it and the soak completes.
    const next = startNosh(['worker', q.redis.url, '--concurrency', '1']);
    try {
      expect(await soak.exited()).toBe(0);
      expect(next.output()).toContain(`took seed ${other} `);
      expect(next.output()).not.toContain(`took seed ${seed} `);
    } finally {
      await next.stop();
    }
  });
});
