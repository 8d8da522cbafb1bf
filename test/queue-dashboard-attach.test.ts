import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lastJson } from './helpers/cli.js';
import { readSnapshots } from './helpers/dashboard-events.js';
import { startNosh } from './helpers/nosh-process.js';
import { queueFixture } from './helpers/queue-fixture.js';

const SOAK = ['--campaigns', '6', '--missions', '8', '--seed', '90', '--json'];

describe('the dashboard of a queued soak', () => {
  const q = queueFixture(2);

  it('nosh dashboard --attach shows the soak live with each nosh worker\'s load, and ends on the soak\'s own result', async () => {
    const submitter = startNosh(['soak', '--queue', q.redis.url, ...SOAK]);
    await submitter.waitFor(/queued as (soak-[0-9a-f]{16})/);
    const soakId = /queued as (soak-[0-9a-f]{16})/.exec(submitter.output())?.[1] ?? '';
    const watcher = startNosh(['dashboard', q.redis.url, '--attach', soakId, '--port', '0', '--json']);
    try {
      await watcher.waitFor(/dashboard: (http:\/\/\S+\/)/);
      const url = /dashboard: (http:\/\/\S+\/)/.exec(watcher.output())?.[1] ?? '';
      expect(new URL(url).hostname).toBe('127.0.0.1');
      const page = await fetch(url);
      expect(await page.text()).toContain('<title>nosh soak dashboard</title>');
      const snapshots = await readSnapshots(url);
      expect(await submitter.exited()).toBe(0);
      const submitted = lastJson<Record<string, unknown>>(submitter.output());
      const last = snapshots.at(-1);
      if (last === undefined) throw new Error('no snapshot');
      expect(last.soakId).toBe(soakId);
      // The same campaigns, folded the same way, whoever watched: only the watcher's own wall time differs.
      const { missionsPerSec: _a, ...sameAsSubmitted } = submitted;
      const { missionsPerSec: _b, ...watched } = last.final ?? {};
      expect(watched).toEqual(sameAsSubmitted);
      expect(last.missions).toBe(submitted.missions);
      // Per-worker load names each nosh worker (host:pid, BullMQ's worker name) and adds up to the soak.
      const names = q.workers.map((w) => `${hostname()}:${w.child.pid}`);
      for (const w of last.workers) expect(names).toContain(w.worker);
      expect(last.workers.reduce((n, w) => n + w.missions, 0)).toBe(submitted.missions);
      expect(last.workers.reduce((n, w) => n + w.campaigns, 0)).toBe(6);
      expect(last.graph.map((c) => c.status)).toEqual(Array(6).fill('done'));
      for (const c of last.graph) expect(names).toContain(c.worker);
      // The soak's task graph draws the soak → campaigns → nosh workers.
      const svg = await (await fetch(`${url}soak-graph.svg`)).text();
      expect(svg).toContain(soakId);
      for (const w of last.workers) expect(svg).toContain(`nosh worker ${w.worker}`);
    } finally {
      expect(await watcher.stop('SIGINT')).toBe(0);
    }
    // What the watcher printed is the soak's --json line too.
    const printed = JSON.parse(watcher.output().split('\n').filter((l) => l.startsWith('{')).at(-1) ?? 'null') as Record<string, unknown>;
    expect(printed.hashes).toEqual(lastJson<Record<string, unknown>>(submitter.output()).hashes);
  });

  it('soak --queue --dashboard serves the page while the queue\'s workers play it', async () => {
    const soak = startNosh(['soak', '--queue', q.redis.url, ...SOAK.slice(0, 4), '--seed', '120', '--json', '--dashboard', '0']);
    try {
      await soak.waitFor(/dashboard: (http:\/\/\S+\/)/);
      const url = /dashboard: (http:\/\/\S+\/)/.exec(soak.output())?.[1] ?? '';
      const snapshots = await readSnapshots(url);
      const last = snapshots.at(-1);
      expect(last?.finished).toBe(true);
      expect(snapshots.length).toBeGreaterThanOrEqual(2);
      expect(last?.soakId).toMatch(/^soak-[0-9a-f]{16}$/);
      expect(last?.missions).toBe(48);
      expect(last?.workers.reduce((n, w) => n + w.campaigns, 0)).toBe(6);
    } finally {
      expect(await soak.stop('SIGINT')).toBe(0);
    }
  });

  it('nosh dashboard --attach of a soak the queue does not hold says so and exits 1', async () => {
    const watcher = startNosh(['dashboard', q.redis.url, '--attach', 'soak-0123456789abcdef', '--port', '0']);
    expect(await watcher.exited()).toBe(1);
    expect(watcher.output()).toMatch(/no soak soak-0123456789abcdef on nosh-soak\.\w+ at redis:\/\/127\.0\.0\.1:\d+/);
    expect(watcher.output()).not.toContain('dashboard: http');
  });
});
