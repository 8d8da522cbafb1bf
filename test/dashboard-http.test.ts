import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readSnapshots } from './helpers/dashboard-events.js';
import { startDashboardSoak } from './helpers/dashboard-soak.js';
import { rawGet } from './helpers/raw-get.js';

describe('the soak dashboard over plain HTTP', () => {
  it('serves the page, streams growing counts up to the final --json line, binds to loopback only and refuses path traversal', async () => {
    const soak = await startDashboardSoak(['--campaigns', '6', '--missions', '4', '--workers', '2', '--seed', '40']);
    try {
      expect(new URL(soak.url).hostname).toBe('127.0.0.1');
      const page = await rawGet(soak.url, '/');
      expect(page.status).toBe(200);
      expect(page.type).toContain('text/html');
      expect(page.body).toContain('<title>nosh soak dashboard</title>');
      expect((await rawGet(soak.url, '/uplot.js')).body).toContain('uPlot');

      const events = (await readSnapshots(soak.url)).map((e) => ({ missions: e.missions, done: e.campaigns.done, final: e.final }));
      const final = await soak.final;
      expect(events.length).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.missions).toBeGreaterThanOrEqual(events[i - 1]!.missions);
        expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
      }
      const last = events.at(-1)!;
      expect(events[0]!.missions).toBeLessThan(last.missions);
      expect(last.missions).toBe(final.missions);
      expect(last.done).toBe(final.campaigns);
      expect(last.final).toEqual(final);

      // Only its own files: a path that climbs out is refused, and nothing of the file system comes back.
      for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json', '/%5c..%5cpackage.json']) {
        const res = await rawGet(soak.url, path);
        expect(res.status, path).toBe(403);
        expect(res.body).not.toContain('root:');
      }
      expect((await rawGet(soak.url, '/package.json')).status).toBe(404);
      expect((await rawGet(soak.url, '/src/cli/dashboard/server.ts')).status).toBe(404);

      // Not reachable on any other address of this machine.
      const outside = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
      if (outside) await expect(rawGet(soak.url, '/', outside.address)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      expect(await soak.stop()).toBe(0);
    }
  });
});
