import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { type MessageOf, defineInbox } from '../../src/runtime/inbox.js';
import { rngFromSeed } from '../../src/runtime/rng.js';
import { ticksForCycles } from '../clock/deck-clock.js';
import { PowerLossError } from './errors.js';
import { DEFAULT_GEOMETRY } from './geometry.js';
import { openFlashImage } from './image-file.js';
import { LogStore, type MountReport } from './log-store.js';
import { NorFlash } from './nor-flash.js';

/**
 * Deck state travels as base64 in envelopes: bodies stay plain JSON data, so
 * traces stay compact and hashing stays fast.
 */
export const FlashInbox = defineInbox({
  /** Commit a new deck state atomically; answered with `flash/ack` when the chip is done (or `flash/power-lost`). */
  'flash/write': v.object({ state: v.string(), tag: v.optional(v.string()) }),
  /** Read the committed state: answered with `flash/state`. */
  'flash/read': v.object({}),
  /** Fault injection: lose power during the `afterSteps`-th program/erase from now. */
  'flash/arm-power-cut': v.object({ afterSteps: v.pipe(v.number(), v.integer(), v.minValue(0)), seed: v.optional(v.number()) }),
  /** Power returns: remount (recover the newest intact state) and answer with `flash/state`. */
  'flash/power-on': v.object({}),
});
export type FlashMessage = MessageOf<typeof FlashInbox>;

/** What `flash/state` carries. */
export interface FlashState {
  readonly state: string | null;
  readonly seq: number | null;
  readonly report: MountReport;
  readonly warnings: readonly string[];
  readonly created: boolean;
}

const FlashArgs = v.object({
  /** Image file backing the chip; null keeps the chip in memory (tests, soaks without persistence). */
  image: v.nullable(v.string()),
  cyclesPerTick: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1_000_000),
});

interface FlashActorState {
  readonly chip: NorFlash;
  store: LogStore;
  report: MountReport;
  readonly warnings: readonly string[];
  readonly created: boolean;
  readonly cyclesPerTick: number;
}

/**
 * The deck's flash chip as hardware: writes take the cycles the chip says
 * they take (answered that many ticks later), power can be cut mid-commit,
 * and power-on remounts whatever survived.
 */
export default defineActor({
  name: 'flash',
  inbox: FlashInbox,
  args: FlashArgs,
  init(args): FlashActorState {
    const opened = args.image === null ? { chip: new NorFlash(DEFAULT_GEOMETRY), created: true, warnings: [] } : openFlashImage(args.image);
    const { store, report } = LogStore.mount(opened.chip);
    return { chip: opened.chip, store, report, warnings: opened.warnings, created: opened.created, cyclesPerTick: args.cyclesPerTick };
  },
  receive(state, msg, ctx): FlashActorState {
    switch (msg.kind) {
      case 'flash/write':
        write(state, msg.from, msg.body.state, msg.body.tag ?? null, ctx);
        return state;
      case 'flash/read':
        ctx.send(msg.from, 'flash/state', describe(state));
        return state;
      case 'flash/arm-power-cut':
        state.chip.armPowerCut(msg.body.afterSteps, rngFromSeed(`power-cut:${msg.body.seed ?? 0}`));
        return state;
      case 'flash/power-on': {
        state.chip.powerOn();
        const mounted = LogStore.mount(state.chip);
        state.store = mounted.store;
        state.report = mounted.report;
        ctx.send(msg.from, 'flash/state', describe(state));
        return state;
      }
    }
  },
  view: (s) => ({ seq: s.store.sequence, commits: s.store.commits, cycles: s.chip.cycles, badBlocks: s.store.badBlocks, powered: s.chip.isPowered }),
  dispose: (s) => s.chip.close(),
});

function write(state: FlashActorState, from: string, base64: string, tag: string | null, ctx: ActorContext): void {
  const before = state.chip.cycles;
  try {
    const { seq } = state.store.commit(Buffer.from(base64, 'base64'));
    const cycles = state.chip.cycles - before;
    ctx.send(from, 'flash/ack', { seq, tag, cycles }, { after: ticksForCycles({ cyclesPerTick: state.cyclesPerTick, tickMs: ctx.tickMs, epochMs: 0 }, cycles) });
  } catch (err) {
    if (!(err instanceof PowerLossError)) throw err;
    ctx.mark('power lost', { during: err.message, tag });
    ctx.send(from, 'flash/power-lost', { tag, during: err.message });
  }
}

function describe(state: FlashActorState): FlashState {
  const bytes = state.store.read();
  return {
    state: bytes ? Buffer.from(bytes).toString('base64') : null,
    seq: state.store.sequence,
    report: state.report,
    warnings: state.warnings,
    created: state.created,
  };
}
