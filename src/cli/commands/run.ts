import { type Command, Option } from 'commander';
import { DEFAULT_MAX_FRAMES, DEFAULT_OFF_MS } from '../../campaign/defaults.js';
import type { RunOptions } from '../actions/run.js';
import { MAX_SPEED } from '../../runtime/realtime-clock.js';
import { UsageError, duration, integer, oneOf, positiveNumber } from '../options.js';
import { flashImage, inputText, outputDir, outputFile } from '../output-paths.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Play a headless campaign: the deck boots, the operator script (the shipped autopilot by default) plays missions.')
    .option('--seed <n>', 'run seed: the same seed replays the same campaign', integer('--seed'), 1)
    .option('--missions <m>', 'missions to play', integer('--missions', 0, 1_000_000), 12)
    .option('--placement <where>', 'threads: one worker per actor; inline: all actors on one thread', oneOf('--placement', ['threads', 'inline'] as const), 'threads')
    .option('--clock <mode>', 'lockstep: deterministic ticks; realtime: wall-clock delivery', oneOf('--clock', ['lockstep', 'realtime'] as const), 'lockstep')
    .option('--speed <x>', `with --clock realtime: x ticks per 33 ms of wall time (default 1, at most ${MAX_SPEED}); idle stretches are jumped either way`, positiveNumber('--speed', MAX_SPEED))
    .option('--script <file.lisp>', 'the operator script to play with (default: actors/mission-runner/autopilot.lisp)', inputText('--script'))
    .option('--flash <image>', 'keep the deck on this flash image: a second run continues the campaign (created if missing, in a folder that exists)', flashImage('--flash'))
    .addOption(
      new Option('--off <duration>', 'with --flash: how long the deck was switched off since the image was last saved (30m, 4h, 2d…)')
        .argParser(duration('--off'))
        .default(DEFAULT_OFF_MS, '4h'),
    )
    .option('--graph <dir>', 'write each mission\'s objective graph as a task-graph SVG into this folder, at accept and at resolve (mission-NNNN-accept.svg, mission-NNNN-resolve.svg)', outputDir('--graph'))
    .option('--frames <dir>', 'write a PNG of the deck\'s screen at every screen change into this folder', outputDir('--frames'))
    .option('--frames-max <n>', 'with --frames: write at most this many', integer('--frames-max', 1, 1_000_000), DEFAULT_MAX_FRAMES)
    .option('--frames-full', 'with --frames: the whole 128×75 screen in each PNG (default: cropped to what is drawn, the empty band above CIPHER\'s line shrunk to a row)')
    .option('--ticks <n>', 'stop after this many ticks of deck time at the latest (30 per second)', integer('--ticks', 1, Number.MAX_SAFE_INTEGER))
    .option('--trace <file.json>', 'write a Chrome Trace Event file (open in ui.perfetto.dev)', outputFile('--trace'))
    .option('--trace-jsonl <file>', 'stream every trace record as JSON lines', outputFile('--trace-jsonl'))
    .option('--json', 'print only a JSON summary as the last line', false)
    .option('--verbose', 'log every board and goal change', false)
    .option('--quiet', 'print only the summary at the end (or, with --json, the JSON line): no story, no progress bar', false)
    .addHelpText('after', '\nExamples:\n  nosh run --seed 7 --missions 30 --json\n  nosh run --clock realtime --speed 50 --placement threads --missions 5\n  nosh run --flash deck.img --missions 5 --off 3d\n  nosh run --seed 7 --missions 1 --placement inline --frames frames/\n  nosh run --seed 7 --missions 3 --graph graphs    # task-graph SVGs, one per mission at accept and at resolve')
    .action(async (opts: RunOptions, command: Command) => {
      if (command.getOptionValueSource('off') === 'cli' && opts.flash === undefined) throw new UsageError('--off says how long the deck was switched off between two runs kept on one flash image: give it with --flash IMAGE.');
      if (opts.quiet && opts.verbose) throw new UsageError('--quiet and --verbose ask for opposite things: give one of them.');
      for (const flag of ['framesMax', 'framesFull'] as const) {
        if (command.getOptionValueSource(flag) === 'cli' && opts.frames === undefined) throw new UsageError(`--${flag === 'framesMax' ? 'frames-max' : 'frames-full'} shapes what --frames DIR writes: give it with --frames.`);
      }
      if (opts.speed !== undefined && opts.clock !== 'realtime') throw new UsageError('--speed paces the realtime clock: give it with --clock realtime (lockstep runs as fast as it can).');
      const { runAction } = await import('../actions/run.js');
      await runAction(opts);
    });
}
