import { writeSoakReport } from '../../campaign/report/write-report.js';
import { soakJsonLine, stoppedEarly } from '../../campaign/soak-summary.js';
import { type SoakConfig, type SoakProgress, type SoakResult, runSoak } from '../../campaign/soak.js';
import { SoakLive } from '../../campaign/soak-live.js';
import { writeDashboardExport } from '../dashboard/export.js';
import { settledMissionGraphs } from '../dashboard/mission-graph-route.js';
import { type Dashboard, startDashboard } from '../dashboard/server.js';
import { faultsOf } from '../fault-flags.js';
import { UsageError } from '../options.js';
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
  /** A Redis URL: the campaigns go to `nosh worker`s through a BullMQ queue there (docs/scale-out.md). */
  queue?: string;
  /** With --queue: re-attach to this soak instead of submitting one. */
  attach?: string;
  queueName: string;
  /** `--dashboard` alone is true (the default port), `--dashboard N` a port. */
  dashboard?: boolean | number;
  dashboardExport?: string;
}

/** k6's web dashboard port, so a habit carries over. */
const DEFAULT_DASHBOARD_PORT = 5665;

/** Plain progress lines (not a TTY) at most this often. */
const LINE_EVERY_MS = 5_000;

/** `nosh soak`: the pool (or a queue's workers), its progress, its dashboard, the report and the exit status. */
export async function soakAction(opts: SoakOptions): Promise<void> {
  const faults = faultsOf(opts.faults, opts.faultRates);
  const watched = opts.dashboard !== undefined || opts.dashboardExport !== undefined;
  // More threads than campaigns would only start threads that never get one.
  const workers = Math.min(opts.workers, opts.campaigns);
  // A queued soak always keeps its series: a dashboard may attach to it later, and the campaigns are played once.
  const series = opts.queue !== undefined || opts.report !== undefined || watched;
  if (opts.attach !== undefined && opts.queue === undefined) throw new UsageError('--attach needs --queue REDIS_URL: the soak to attach to is in that Redis.');
  const given: SoakConfig = { campaigns: opts.campaigns, missions: opts.missions, workers, seed: opts.seed, faults, skimCredit: opts.skimCredit ?? null, series };
  const found = opts.queue === undefined ? { config: given, soakId: null } : await queuedConfig(given, opts.queue, opts);
  if (found === null) return;
  const { config, soakId } = found;
  if (!opts.json && opts.attach === undefined) process.stdout.write(`soak: ${config.campaigns} campaigns × ${config.missions} missions on ${opts.queue !== undefined ? `the workers of ${opts.queue}` : `${config.workers} worker${config.workers === 1 ? '' : 's'}`} · seeds ${config.seed}–${config.seed + config.campaigns - 1} · faults ${faults ? 'on' : 'off'}\n`);
  const live = watched ? new SoakLive(config, soakId) : null;
  const dashboard = live && opts.dashboard !== undefined ? await startDashboard(live, typeof opts.dashboard === 'number' ? opts.dashboard : DEFAULT_DASHBOARD_PORT, { missionGraph: settledMissionGraphs(live) }) : null;
  if (dashboard) process.stderr.write(`dashboard: ${dashboard.url}\n`);
  const result = await withProgress({ total: config.campaigns, plannedMissions: config.campaigns * config.missions }, (update, signal) => {
    const onProgress = live ? (p: SoakProgress): void => (update(p), live.update(p)) : update;
    return opts.queue !== undefined ? queuedSoak(config, opts, onProgress, signal) : runSoak(config, onProgress, undefined, signal);
  });
  if (result !== null) await finish(result, opts, live, dashboard);
  else await dashboard?.close();
}

/**
 * A queued soak's config and id: the flags' (and the id this build submits them under), or with
 * `--attach` the queue's own; null (the exit status set) when the queue has no such soak.
 */
async function queuedConfig(given: SoakConfig, url: string, opts: SoakOptions): Promise<{ config: SoakConfig; soakId: string } | null> {
  const queue = await import('../../campaign/queue/queue-soak.js');
  if (opts.attach === undefined) return { config: given, soakId: queue.soakIdFor(given) };
  const config = await queue.queuedSoakConfig(url, opts.queueName, opts.attach);
  if (config === null) {
    unknownSoak(opts.attach, queue.queueNameFor(opts.queueName), url);
    return null;
  }
  return { config, soakId: opts.attach };
}

function unknownSoak(soakId: string, queueName: string, url: string | undefined): void {
  process.stderr.write(`soak: no soak ${soakId} on ${queueName} at ${url} (it was never queued, Redis was flushed, or it was queued by another build: the queue name ends with the code version)\n`);
  process.exitCode = 1;
}

/**
 * The soak under its progress bar and Ctrl-C: a local soak ends the campaigns running and reports
 * the finished ones; a queued one stops watching (it runs on). A second Ctrl-C leaves at once.
 */
async function withProgress<T>(known: { total: number; plannedMissions: number }, run: (update: (p: SoakProgress) => void, signal: AbortSignal) => Promise<T>): Promise<T> {
  const progress = soakProgress(known);
  const interrupt = new AbortController();
  const onSigint = (): void => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    return await run(progress.update, interrupt.signal);
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }
}

/** `--queue`: the soak through Redis; null when there is no result to print (lost, detached, unknown), the exit status set. */
async function queuedSoak(config: SoakConfig, opts: SoakOptions, onProgress: (p: SoakProgress) => void, signal: AbortSignal): Promise<SoakResult | null> {
  const { runQueuedSoak } = await import('../../campaign/queue/queue-soak.js');
  const say = (line: string): boolean => process.stderr.write(`${line}\n`);
  const outcome = await runQueuedSoak(config, { url: opts.queue ?? '', stem: opts.queueName, ...(opts.attach !== undefined ? { attach: opts.attach } : {}), onProgress, log: say, signal });
  switch (outcome.kind) {
    case 'done':
      if (outcome.resubmitted) say(`soak: ${outcome.soakId} was already queued; its results are folded, nothing ran again for this command`);
      return outcome.result;
    case 'lost':
      say(`soak: Redis at ${opts.queue} lost soak ${outcome.soakId} mid-run (flushed, or restarted without its data): ${outcome.lost.length} of ${outcome.config.campaigns} campaigns lost before they answered (seeds ${seedList(outcome.lost)}), and the results of the ${outcome.kept} that had answered went with it. No result is printed; run the same command again to submit it afresh.`);
      process.exitCode = 1;
      return null;
    case 'detached':
      say(`soak: stopped watching ${outcome.soakId}; it runs on. Attach again: nosh soak --queue ${opts.queue} --attach ${outcome.soakId}`);
      process.exitCode = 130;
      return null;
    case 'unknown':
      unknownSoak(outcome.soakId, outcome.queue, opts.queue);
      return null;
  }
}

/** `3, 4, 5, 9` as `3–5, 9`. */
function seedList(seeds: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < seeds.length; ) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === (seeds[j] ?? 0) + 1) j++;
    runs.push(i === j ? `${seeds[i]}` : `${seeds[i]}–${seeds[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** The report, the printout and the exit status of a soak, local or queued alike; a dashboard keeps the final report until Ctrl-C. */
async function finish(result: SoakResult, opts: SoakOptions, live: SoakLive | null, dashboard: Dashboard | null): Promise<void> {
  const { config } = result;
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
function soakProgress(known: { total: number; plannedMissions: number }): { update: (p: SoakProgress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const fields = (p: Pick<SoakProgress, 'done' | 'total' | 'missions' | 'elapsedMs' | 'violations'>): Record<string, string> => ({
      campaigns: `${p.done}/${p.total} campaigns`,
      rate: `${Math.round(p.elapsedMs > 0 ? p.missions / (p.elapsedMs / 1000) : 0)} missions/s`,
      violations: `${p.violations} violations`,
    });
    const bar = progressBar('soak missions', known.plannedMissions, true, fields({ done: 0, total: known.total, missions: 0, elapsedMs: 0, violations: 0 }));
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
