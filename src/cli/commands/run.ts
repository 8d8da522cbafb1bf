import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { DEFAULT_OFF_MS, runCampaign } from '../../campaign/campaign.js';
import { DEFAULT_MAX_FRAMES } from '../../campaign/frame-recorder.js';
import { Runtime } from '../../runtime/runtime.js';
import { CampaignLog } from '../campaign-log.js';
import { ConsoleSink } from '../console-sink.js';
import { DEMO_CATALOG, startDemo } from '../demo-scenario.js';
import { MAX_SPEED } from '../../runtime/realtime-clock.js';
import { UsageError, duration, integer, oneOf, positiveNumber } from '../options.js';
import { outputDir, outputFile } from '../output-paths.js';
import { progressBar } from '../progress.js';

interface RunOptions {
  seed: number;
  missions: number;
  placement: 'threads' | 'inline';
  clock: 'lockstep' | 'realtime';
  speed?: number;
  ticks?: number;
  script?: string;
  flash?: string;
  off: number;
  frames?: string;
  framesMax: number;
  trace?: string;
  traceJsonl?: string;
  json: boolean;
  verbose: boolean;
  demo: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Play a headless campaign: the deck boots, the operator script (the shipped autopilot by default) plays missions.')
    .option('--seed <n>', 'run seed: the same seed replays the same campaign', integer('--seed'), 1)
    .option('--missions <m>', 'missions to play', integer('--missions', 0, 1_000_000), 12)
    .option('--placement <where>', 'threads: one worker per actor; inline: all actors on one thread', oneOf('--placement', ['threads', 'inline'] as const), 'threads')
    .option('--clock <mode>', 'lockstep: deterministic ticks; realtime: wall-clock delivery', oneOf('--clock', ['lockstep', 'realtime'] as const), 'lockstep')
    .option('--speed <x>', `with --clock realtime: x ticks per 33 ms of wall time (default 1, at most ${MAX_SPEED}); idle stretches are jumped either way`, positiveNumber('--speed', MAX_SPEED))
    .option('--script <file.lisp>', 'the operator script to play with (default: actors/mission-runner/autopilot.lisp)')
    .option('--flash <image>', 'keep the deck on this flash image: a second run continues the campaign (created if missing)')
    .addOption(
      new Option('--off <duration>', 'with --flash: how long the deck was switched off since the image was last saved (30m, 4h, 2d…)')
        .argParser(duration('--off'))
        .default(DEFAULT_OFF_MS, '4h'),
    )
    .option('--frames <dir>', 'write a PNG of the deck\'s screen at every screen change into this folder', outputDir('--frames'))
    .option('--frames-max <n>', 'with --frames: write at most this many', integer('--frames-max', 1, 1_000_000), DEFAULT_MAX_FRAMES)
    .option('--ticks <n>', 'stop after this many ticks of deck time at the latest (30 per second)', integer('--ticks', 1, Number.MAX_SAFE_INTEGER))
    .option('--trace <file.json>', 'write a Chrome Trace Event file (open in ui.perfetto.dev)', outputFile('--trace'))
    .option('--trace-jsonl <file>', 'stream every trace record as JSON lines', outputFile('--trace-jsonl'))
    .option('--json', 'print only a JSON summary as the last line', false)
    .option('--verbose', 'log every board and goal change', false)
    .option('--demo', "run the kernel's demo actors (ping-pong, a flaky worker) instead of the deck", false)
    .addHelpText('after', '\nExamples:\n  nosh run --seed 7 --missions 30 --json\n  nosh run --clock realtime --speed 50 --placement threads --missions 5\n  nosh run --flash deck.img --missions 5 --off 3d')
    .action(async (opts: RunOptions) => {
      if (opts.speed !== undefined && opts.clock !== 'realtime') throw new UsageError('--speed paces the realtime clock: give it with --clock realtime (lockstep runs as fast as it can).');
      if (opts.demo) await runDemo(opts);
      else await runDeck(opts);
    });
}

async function runDeck(opts: RunOptions): Promise<void> {
  const started = performance.now();
  const log = (line: string): void => {
    (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  };
  const script = opts.script ? { name: opts.script, text: readFileSync(opts.script, 'utf8') } : undefined;
  const quiet = opts.json && !opts.verbose;
  const view = new CampaignLog(log, opts.verbose);
  // The log already tells the story line by line; the bar is for quiet runs (--json) watched from a terminal.
  const bar = progressBar('missions', opts.missions, quiet);
  if (!quiet) log(`nosh run · seed ${opts.seed} · ${opts.placement} · ${opts.clock}${opts.speed !== undefined ? ` ×${opts.speed}` : ''} · ${opts.missions} missions · ${opts.script ?? 'autopilot.lisp'}`);
  let settled = 0;
  const summary = await runCampaign({
    seed: opts.seed,
    missions: opts.missions,
    placement: opts.placement,
    clock: opts.clock,
    ...(opts.speed !== undefined ? { speed: opts.speed } : {}),
    ...(script ? { script } : {}),
    flash: opts.flash ?? null,
    offMs: opts.off,
    ...(opts.frames ? { frames: { dir: opts.frames, max: opts.framesMax } } : {}),
    ...(opts.ticks ? { maxTicks: opts.ticks } : {}),
    ...(opts.trace ? { traceFile: opts.trace } : {}),
    ...(opts.traceJsonl ? { traceJsonl: opts.traceJsonl } : {}),
    onEnvelope: (e) => {
      if (!quiet) view.envelope(e);
      if (e.kind === 'deck/event' && (e.body as { type: string }).type === 'settled') bar.update(++settled);
    },
  });
  bar.stop();
  const wallMs = Math.round(performance.now() - started);
  // The asked work was not done (the campaign stopped before its missions were played): a failure.
  // Stopping at the --ticks bound the user gave is what was asked.
  if (summary.ended !== 'done' && !(opts.ticks !== undefined && summary.ended.startsWith('stopped: tick limit'))) process.exitCode = 1;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, wallMs })}\n`);
    return;
  }
  const hours = (summary.ticks / 30 / 3600).toFixed(1);
  log(
    `summary  ${summary.missions} missions · ${summary.succeeded} succeeded · ${summary.failed} failed · ${summary.abandoned} abandoned · ` +
      `¤${summary.credits} · rep ${summary.reputation} · intel ${summary.intel} · ${summary.hotSwaps} hot swaps · ${summary.restarts} restarts · ` +
      `${summary.scriptErrors} script errors`,
  );
  log(`         ${summary.ticks} ticks (${hours} h of deck time) · ${summary.envelopes} envelopes · ${wallMs} ms${summary.ended === 'done' ? '' : ` · ${summary.ended}`}`);
  log(`trace    ${summary.traceHash ?? '(none in realtime)'}`);
  if (opts.trace) log(`chrome trace → ${opts.trace} (open in https://ui.perfetto.dev)`);
  if (opts.frames) log(`frames   ${summary.frames} PNG → ${opts.frames}${summary.frames >= opts.framesMax ? ` (stopped at --frames-max ${opts.framesMax})` : ''}`);
  if (opts.flash) log(`deck kept on ${opts.flash}: run again with --flash ${opts.flash} to continue the campaign`);
}

async function runDemo(opts: RunOptions): Promise<void> {
  const started = performance.now();
  const ticks = opts.ticks ?? 600;
  const log = (line: string): void => {
    (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  };
  const quiet = opts.json && !opts.verbose;
  const rt = new Runtime({
    seed: opts.seed,
    catalog: DEMO_CATALOG,
    placement: opts.placement,
    clock: opts.clock,
    ...(opts.trace ? { traceFile: opts.trace } : {}),
    ...(opts.traceJsonl ? { traceJsonl: opts.traceJsonl } : {}),
    sinks: quiet ? [] : [new ConsoleSink(log, opts.verbose)],
  });
  if (!quiet) log(`nosh run --demo · seed ${opts.seed} · ${opts.placement} · ${opts.clock} · ${ticks} ticks`);
  await startDemo(rt);
  await rt.run(ticks);
  const summary = { ...(await rt.shutdown()), ticks, wallMs: Math.round(performance.now() - started) };
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  log(`summary  ${summary.ticks} ticks · ${summary.envelopes} envelopes · ${summary.crashes} crashes · ${summary.restarts} restarts · ${summary.escalations} escalations · ${summary.wallMs} ms`);
  log(`trace    ${summary.traceHash}`);
}
