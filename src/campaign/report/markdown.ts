import { INVARIANT_NAMES } from '../invariants/index.js';
import type { SoakResult } from '../soak.js';
import { type SoakTotals, soakTotals } from '../soak-summary.js';
import type { Plot } from './plots.js';

/** Violations listed in full in the report; the rest are in summary.json. */
const MAX_LISTED = 50;
/** Campaigns listed one per row; a bigger soak lists the ones that stopped or broke a rule, then these many more. */
const MAX_CAMPAIGN_ROWS = 200;

export function reportMarkdown(r: SoakResult, plots: readonly Plot[], date: string): string {
  const c = r.config;
  const totals = soakTotals(r.summaries);
  const total = (k: Exclude<keyof SoakTotals, 'faults'>): number => totals[k];
  const byInvariant = new Map<string, number>(INVARIANT_NAMES.map((n) => [n, 0]));
  for (const s of r.summaries) for (const [name, n] of Object.entries(s.violationsByInvariant)) byInvariant.set(name, (byInvariant.get(name) ?? 0) + n);
  const lines = [
    `# nosh soak report`,
    '',
    `${date} · ${c.campaigns} campaigns × ${c.missions} missions · seeds ${c.seed}–${c.seed + c.campaigns - 1} · ${c.workers} workers · faults ${c.faults ? 'on' : 'off'}${c.skimCredit !== null ? ` · skim-credit ${c.skimCredit} (test only)` : ''}`,
    '',
    ...(r.interrupted ? [`**Interrupted** (Ctrl-C): ${r.summaries.length} of ${c.campaigns} campaigns finished; this report is theirs.`, ''] : []),
    '| | |',
    '|---|---|',
    `| missions played / asked | ${r.missions} / ${c.campaigns * c.missions} (${total('succeeded')} succeeded, ${total('failed')} failed, ${total('abandoned')} abandoned) |`,
    `| wall time | ${(r.wallMs / 1000).toFixed(1)} s (${r.missionsPerSec.toFixed(0)} missions/s) |`,
    `| violations | **${r.violations}** |`,
    `| Hot Swaps · cart restarts · aborted calls | ${total('hotSwaps')} · ${total('restarts')} · ${total('aborts')} |`,
    `| script errors · power cycles | ${total('scriptErrors')} · ${total('powerCycles')} |`,
    ...(c.faults ? [`| fault rates | ${Object.entries(c.faults).map(([k, v]) => `${k} ${v}`).join(' · ')} |`] : []),
    ...(c.faults ? [`| faults injected | ${totals.faults.map((f) => `${f.kind} ${f.injected}`).join(' · ')} |`] : []),
    '',
    '## Invariants',
    '',
    '| invariant | violations |',
    '|---|---|',
    ...[...byInvariant].map(([n, v]) => `| ${n} | ${v} |`),
    '',
  ];
  const stopped = r.summaries.filter((s) => s.ended !== 'done');
  if (stopped.length > 0 || r.failures.length > 0) {
    lines.push('## Campaigns that did not finish', '');
    for (const s of stopped) lines.push(`- seed ${s.seed} stopped early: ${s.ended}`);
    for (const f of r.failures) lines.push(`- seed ${f.seed} failed: ${f.error}`, `  \`${f.replay}\``);
    lines.push('');
  }
  if (r.details.length > 0) {
    lines.push('## Violations', '');
    for (const d of r.details.slice(0, MAX_LISTED)) lines.push(`- **${d.invariant}** · seed ${d.seed} · mission ${d.mission} · tick ${d.tick}: ${d.detail}`, `  \`${d.replay}\``);
    if (r.details.length > MAX_LISTED) lines.push(`- … ${r.details.length - MAX_LISTED} more in summary.json`);
    lines.push('');
  }
  lines.push(...campaignRows(r));
  lines.push('## Plots', '');
  for (const p of plots) lines.push(`### ${p.title}`, '', `![${p.title}](${p.file})`, '');
  return `${lines.join('\n')}\n`;
}

/** One row per campaign: its seed, missions played of those asked, how it ended, its violations and its trace hash. */
function campaignRows(r: SoakResult): string[] {
  const notable = r.summaries.filter((s) => s.ended !== 'done' || s.violationCount > 0);
  const rest = r.summaries.filter((s) => s.ended === 'done' && s.violationCount === 0);
  const rows = [...notable, ...rest.slice(0, Math.max(0, MAX_CAMPAIGN_ROWS - notable.length))].sort((a, b) => a.seed - b.seed);
  const out = ['## Campaigns', '', '| seed | missions played / asked | ended | violations | trace hash |', '|---|---|---|---|---|'];
  for (const s of rows) out.push(`| ${s.seed} | ${s.missions} / ${r.config.missions} | ${s.ended} | ${s.violationCount} | \`${s.traceHash ?? '—'}\` |`);
  if (rows.length < r.summaries.length) out.push('', `… ${r.summaries.length - rows.length} more campaigns (all done, no violation) in summary.json.`);
  out.push('');
  return out;
}
