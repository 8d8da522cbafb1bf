import { runCampaign } from '../../campaign/campaign.js';
import { CampaignLog } from '../campaign-log.js';
import { MissionGraphs } from '../mission-graphs.js';
import { progressBar } from '../progress.js';

export interface RunOptions {
  seed: number;
  missions: number;
  placement: 'threads' | 'inline';
  clock: 'lockstep' | 'realtime';
  speed?: number;
  ticks?: number;
  /** Read when the command line was (`inputText`): its name and text. */
  script?: { readonly name: string; readonly text: string };
  flash?: string;
  off: number;
  frames?: string;
  graph?: string;
  framesMax: number;
  framesFull?: boolean;
  trace?: string;
  traceJsonl?: string;
  json: boolean;
  verbose: boolean;
  quiet?: boolean;
}

/** `nosh run`: boot the deck and play a campaign, telling the story as it goes. */
export async function runAction(opts: RunOptions): Promise<void> {
  const started = performance.now();
  // The story (and the script's own log) goes to stderr when stdout is for the result alone (--json, --quiet).
  const log = (line: string): void => {
    (opts.json || opts.quiet === true ? process.stderr : process.stdout).write(`${line}\n`);
  };
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const script = opts.script;
  // No story under --json (unless --verbose asks for it, on stderr) or --quiet.
  const quiet = (opts.json && !opts.verbose) || opts.quiet === true;
  const view = new CampaignLog(log, opts.verbose);
  // The log already tells the story line by line; the bar is for --json runs watched from a terminal. --quiet means quiet.
  const bar = progressBar('missions', opts.missions, quiet && opts.quiet !== true);
  if (!quiet) log(`nosh run · seed ${opts.seed} · ${opts.placement} · ${opts.clock}${opts.speed !== undefined ? ` ×${opts.speed}` : ''} · ${opts.missions} missions · ${opts.script?.name ?? 'autopilot.lisp'}`);
  let settled = 0;
  const graphs = opts.graph ? new MissionGraphs(opts.graph) : null;
  const summary = await runCampaign({
    seed: opts.seed,
    missions: opts.missions,
    placement: opts.placement,
    clock: opts.clock,
    ...(opts.speed !== undefined ? { speed: opts.speed } : {}),
    ...(script ? { script } : {}),
    flash: opts.flash ?? null,
    offMs: opts.off,
    ...(opts.frames ? { frames: { dir: opts.frames, max: opts.framesMax, full: opts.framesFull === true } } : {}),
    ...(opts.ticks ? { maxTicks: opts.ticks } : {}),
    ...(opts.trace ? { traceFile: opts.trace } : {}),
    ...(opts.traceJsonl ? { traceJsonl: opts.traceJsonl } : {}),
    onEnvelope: (e) => {
      // The script's own lines are on stderr under --json, story or not; --quiet keeps only its errors (an error is not chatter; docs/operator-scripts.md).
      const scriptLine = e.kind === 'runner/error' || (e.kind === 'runner/log' && opts.quiet !== true);
      if (!quiet || scriptLine) view.envelope(e);
      graphs?.envelope(e);
      if (e.kind === 'deck/event' && (e.body as { type: string }).type === 'settled') bar.update(++settled);
    },
  });
  bar.stop();
  await graphs?.done();
  const wallMs = Math.round(performance.now() - started);
  // The asked work was not done (the campaign stopped before its missions were played): a failure.
  // Stopping at the --ticks bound the user gave is what was asked.
  if (summary.ended !== 'done' && !(opts.ticks !== undefined && summary.ended.startsWith('stopped: tick limit'))) process.exitCode = 1;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, wallMs })}\n`);
    return;
  }
  const hours = (summary.ticks / 30 / 3600).toFixed(1);
  out(
    `summary  ${summary.missions} missions · ${summary.succeeded} succeeded · ${summary.failed} failed · ${summary.abandoned} abandoned · ` +
      `¤${summary.credits} · rep ${summary.reputation} · intel ${summary.intel} · ${summary.hotSwaps} hot swaps · ${summary.restarts} restarts · ` +
      `${summary.scriptErrors} script errors`,
  );
  out(`         ${summary.ticks} ticks (${hours} h of deck time) · ${summary.envelopes} envelopes · ${wallMs} ms${summary.ended === 'done' ? '' : ` · ${summary.ended}`}`);
  out(`trace    ${summary.traceHash ?? '(none in realtime)'}`);
  if (opts.trace) out(`chrome trace → ${opts.trace} (open in https://ui.perfetto.dev)`);
  if (graphs && opts.graph) out(`graphs   ${graphs.written} task-graph SVG → ${opts.graph}`);
  if (opts.frames) out(`frames   ${summary.frames} PNG → ${opts.frames}${summary.frames >= opts.framesMax ? ` (stopped at --frames-max ${opts.framesMax})` : ''}`);
  if (opts.flash) out(`deck kept on ${opts.flash}: run again with --flash ${opts.flash} to continue the campaign`);
}
