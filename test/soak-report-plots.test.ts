import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { nosh } from './helpers/cli.js';

describe('nosh soak --report', () => {
  it('writes summary.json, a markdown report and plots that render to a readable picture', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nosh-report-'));
    const r = await nosh(['soak', '--campaigns', '4', '--missions', '12', '--workers', '2', '--report', dir], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['credits.svg', 'payout.svg', 'report.md', 'reputation.svg', 'success-by-threat.svg', 'summary.json', 'swaps-restarts.svg']);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    for (const svg of files.filter((f) => f.endsWith('.svg'))) expect(md).toContain(`](${svg})`);
    expect(md).toContain('| credit-conservation | 0 |');
    // Each campaign's row: missions played of those asked, how it ended, its hash.
    expect(md).toMatch(/\| \d+ \| \d+ \/ \d+ \| done \| 0 \| `[0-9a-f]{64}` \|/);

    const svg = readFileSync(join(dir, 'credits.svg'), 'utf8');
    expect(svg).toContain('credit_balance after each mission');
    const png = PNG.sync.read(Buffer.from(new Resvg(svg, { background: 'white' }).render().asPng()));
    expect(png.width).toBeGreaterThan(600);
    expect(png.height).toBeGreaterThan(240);
    // A plot, not a blank page: a fair share of inked pixels, in several colours (one line per campaign).
    let inked = 0;
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const [red, green, blue] = [png.data[i] as number, png.data[i + 1] as number, png.data[i + 2] as number];
      if (red + green + blue < 600) inked++;
      if (Math.max(red, green, blue) - Math.min(red, green, blue) > 80) colours.add(((red >> 5) << 6) | ((green >> 5) << 3) | (blue >> 5));
    }
    expect(inked / (png.width * png.height)).toBeGreaterThan(0.01);
    expect(colours.size).toBeGreaterThanOrEqual(4);

    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { missions: number; summaries: Array<{ series: { points: unknown[] } }> };
    expect(summary.missions).toBe(48);
    for (const s of summary.summaries) expect(s.series.points).toHaveLength(12);
  }, 180_000);
});
