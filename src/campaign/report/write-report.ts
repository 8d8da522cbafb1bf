import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SoakResult } from '../soak.js';
import { reportMarkdown } from './markdown.js';
import { soakPlots } from './plots.js';
import { renderSvg } from './render-svg.js';

/** `--report DIR`: summary.json, report.md and one SVG per plot. Returns the files written. */
export async function writeSoakReport(dir: string, result: SoakResult, date = new Date().toISOString()): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const plots = soakPlots(result.summaries);
  const files: string[] = [];
  const put = (name: string, text: string): void => {
    writeFileSync(join(dir, name), text);
    files.push(join(dir, name));
  };
  put(
    'summary.json',
    `${JSON.stringify({ date, config: result.config, campaigns: result.summaries.length, missions: result.missions, violations: result.violations, failures: result.failures, missionsPerSec: result.missionsPerSec, wallMs: result.wallMs, details: result.details, summaries: result.summaries }, null, 1)}\n`,
  );
  for (const p of plots) put(p.file, await renderSvg(p.spec));
  put('report.md', reportMarkdown(result, plots, date));
  return files;
}
