import { writeSoakReport } from '../../campaign/report/write-report.js';
import { soakJsonLine, stoppedEarly } from '../../campaign/soak-summary.js';
import { type SoakProgress, type SoakResult, runSoak } from '../../campaign/soak.js';
import { SoakLive } from '../../campaign/soak-live.js';
import { writeDashboardExport } from '../dashboard/export.js';
import { startDashboard } from '../dashboard/server.js';
import { faultsOf } from '../fault-flags.js';
import { progressBar } from '../progress.js';

export interface SoakOptions {
  campaigns: number;
  missions: number;
  workers: number;
  seed: number;
  faults: boolean;
  faultRates?: string;
  skimCredit?: number;
  json: boolean;
  report?: string;
  /** `--dashboard` alone is true (the default port), `--dashboard N` a port. */
  dashboard?: boolean | number;
  dashboardExport?: string;
}

/** k6's web dashboard port, so a habit carries over. */
const DEFAULT_DASHBOARD_PORT = 5665;

/** Plain progress lines (not a TTY) at most this often. */
const LINE_EVERY_MS = 5_000;

/** `nosh soak`: the pool, its progress, the report and the exit status. */
export async function soakAction(opts: SoakOptions): Promise<void> {
  const faults = faultsOf(opts.faults, opts.faultRates);
  const watched = opts.dashboard !== undefined || opts.dashboardExport !== undefined;
  // More threads than campaigns would only start threads that never get one.
  const workers = Math.min(opts.workers, opts.campaigns);
  const config = { campaigns: opts.campaigns, missions: opts.missions, workers, seed: opts.seed, faults, skimCredit: opts.skimCredit ?? null, series: opts.report !== undefined || watched };
  if (!opts.json) process.stdout.write(`soak: ${config.campaigns} campaigns × ${config.missions} missions on ${config.workers} worker${config.workers === 1 ? '' : 's'} · seeds ${config.seed}–${config.seed + config.campaigns - 1} · faults ${faults ? 'on' : 'off'}\n`);
  const progress = soakProgress(config.campaigns, config.campaigns * config.missions);
  const live = watched ? new SoakLive(config) : null;
  const dashboard = live && opts.dashboard !== undefined ? await startDashboard(live, typeof opts.dashboard === 'number' ? opts.dashboard : DEFAULT_DASHBOARD_PORT) : null;
  if (dashboard) process.stderr.write(`dashboard: ${dashboard.url}\n`);
  const onProgress = live ? (p: SoakProgress): void => (progress.update(p), live.update(p)) : progress.update;
  // Ctrl-C: the campaigns running are ended, the finished ones reported; a second Ctrl-C leaves at once.
  const interrupt = new AbortController();
  const onSigint = (): void => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  let result: SoakResult;
  try {
    result = await runSoak(config, onProgress, undefined, interrupt.signal);
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }
  if (result.interrupted && !opts.json) process.stdout.write(`soak: interrupted · ${result.summaries.length} of ${config.campaigns} campaigns finished; what follows is theirs\n`);
  if (opts.report) {
    const files = await writeSoakReport(opts.report, result);
    if (!opts.json) process.stdout.write(`report: ${files.length} files in ${opts.report} (report.md, summary.json, plots)\n`);
  }
  live?.finish(result);
  if (opts.dashboardExport && live) {
    await writeDashboardExport(opts.dashboardExport, live);
    if (!opts.json) process.stdout.write(`dashboard export: ${opts.dashboardExport}\n`);
  }
  printResult(result, opts.json);
  if (result.interrupted) process.exitCode = 130;
  else if (result.violations > 0 || result.failures.length > 0 || stoppedEarly(result.config, result.summaries).length > 0) process.exitCode = 1;
  if (dashboard && !result.interrupted) {
    // The page keeps the final report until the operator is done with it.
    process.stderr.write(`dashboard: the final report stays at ${dashboard.url} until Ctrl-C\n`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  }
  await dashboard?.close();
}

function printResult(r: SoakResult, json: boolean): void {
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  if (!json) {
    out(`${r.missions} missions in ${(r.wallMs / 1000).toFixed(1)} s (${r.missionsPerSec.toFixed(0)} missions/s) · ${r.violations} violation${r.violations === 1 ? '' : 's'}`);
    for (const d of r.details) out(`VIOLATION ${d.invariant} · seed ${d.seed} · mission ${d.mission} · tick ${d.tick}: ${d.detail}\n  replay: ${d.replay}`);
    const unlisted = r.violations - r.details.length;
    if (unlisted > 0) out(`… and ${unlisted} more (each campaign lists its first ${r.details.length > 0 ? 'few' : '0'})`);
    for (const s of stoppedEarly(r.config, r.summaries)) out(`STOPPED campaign seed ${s.seed} stopped early: ${s.ended}\n  replay: ${s.replay}`);
    for (const f of r.failures) out(`FAILED campaign seed ${f.seed}: ${f.error}\n  replay: ${f.replay}`);
  }
  out(JSON.stringify(soakJsonLine(r)));
}

/** A bar on a terminal (campaigns, missions/s, ETA); on a pipe, a plain line every few seconds. */
function soakProgress(total: number, plannedMissions: number): { update: (p: SoakProgress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const fields = (p: Pick<SoakProgress, 'done' | 'missions' | 'elapsedMs' | 'violations'>): Record<string, string> => ({
      campaigns: `${p.done}/${total} campaigns`,
      rate: `${Math.round(p.elapsedMs > 0 ? p.missions / (p.elapsedMs / 1000) : 0)} missions/s`,
      violations: `${p.violations} violations`,
    });
    const bar = progressBar('soak missions', plannedMissions, true, fields({ done: 0, missions: 0, elapsedMs: 0, violations: 0 }));
    return {
      update: (p) => bar.update(p.missions, fields(p)),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (p) => {
      if (p.done < p.total && p.elapsedMs - last < LINE_EVERY_MS) return;
      last = p.elapsedMs;
      const rate = p.missions / (p.elapsedMs / 1000);
      const eta = p.missions > 0 ? Math.max(0, (p.plannedMissions - p.missions) / rate) : 0;
      process.stderr.write(`soak: ${p.done}/${p.total} campaigns · ${p.missions}/${p.plannedMissions} missions · ${rate.toFixed(0)} missions/s · ${p.violations} violations · eta ${eta.toFixed(0)} s\n`);
    },
    stop: () => {},
  };
}
