import { deckCatalog } from '../../actors/catalog.js';
import type { DeckEvent } from '../../actors/mission-control/messages.js';
import type { Uds } from '../deck/uds.js';
import { DEFAULT_EPOCH_MS, DEFAULT_TICK_MS, virtualTimeMs } from '../runtime/clock.js';
import type { Placement } from '../runtime/coordinator.js';
import type { Envelope } from '../runtime/envelope.js';
import type { ClockMode } from '../runtime/protocol.js';
import { Runtime } from '../runtime/runtime.js';
import type { TraceSink } from '../runtime/trace/sink.js';
import { ChromeTraceWriter } from '../runtime/trace/chrome-writer.js';
import { DEFAULT_OFF_MS } from './defaults.js';
import { readDeckImage } from './deck-image.js';
import { type FaultCounts, FaultInjector, type FaultRates } from './faults/index.js';
import { InvariantChecker, type Violation, allInvariants, readContent } from './invariants/index.js';
import { type MissionPoint, MissionSeries } from './mission-series.js';
import { MissionWindow } from './mission-window.js';
import { FrameRecorder } from './frame-recorder.js';
import { CampaignTally } from './tally.js';
import { Watchdog } from './watchdog.js';
import { AUTOPILOT, type CartLibrary, loadCartLibrary, loadScript } from './cart-files.js';
import { spawnDeckActors } from './deck-actors.js';

export interface CampaignConfig {
  readonly seed: number;
  readonly missions: number;
  readonly placement?: Placement;
  readonly clock?: ClockMode;
  /** Realtime: ticks per tick length of wall time (default 1). */
  readonly speed?: number;
  /** The operator script; the shipped autopilot by default. */
  readonly script?: { readonly name: string; readonly text: string };
  /** Flash image file to keep the deck on (null: a chip in memory, gone when the run ends). */
  readonly flash?: string | null;
  /** How long the deck was switched off before this run, when it boots from a saved image (default 4 h). */
  readonly offMs?: number;
  /** A bound on deck time (ticks) so no campaign can run forever. */
  readonly maxTicks?: number;
  /** Write a PNG per screen change into this folder (at most `max`, default 500). */
  /** `full`: the whole 128×75 screen in every PNG, instead of cropped to what is drawn. */
  readonly frames?: { readonly dir: string; readonly max?: number; readonly full?: boolean };
  readonly traceFile?: string;
  readonly traceJsonl?: string;
  /** Check the seeds' invariants as the campaign plays (soak and replay do). */
  readonly checkInvariants?: boolean;
  /** Seeded faults (cart crashes, yanks, flash power cuts, script errors); none when absent. */
  readonly faults?: FaultRates | null;
  /** Test only: settlement N quietly loses one credit (proves the invariant checks bite). */
  readonly skimCredit?: number | null;
  /** Keep the per-mission series a soak report plots (bounded). */
  readonly series?: boolean;
  /** Write a Perfetto trace of mission N only (replay). */
  readonly missionTrace?: { readonly mission: number; readonly file: string };
  readonly sinks?: readonly TraceSink[];
  readonly library?: CartLibrary;
  /** Everything the deck says to the outside, as it happens (the CLI's log). */
  readonly onEnvelope?: (e: Envelope) => void;
  /** Called once everything is spawned, before the clock runs (tests use it to schedule faults). */
  readonly onStart?: (rt: Runtime) => void | Promise<void>;
  /** Called when the campaign is over, before the actors stop (to look inside them). */
  readonly onFinish?: (rt: Runtime) => void | Promise<void>;
}

export interface CampaignSummary {
  readonly seed: number;
  readonly placement: Placement;
  readonly missions: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly abandoned: number;
  readonly credits: number;
  readonly reputation: number;
  readonly intel: number;
  readonly hotSwaps: number;
  readonly restarts: number;
  readonly aborts: number;
  readonly scriptErrors: number;
  readonly powerCycles: number;
  readonly ticks: number;
  /** Ticks at which something happened; the rest were jumped over (idle time, power-off). */
  readonly steppedTicks: number;
  readonly envelopes: number;
  /** Envelopes a receiver refused (malformed, or a kind it does not take) and envelopes nobody could receive. */
  readonly rejected: number;
  readonly deadLetters: number;
  readonly traceHash: string | null;
  /** Why the run stopped: `done`, or the bound it hit. */
  readonly ended: string;
  /** Whether the deck booted from a saved state (a campaign continued from its flash image). */
  readonly resumed: boolean;
  /** Deck wall-clock time (ISO) when this run started and when it stopped. */
  readonly deckStart: string;
  readonly deckEnd: string;
  /** Screen changes written as PNG with `frames` (0 without). */
  readonly frames: number;
  /** Invariant violations found (all counted; the first few kept in full). Empty unless checked. */
  readonly violationCount: number;
  readonly violationsByInvariant: Readonly<Record<string, number>>;
  readonly violations: readonly Violation[];
  /** Faults injected, by kind; null without `faults`. */
  readonly faults: FaultCounts | null;
  /** Per-mission points for reports (every `stride`-th mission); null unless asked for. */
  readonly series: { readonly stride: number; readonly points: readonly MissionPoint[] } | null;
}

/** Ticks the deck may run before the campaign is declared stuck, per mission asked for. */
const TICKS_PER_MISSION_BOUND = 2_000_000;
/** Ticks stepped between two looks at the watchdog (a minute of deck time: how late a wedged campaign is stopped). */
const CHUNK = 1_800;

/**
 * One headless campaign: the deck's actors (Mission Control, the Mission
 * Runner with its script, CIPHER, the hold ticker, and the hardware: clock,
 * slot watcher, flash), lockstep by default, until the operator has played
 * `missions` missions. `(seed, config) → summary`.
 */
export async function runCampaign(config: CampaignConfig): Promise<CampaignSummary> {
  const library = config.library ?? loadCartLibrary();
  const script = config.script ?? loadScript(AUTOPILOT);
  const image = config.flash ? readDeckImage(config.flash) : null;
  const epochMs = resumeAt(image?.uds ?? null, config.offMs ?? DEFAULT_OFF_MS);
  const gaveUp = watchEscalations();
  const tally = new CampaignTally();
  const watchdog = new Watchdog();
  const checks = campaignSinks(config, library);
  const rt = new Runtime({
    seed: config.seed,
    catalog: deckCatalog,
    placement: config.placement ?? 'threads',
    clock: config.clock ?? 'lockstep',
    ...(config.speed !== undefined ? { speed: config.speed } : {}),
    tick: { epochMs },
    // Hot Swaps restart the cartridge actor: keep its code loaded in the standby workers.
    warmPreload: ['cartridge'],
    ...(config.traceFile ? { traceFile: config.traceFile } : {}),
    ...(config.traceJsonl ? { traceJsonl: config.traceJsonl } : {}),
    // A Perfetto trace of one mission shows time; nothing else a campaign writes does.
    ...(config.missionTrace ? { wallStamps: true } : {}),
    sinks: [...(config.sinks ?? []), tally, watchdog, ...checks.sinks, gaveUp.sink, ...(checks.faults ? [checks.faults] : [])],
  });
  checks.faults?.attach(rt);
  let done: { missions: number; errors: number; reason: string } | null = null;
  const frames = config.frames ? new FrameRecorder(config.frames.dir, config.frames.max, config.frames.full) : null;
  const subscription = rt.external$.subscribe((e) => {
    if (e.kind === 'campaign/done') done = e.body as { missions: number; errors: number; reason: string };
    if (e.kind === 'display/frame') frames?.take(e.body as { frame: number; rows: string[] }, e.tick);
    config.onEnvelope?.(e);
  });
  let ended = 'done';
  try {
    await spawnDeck(rt, config, library, script, image?.uds?.runCount ?? 0);
    if (frames) rt.send('display', 'display/watch', { to: '$frames' });
    await config.onStart?.(rt);
    const limit = config.maxTicks ?? TICKS_PER_MISSION_BOUND * Math.max(1, config.missions);
    while (done === null) {
      if (gaveUp.first) {
        ended = `stopped: ${gaveUp.first.actor} stopped after repeated crashes: ${gaveUp.first.error}`;
        break;
      }
      const late = watchdog.overdue(rt.tick);
      if (late !== null) {
        ended = `stopped: ${late}`;
        break;
      }
      // Jump straight to the next thing due (a power-off leaves days of nothing), then a chunk past it.
      const next = rt.nextDueTick();
      if (next === null) {
        ended = 'stopped: stalled: nothing is scheduled and the campaign has not finished';
        break;
      }
      const at = await rt.run(Math.min(limit, Math.max(next, rt.tick) + CHUNK));
      if (at >= limit && done === null) {
        ended = `stopped: tick limit ${limit}`;
        break;
      }
    }
    const summary: CampaignSummary = {
      ...summarize(rt, config, tally, ended, done, image?.uds != null, epochMs),
      frames: frames?.stats().written ?? 0,
      violationCount: checks.checker?.count ?? 0,
      violationsByInvariant: checks.checker?.byInvariant ?? {},
      violations: checks.checker?.violations ?? [],
      faults: checks.faults?.counts ?? null,
      series: checks.series ? { stride: checks.series.stride, points: checks.series.points } : null,
    };
    await config.onFinish?.(rt);
    return summary;
  } finally {
    subscription.unsubscribe();
    await rt.shutdown();
  }
}

async function spawnDeck(rt: Runtime, config: CampaignConfig, library: CartLibrary, script: { name: string; text: string }, baseRuns: number): Promise<void> {
  await spawnDeckActors(rt, { seed: config.seed, library, flash: config.flash ?? null, operator: 'mission-runner', skimAt: config.skimCredit ?? null, cipherWatchers: ['$cipher'] });
  await rt.spawn('mission-runner', { args: { script: script.text, scriptName: script.name, missions: config.missions, baseRuns } });
}

/**
 * Where the deck's clock starts: a saved deck continues its own timeline from
 * the moment of its last commit plus the time it spent switched off, so TTLs
 * run out while it is off; a new deck starts at the default epoch.
 */
export function resumeAt(saved: Uds | null, offMs: number): number {
  if (!Number.isSafeInteger(offMs) || offMs < 0) throw new RangeError(`off time must be a whole number of ms ≥ 0, got ${offMs}`);
  if (saved === null || saved.savedAt === 0) return DEFAULT_EPOCH_MS;
  return saved.savedAt + offMs;
}

/** The sinks that watch a campaign for soak and replay: invariants, the report's series, one mission's trace, faults (last: it sends). */
function campaignSinks(config: CampaignConfig, library: CartLibrary): { sinks: TraceSink[]; checker: InvariantChecker | null; series: MissionSeries | null; faults: FaultInjector | null } {
  const checker = config.checkInvariants ? new InvariantChecker(readContent(library.files), { missions: config.missions, faults: config.faults != null }, allInvariants()) : null;
  const series = config.series ? new MissionSeries() : null;
  const window = config.missionTrace
    ? new MissionWindow(new ChromeTraceWriter(config.missionTrace.file, `nosh seed=${config.seed} mission=${config.missionTrace.mission}`), config.missionTrace.mission)
    : null;
  const faults = config.faults ? new FaultInjector(config.seed, config.faults) : null;
  const sinks = [checker, series, window].filter((s): s is NonNullable<typeof s> => s !== null);
  return { sinks, checker, series, faults };
}

/** The first deck actor whose supervisor gave up on it: the campaign cannot go on without it. */
function watchEscalations(): { sink: TraceSink; first: { actor: string; error: string } | null } {
  const watch: { sink: TraceSink; first: { actor: string; error: string } | null } = {
    first: null,
    sink: {
      write(r) {
        if (r.type === 'escalate' && watch.first === null) watch.first = { actor: r.actor, error: r.error };
      },
      close() {},
    },
  };
  return watch;
}

function summarize(rt: Runtime, config: CampaignConfig, tally: CampaignTally, ended: string, done: { missions: number; reason: string } | null, resumed: boolean, epochMs: number): Omit<CampaignSummary, 'frames' | 'violationCount' | 'violationsByInvariant' | 'violations' | 'faults' | 'series'> {
  const s = rt.summary();
  return {
    seed: config.seed,
    placement: rt.placement,
    // Missions are the runs the deck resolved and kept (the runner's count); a settlement a reboot lost is played again.
    missions: done?.missions ?? tally.succeeded + tally.failed + tally.abandoned,
    succeeded: tally.succeeded,
    failed: tally.failed,
    abandoned: tally.abandoned,
    credits: tally.credits,
    reputation: tally.reputation,
    intel: tally.intel,
    hotSwaps: tally.hotSwaps,
    restarts: s.restarts,
    aborts: tally.aborts,
    scriptErrors: tally.scriptErrors,
    powerCycles: tally.powerCycles,
    ticks: rt.tick,
    steppedTicks: s.steppedTicks,
    envelopes: s.envelopes,
    rejected: s.rejected,
    deadLetters: s.deadLetters,
    traceHash: s.traceHash,
    ended: done?.reason ?? ended,
    resumed,
    deckStart: new Date(epochMs).toISOString(),
    deckEnd: new Date(virtualTimeMs({ epochMs, tickMs: DEFAULT_TICK_MS }, rt.tick)).toISOString(),
  };
}

export type { DeckEvent };
