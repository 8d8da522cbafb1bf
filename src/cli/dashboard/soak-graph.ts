import { type CampaignStatus, MAX_GRAPH_CAMPAIGNS, type SoakSnapshot, byName } from '../../campaign/soak-live.js';
import { type GraphEdge, type GraphNode, renderGraphSvg } from '../../campaign/report/graph-svg.js';

/** A campaign's status as a colour (the same words the page's legend uses). */
export const STATUS_COLOURS: Readonly<Record<CampaignStatus, string>> = {
  queued: '#4b5263',
  running: '#2f81f7',
  done: '#2ea043',
  violated: '#d29922',
  stopped: '#a371f7',
  failed: '#f85149',
};

/** The soak's own task graph: the soak, its campaigns coloured by status, and the worker each ran on (a pool thread, or a `nosh worker` of a queued soak). */
export async function soakGraphSvg(s: SoakSnapshot): Promise<string> {
  const shown = s.graph.slice(0, MAX_GRAPH_CAMPAIGNS);
  const rest = s.graph.slice(MAX_GRAPH_CAMPAIGNS);
  const nodes: GraphNode[] = [{ id: 'soak', lines: ['soak', `${s.campaigns.done}/${s.campaigns.total} campaigns`, `${s.missions} missions`], fill: s.finished ? '#1f3a28' : '#1c2b45', stroke: s.finished ? STATUS_COLOURS.done : STATUS_COLOURS.running }];
  const edges: GraphEdge[] = [];
  const workers = [...new Set(s.graph.map((c) => c.worker).filter((w): w is string => w !== null))].sort(byName);
  const idOf = (worker: string): string => `worker-${workers.indexOf(worker)}`;
  const kind = s.soakId === null ? 'pool' : 'nosh worker';
  for (const w of workers) {
    const load = s.workers.find((x) => x.worker === w);
    nodes.push({ id: idOf(w), lines: [`${kind} ${w}`, `${load?.campaigns ?? 0} campaigns · ${load?.missions ?? 0} missions`], fill: '#21262d', stroke: '#8b949e', data: { worker: w } });
  }
  for (const c of shown) {
    const colour = STATUS_COLOURS[c.status];
    nodes.push({ id: `seed-${c.seed}`, lines: [`seed ${c.seed}`, c.status], fill: '#161b22', stroke: colour, dashed: c.status === 'queued', data: { status: c.status } });
    edges.push({ from: 'soak', to: `seed-${c.seed}`, color: '#6e7681', kind: 'campaign' });
    if (c.worker !== null) edges.push({ from: `seed-${c.seed}`, to: idOf(c.worker), color: colour, kind: 'ran-on' });
  }
  if (rest.length > 0) {
    nodes.push({ id: 'more', lines: [`+${rest.length} more campaigns`, ...Object.entries(countBy(rest.map((c) => c.status))).map(([k, n]) => `${n} ${k}`)], fill: '#161b22', stroke: '#6e7681' });
    edges.push({ from: 'soak', to: 'more', color: '#6e7681', kind: 'campaign' });
  }
  return renderGraphSvg({ title: s.soakId === null ? 'soak → campaigns → worker threads' : `${s.soakId} → campaigns → nosh workers`, groups: [], nodes, edges, legend: [Object.keys(STATUS_COLOURS).join(' · ') + ' (box colour)'] });
}

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
