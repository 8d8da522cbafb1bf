import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';
import { startDashboardSoak } from './helpers/dashboard-soak.js';

describe('a settled mission\'s task graph on the soak dashboard', () => {
  it('is the mission the soak played (byte-equal to nosh run --graph of the seed), and only settled missions of the soak\'s own campaigns are drawn', async () => {
    const soak = await startDashboardSoak(['--campaigns', '3', '--missions', '5', '--workers', '2', '--seed', '40']);
    try {
      await soak.final;
      const got = await fetch(`${soak.url}mission-graph/41/3.svg`);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/svg+xml');
      const svg = await got.text();
      const dir = mkdtempSync(join(tmpdir(), 'nosh-mgraph-'));
      expect((await nosh(['run', '--seed', '41', '--missions', '5', '--graph', dir, '--quiet'])).code).toBe(0);
      // The dashboard's title names the campaign; the rest is the same drawing.
      expect(svg.replaceAll('seed 41 · ', '')).toBe(readFileSync(join(dir, 'mission-0003-resolve.svg'), 'utf8'));
      expect(svg).toContain('seed 41 · mission 3:');
      // A second look is the same drawing (from the cache).
      expect(await (await fetch(`${soak.url}mission-graph/41/3.svg`)).text()).toBe(svg);

      const unsettled = await fetch(`${soak.url}mission-graph/41/6.svg`);
      expect(unsettled.status).toBe(404);
      expect(await unsettled.text()).toContain('mission 6 of campaign 41 has not settled (it has settled 5)');
      const outside = await fetch(`${soak.url}mission-graph/99/1.svg`);
      expect(outside.status).toBe(404);
      expect(await outside.text()).toContain("seed 99 is not one of this soak's campaigns (40–42)");
      expect((await fetch(`${soak.url}mission-graph/41/0.svg`)).status).toBe(404);
      expect((await fetch(`${soak.url}mission-graph/41/x.svg`)).status).toBe(404);
    } finally {
      expect(await soak.stop()).toBe(0);
    }
  });
});
