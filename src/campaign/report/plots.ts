import type { TopLevelSpec } from 'vega-lite';
import type { CampaignSummary } from '../campaign.js';

/** Each plot a soak report draws: a file name, a caption, and its vega-lite spec. */
export interface Plot {
  readonly file: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

const WIDTH = 640;
const HEIGHT = 240;
/** Past this many campaigns a legend is noise: lines are drawn in one colour. */
const MAX_LEGEND = 12;

/** Every plot's common frame: the file, its title (as caption and chart title), size and data. */
function chart(file: string, title: string, values: readonly object[], body: Record<string, unknown>, width = WIDTH): Plot {
  const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title, width, height: HEIGHT, data: { values: values as object[] }, ...body };
  return { file, title, spec: spec as TopLevelSpec };
}

export function soakPlots(summaries: readonly CampaignSummary[]): Plot[] {
  const rows = summaries.flatMap((s) => (s.series?.points ?? []).map((p) => ({ campaign: `seed ${s.seed}`, ...p, success: p.outcome === 'success' ? 1 : 0 })));
  return [
    perMissionLines('credits.svg', 'credit_balance after each mission', rows, 'balance', 'credit_balance ¤', summaries.length),
    perMissionLines('reputation.svg', 'reputation after each mission', rows, 'reputation', 'reputation', summaries.length),
    payout(rows),
    successByThreat(rows),
    swapsAndRestarts(summaries),
  ];
}

function perMissionLines(file: string, title: string, rows: readonly object[], field: string, axis: string, campaigns: number): Plot {
  const color = campaigns <= MAX_LEGEND ? { field: 'campaign', type: 'nominal', title: 'campaign' } : { value: '#2c7fb8' };
  return chart(file, title, rows, {
    mark: { type: 'line', opacity: campaigns <= MAX_LEGEND ? 0.9 : 0.35, strokeWidth: 1.2 },
    encoding: {
      x: { field: 'mission', type: 'quantitative', title: 'mission' },
      y: { field, type: 'quantitative', title: axis },
      detail: { field: 'campaign', type: 'nominal' },
      color,
    },
  });
}

function payout(rows: readonly object[]): Plot {
  const title = '¤ paid per mission (points: missions; line: mean over campaigns)';
  const x = { field: 'mission', type: 'quantitative', title: 'mission' } as const;
  return chart('payout.svg', title, rows, {
    layer: [
      { mark: { type: 'point', opacity: 0.25, size: 12, color: '#7f8c8d' }, encoding: { x, y: { field: 'payout', type: 'quantitative', title: '¤ paid' } } },
      { mark: { type: 'line', color: '#c0392b', strokeWidth: 2 }, encoding: { x, y: { aggregate: 'mean', field: 'payout', type: 'quantitative' } } },
    ],
  });
}

function successByThreat(rows: readonly object[]): Plot {
  const title = 'success rate by threat';
  return chart(
    'success-by-threat.svg',
    title,
    rows,
    {
      encoding: { x: { field: 'threat', type: 'ordinal', title: 'threat' } },
      layer: [
        { mark: { type: 'bar', color: '#27ae60' }, encoding: { y: { aggregate: 'mean', field: 'success', type: 'quantitative', title: 'success rate', scale: { domain: [0, 1] }, axis: { format: '%' } } } },
        {
          mark: { type: 'text', dy: -6, fontSize: 11 },
          encoding: { y: { aggregate: 'mean', field: 'success', type: 'quantitative' }, text: { aggregate: 'count', type: 'quantitative', format: 'd' } },
        },
      ],
    },
    360,
  );
}

function swapsAndRestarts(summaries: readonly CampaignSummary[]): Plot {
  const title = 'Hot Swaps and cart restarts per campaign';
  const values = summaries.flatMap((s) => [
    { seed: s.seed, kind: 'Hot Swaps', count: s.hotSwaps },
    { seed: s.seed, kind: 'restarts', count: s.restarts },
  ]);
  return chart('swaps-restarts.svg', title, values, {
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'seed', type: 'ordinal', title: 'campaign seed', axis: summaries.length > 40 ? { labels: false, ticks: false } : {} },
      xOffset: { field: 'kind' },
      y: { field: 'count', type: 'quantitative', title: 'count' },
      color: { field: 'kind', type: 'nominal', title: null, scale: { range: ['#8e44ad', '#e67e22'] } },
    },
  });
}
