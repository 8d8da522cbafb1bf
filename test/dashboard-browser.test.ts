import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardSoak } from './helpers/dashboard-soak.js';

/** Debian's chromium (.ci/run installs it): playwright-core drives it, no browser download. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
});

describe('the soak dashboard in a real headless Chromium', () => {
  it('updates live during a soak, then shows numbers equal to the final --json line, drawn charts and the violation with its replay command', async () => {
    const exported = join(mkdtempSync(join(tmpdir(), 'nosh-dash-export-')), 'soak.html');
    const soak = await startDashboardSoak(['--campaigns', '8', '--missions', '5', '--workers', '2', '--seed', '1', '--skim-credit', '2', '--dashboard-export', exported]);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
      await page.goto(soak.url);
      // At least 5 updates while the soak was still playing, then the final report.
      await page.waitForFunction(() => Number(document.body.dataset.liveUpdates ?? 0) >= 5, undefined, { timeout: 30_000 });
      await page.waitForFunction(() => document.body.dataset.finished === 'true', undefined, { timeout: 30_000 });
      const final = await soak.final;
      const shown = async (id: string): Promise<string> => (await page.textContent(`#${id}`)) ?? '';
      expect(await shown('campaigns-total')).toBe(String(final.campaigns));
      expect(await shown('campaigns-done')).toBe(String(final.campaigns));
      expect(await shown('missions')).toBe(String(final.missions));
      expect(await shown('violations')).toBe(String(final.violations));
      expect(await shown('missions-per-sec')).toBe(String(final.missionsPerSec));
      expect(JSON.parse(await shown('final-json'))).toEqual(final);
      // --skim-credit 2: every campaign breaks credit conservation at mission 2, and each violation shows its replay command.
      const details = final.details as Array<{ replay: string }>;
      expect(details.length).toBeGreaterThan(0);
      const replays = await page.$$eval('.violation .replay', (els) => els.map((e) => e.textContent));
      expect(replays).toEqual(details.map((d) => d.replay));
      expect(await page.locator('.violation button.copy').count()).toBe(details.length);
      // Every chart drew: a canvas with pixels on it.
      for (const id of ['chart-credits', 'chart-reputation', 'chart-threat', 'chart-faults', 'chart-workers']) {
        const inked = await page.$eval(`#${id} canvas`, (c) => {
          const canvas = c as HTMLCanvasElement;
          const px = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
          let n = 0;
          for (let i = 3; i < px.length; i += 4) if ((px[i] ?? 0) > 0) n++;
          return canvas.width > 0 && canvas.height > 0 ? n : 0;
        });
        expect(inked, id).toBeGreaterThan(100);
      }
      // A violation's graph button draws its mission's task graph, replayed by the server from the seed.
      const first = final.details as Array<{ seed: number; mission: number }>;
      await page.locator('.violation button.graph-button').first().click();
      await page.waitForSelector('#mission-graph svg g.node', { timeout: 30_000 });
      expect(await page.getAttribute('#mission-graph', 'data-drawn')).toBe(`${first[0]?.seed}/${first[0]?.mission}`);
      expect(await page.textContent('#mission-graph svg')).toContain(`seed ${first[0]?.seed} · mission ${first[0]?.mission}:`);
      // The exported file has no server to replay on: no graph buttons, and the section is hidden.
      const file = await browser.newPage();
      await file.goto(pathToFileURL(exported).href);
      expect(await file.locator('.violation').count()).toBe(details.length);
      expect(await file.locator('.violation button.graph-button').count()).toBe(0);
      expect(await file.isHidden('#mission-graph-section')).toBe(true);
      // The soak's own task graph, opened as an SVG: the soak, 8 campaigns and the 2 pool threads.
      await page.waitForSelector('#soak-graph svg g.node');
      const graph = await browser.newPage();
      await graph.goto(`${soak.url}soak-graph.svg`);
      expect(await graph.locator('g.node[data-status]').count()).toBe(8);
      expect(await graph.locator('g.node[data-worker]').count()).toBe(2);
      expect(await graph.locator("g.node[data-status='violated']").count()).toBe(8);
    } finally {
      expect(await soak.stop()).toBe(1);
    }
  });
});
