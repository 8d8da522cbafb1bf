import * as v from 'valibot';
import { type ActorContext, defineActor } from '../../src/runtime/actor.js';
import { peer } from '../../src/runtime/peer.js';
import { rngFromSeed } from '../../src/runtime/rng.js';
import { ticksForCycles } from '../clock/deck-clock.js';
import { chipMemoryBytes, chipOnMemory } from './chip-memory.js';
import { CommitRefusedError, PowerLossError } from './errors.js';
import { MAX_FILLS, addWear, chooseFill, corruptionRegion, flipBits, goBad } from './faults.js';
import { DEFAULT_GEOMETRY } from './geometry.js';
import { openFlashImage } from './image-file.js';
import { LogStore, type MountReport, foundDamage } from './log-store.js';
import { FlashInbox, FlashReplies } from './inbox.js';
import { NorFlash } from './nor-flash.js';

const CHIP_MEMORY_BYTES = chipMemoryBytes(DEFAULT_GEOMETRY);

type FlashContext = ActorContext<typeof FlashInbox>;
/** Whoever asked: replies go back to the sender of the request, which accepts the flash's replies. */
const client = (id: string) => peer(FlashReplies, id);

/** What `flash/state` carries. */
export interface FlashState {
  readonly state: string | null;
  readonly seq: number | null;
  /** What the last mount (boot, power-on, corruption) found. */
  readonly report: MountReport;
  /** That mount passed over a record newer than the one recovered, or found headers and no intact record. */
  readonly damaged: boolean;
  readonly warnings: readonly string[];
  /** This controller made a blank chip (a new image file, or an in-memory chip); false for an existing image or shared chip memory. */
  readonly created: boolean;
}

const FlashArgs = v.pipe(
  v.object({
    /** Image file backing the chip; null keeps the chip in memory (tests, soaks without persistence). */
    image: v.nullable(v.string()),
    /** The chip's cells in shared memory (`newChipMemory()`), so they outlive this controller: a restart re-mounts them. */
    memory: v.optional(
      v.nullable(
        v.custom<SharedArrayBuffer>(
          (m) => m instanceof SharedArrayBuffer && m.byteLength === CHIP_MEMORY_BYTES,
          (issue) => `chip memory must be a SharedArrayBuffer of ${CHIP_MEMORY_BYTES} bytes from newChipMemory(), got ${describeMemory(issue.input)}`,
        ),
      ),
      null,
    ),
    cyclesPerTick: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1_000_000),
  }),
  v.check((a) => a.image === null || a.memory === null, 'give the chip an image file or shared memory, not both'),
);

interface FlashActorState {
  readonly chip: NorFlash;
  store: LogStore;
  report: MountReport;
  readonly warnings: readonly string[];
  readonly created: boolean;
  readonly cyclesPerTick: number;
  /** Blocks held by fills, by fill id; ids carry the incarnation, so a release a crashed controller scheduled frees nothing of a later one. */
  readonly fills: Map<string, readonly number[]>;
  nextFill: number;
  corruptions: number;
  bitsFlipped: number;
  /** The newest commit order applied, per writer (bounded: a deck has one writer). */
  readonly applied: Map<string, { life: number; n: number }>;
}

const MAX_WRITERS = 8;

/** Whether `order` is not newer than the last commit applied for `from` (and if newer, remember it). */
function stale(state: FlashActorState, from: string, order: { life: number; n: number } | undefined): boolean {
  if (order === undefined) return false;
  const last = state.applied.get(from);
  if (last !== undefined && (order.life < last.life || (order.life === last.life && order.n <= last.n))) return true;
  if (last === undefined && state.applied.size >= MAX_WRITERS) state.applied.delete(state.applied.keys().next().value as string);
  state.applied.set(from, order);
  return false;
}

/**
 * The deck's flash chip as hardware: writes take the cycles the chip says
 * they take (answered that many ticks later), power can be cut mid-commit,
 * power-on remounts whatever survived, and the soak's flash faults (bad and
 * worn blocks, a full chip, bit rot) act on the chip itself.
 */
export default defineActor({
  name: 'flash',
  inbox: FlashInbox,
  args: FlashArgs,
  init(args): FlashActorState {
    const opened =
      args.image !== null
        ? openFlashImage(args.image)
        : args.memory !== null
          ? { chip: chipOnMemory(args.memory, DEFAULT_GEOMETRY), created: false, warnings: [] }
          : { chip: new NorFlash(DEFAULT_GEOMETRY), created: true, warnings: [] };
    const { store, report } = LogStore.mount(opened.chip);
    return {
      chip: opened.chip, store, report, warnings: opened.warnings, created: opened.created, cyclesPerTick: args.cyclesPerTick,
      fills: new Map(), nextFill: 0, corruptions: 0, bitsFlipped: 0, applied: new Map(),
    };
  },
  receive(state, msg, ctx): FlashActorState {
    switch (msg.kind) {
      case 'flash/write': {
        const tag = msg.body.tag ?? null;
        if (stale(state, msg.from, msg.body.order)) {
          ctx.mark('flash commit refused', { tag, error: 'stale' });
          ctx.send(client(msg.from), 'flash/failed', { tag, error: 'a newer commit from the same writer already landed: this one arrived late' });
          return state;
        }
        write(state, msg.from, msg.body.state, tag, ctx);
        return state;
      }
      case 'flash/read':
        ctx.send(client(msg.from), 'flash/state', { ...describe(state), reqId: msg.body.reqId ?? null });
        return state;
      case 'flash/arm-power-cut':
        state.chip.armPowerCut(msg.body.afterSteps, rngFromSeed(`power-cut:${msg.body.seed ?? 0}`));
        return state;
      case 'flash/power-on':
        state.chip.powerOn();
        remount(state);
        ctx.send(client(msg.from), 'flash/state', { ...describe(state), reqId: msg.body.reqId ?? null });
        return state;
      case 'flash/bad-block': {
        const out = goBad(state.chip, state.store, rngFromSeed(`flash/bad-block:${msg.body.seed}`));
        ctx.mark('refused' in out ? 'flash bad-block refused' : 'flash bad-block', { seed: msg.body.seed, ...out });
        return state;
      }
      case 'flash/wear': {
        const out = addWear(state.chip, rngFromSeed(`flash/wear:${msg.body.seed}`), msg.body.erases);
        ctx.mark('refused' in out ? 'flash wear refused' : 'flash wear', { seed: msg.body.seed, erases: msg.body.erases, ...out });
        return state;
      }
      case 'flash/fill':
        fill(state, msg.body.blocks, msg.body.ticks, ctx);
        return state;
      case 'flash/fill-release':
        release(state, msg.body.fill, ctx);
        return state;
      case 'flash/corrupt':
        corrupt(state, msg.body.bits, msg.body.seed, msg.body.target, ctx);
        return state;
    }
  },
  view: (s) => ({
    seq: s.store.sequence,
    commits: s.store.commits,
    cycles: s.chip.cycles,
    badBlocks: s.store.badBlocks,
    defectiveBlocks: s.chip.defectiveBlocks,
    takenBlocks: takenBlocks(s),
    corruptions: s.corruptions,
    bitsFlipped: s.bitsFlipped,
    powered: s.chip.isPowered,
  }),
  dispose: (s) => s.chip.close(),
});

function write(state: FlashActorState, from: string, base64: string, tag: string | null, ctx: FlashContext): void {
  const before = state.chip.cycles;
  const after = (): number => ticksForCycles({ cyclesPerTick: state.cyclesPerTick, tickMs: ctx.tickMs, epochMs: 0 }, state.chip.cycles - before);
  try {
    const { seq } = state.store.commit(Buffer.from(base64, 'base64'));
    ctx.send(client(from), 'flash/ack', { seq, tag, cycles: state.chip.cycles - before }, { after: after() });
  } catch (err) {
    if (err instanceof PowerLossError) {
      ctx.mark('power lost', { during: err.message, tag });
      ctx.send(client(from), 'flash/power-lost', { tag, during: err.message });
      return;
    }
    // No room (bad, worn or taken blocks), too large: the chip still holds the previous state; the writer hears why.
    if (!(err instanceof CommitRefusedError)) throw err;
    ctx.mark('flash commit failed', { tag, error: err.message });
    ctx.send(client(from), 'flash/failed', { tag, error: err.message }, { after: after() });
  }
}

function fill(state: FlashActorState, count: number, ticks: number, ctx: FlashContext): void {
  if (state.fills.size >= MAX_FILLS) {
    ctx.mark('flash fill refused', { blocks: count, ticks, refused: `${state.fills.size} fills already hold blocks; at most ${MAX_FILLS}` });
    return;
  }
  const blocks = chooseFill(state.chip, state.store, new Set(takenBlocks(state)), count);
  const id = `f${ctx.incarnation}-${state.nextFill++}`;
  state.fills.set(id, blocks);
  state.store.setTaken(takenBlocks(state));
  ctx.mark('flash fill', { fill: id, asked: count, blocks, ticks });
  ctx.send(ctx.self, 'flash/fill-release', { fill: id }, { after: ticks });
}

function release(state: FlashActorState, id: string, ctx: FlashContext): void {
  const blocks = state.fills.get(id);
  if (blocks === undefined) {
    // A fill this controller never made: one a crashed incarnation scheduled (its bookkeeping died with it).
    ctx.mark('flash fill release ignored', { fill: id });
    return;
  }
  state.fills.delete(id);
  state.store.setTaken(takenBlocks(state));
  ctx.mark('flash fill released', { fill: id, blocks });
}

/** Bit rot while the deck is off: flip the bits, then mount as the next boot will (when the chip has power; power-on mounts otherwise). */
function corrupt(state: FlashActorState, bits: number, seed: number, target: 'newest' | 'anywhere', ctx: FlashContext): void {
  const region = corruptionRegion(state.chip, state.store, target);
  if ('refused' in region) {
    ctx.mark('flash corrupt refused', { bits, seed, target, refused: region.refused });
    return;
  }
  const at = flipBits(state.chip, region, bits, rngFromSeed(`flash/corrupt:${seed}`));
  state.corruptions++;
  state.bitsFlipped += bits;
  if (state.chip.isPowered) remount(state);
  ctx.mark('flash corrupt', { bits, seed, target, at, recoveredSeq: state.report.recoveredSeq, dropped: state.report.dropped.length });
}

function remount(state: FlashActorState): void {
  const mounted = LogStore.mount(state.chip);
  mounted.store.setTaken(takenBlocks(state));
  state.store = mounted.store;
  state.report = mounted.report;
}

function takenBlocks(state: FlashActorState): number[] {
  return [...state.fills.values()].flat().sort((a, b) => a - b);
}

function describe(state: FlashActorState): FlashState {
  const bytes = state.store.read();
  return {
    state: bytes ? Buffer.from(bytes).toString('base64') : null,
    seq: state.store.sequence,
    report: state.report,
    damaged: foundDamage(state.report),
    warnings: state.warnings,
    created: state.created,
  };
}

function describeMemory(m: unknown): string {
  if (m instanceof SharedArrayBuffer) return `one of ${m.byteLength} bytes`;
  if (m instanceof ArrayBuffer) return `an ArrayBuffer (not shared) of ${m.byteLength} bytes`;
  return m === null ? 'null' : typeof m;
}
