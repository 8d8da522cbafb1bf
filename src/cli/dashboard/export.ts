import { readFileSync, writeFileSync } from 'node:fs';
import type { SoakLive } from '../../campaign/soak-live.js';
import { dashboardFiles } from './server.js';
import { soakGraphSvg } from './soak-graph.js';

/** A value written inside a <script>: JSON with `<` escaped, so no string in it can close the tag. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * `--dashboard-export FILE.html`: the dashboard page as one file, its styles,
 * uPlot and the page script inlined and the finished soak's snapshot (and task
 * graph) written in, so it opens anywhere without a server or a network.
 */
export async function writeDashboardExport(file: string, live: SoakLive): Promise<void> {
  const files = dashboardFiles();
  const read = (path: string): string => {
    const entry = files.get(path);
    if (!entry) throw new Error(`dashboard export: no file for ${path}`);
    return readFileSync(entry.file, 'utf8');
  };
  const snapshot = live.snapshot();
  const svg = await soakGraphSvg(snapshot);
  const html = read('/')
    .replace('<link rel="stylesheet" href="/uplot.css">', () => `<style>${read('/uplot.css')}</style>`)
    .replace('<link rel="stylesheet" href="/dashboard.css">', () => `<style>${read('/dashboard.css')}</style>`)
    .replace('<script src="/uplot.js"></script>', () => `<script>${read('/uplot.js').replace(/<\/script/gi, '<\\/script')}</script>`)
    .replace('<script src="/dashboard.js"></script>', () => `<script>window.NOSH_SNAPSHOT = ${scriptJson(snapshot)};\nwindow.NOSH_SOAK_GRAPH = ${scriptJson(svg)};</script>\n<script>${read('/dashboard.js')}</script>`);
  writeFileSync(file, html);
}
