import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { CareerRun } from './career.js';

/** Mean over the last `window` runs at each point (the plot's smoothing). */
function rolling(values: readonly number[], window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  values.forEach((v, i) => {
    sum += v;
    if (i >= window) sum -= values[i - window] as number;
    out.push(sum / Math.min(i + 1, window));
  });
  return out;
}

/**
 * docs/economy-career.svg: ¤ and rep per mission (means over 50 runs) and the
 * balance, over one simulated career. Rendered by vega-lite → vega → SVG in
 * Node (no canvas, no browser).
 */
export async function renderCareerSvg(runs: readonly CareerRun[]): Promise<string> {
  const credits = rolling(runs.map((r) => r.credits), 50);
  const rep = rolling(runs.map((r) => r.reputation), 50);
  const rows = runs.map((r, i) => ({
    mission: r.mission,
    credits: Math.round(credits[i] as number),
    reputation: Math.round((rep[i] as number) * 100) / 100,
    balance: r.balanceBefore,
  }));
  const width = 640;
  const x = { field: 'mission', type: 'quantitative', title: 'mission' } as const;
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'A simulated 1,000-mission career (docs/economy.md)',
    data: { values: rows },
    vconcat: [
      { width, height: 160, mark: { type: 'line', color: '#c0392b' }, encoding: { x, y: { field: 'credits', type: 'quantitative', title: '¤ per mission (mean of 50)' } } },
      { width, height: 160, mark: { type: 'line', color: '#2c7fb8' }, encoding: { x, y: { field: 'reputation', type: 'quantitative', title: 'rep per mission (mean of 50)' } } },
      { width, height: 120, mark: { type: 'area', color: '#7f8c8d', opacity: 0.6 }, encoding: { x, y: { field: 'balance', type: 'quantitative', title: 'credit_balance ¤' } } },
    ],
    config: { font: 'sans-serif' },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return `${svg}\n`;
}
