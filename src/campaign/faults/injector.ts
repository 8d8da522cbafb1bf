import { type Rng, rngFromSeed } from '../../runtime/rng.js';
import type { Runtime } from '../../runtime/runtime.js';
import type { SendRecord, TraceRecord } from '../../runtime/trace/record.js';
import type { TraceSink } from '../../runtime/trace/sink.js';
import { type FaultCounts, type FaultKind, type FaultRates, noFaults } from './rates.js';
import { at } from '../../assert.js';

/** A cart's move stream this long is enough to strike somewhere in the middle of a call. */
const MAX_STRIKE_AT = 6;
/**
 * A mission's faults strike within this many of the deck's reports after acceptance: late enough to
 * land after a mission's goals have closed and its branches were chosen (a restore then has choices
 * and escrow to keep right), or in the next mission when this one ended first.
 */
const MAX_MISSION_STRIKE_AT = 40;
/** A power cut lands this many program/erase steps or fewer after it is armed. */
const MAX_CUT_STEP = 24;
/** A script fault strikes at one of the next deck calls, late in a mission or in the next one (so an abandon can carry escrowed goals done). */
const MAX_SCRIPT_CALL = 24;
const DELAY_TICKS: readonly [number, number] = [1, 30];
const STALL_TICKS: readonly [number, number] = [30, 300];
const REBOOT_TICKS: readonly [number, number] = [2, 30];

/** What a crash or a stall may strike: every deck actor but the clock (the lockstep's time base; a deck without it has no ticks). */
const DECK_ACTORS = ['cipher', 'display', 'flash', 'hold-ticker', 'mission-control', 'mission-runner', 'slot-watcher'] as const;
/** What a reboot takes down: everything with memory (the clock keeps time on its own battery). */
const VOLATILE = ['baseline', 'cart', ...DECK_ACTORS] as const;
/** The conversations a delay may strike: requests and answers, not the clock's ticks or the kernel's own messages. */
const DELAYABLE = ['op/', 'cart/prompt', 'cart/move', 'cart/telemetry', 'capability/', 'flash/write', 'flash/ack', 'flash/state', 'flash/failed', 'cipher/event', 'display/draw', 'mission/changed', 'deck/ready'];

type Strike = { readonly kind: 'crash' | 'stall'; readonly target: string; readonly inHandler: boolean; readonly ticks: number } | { readonly kind: 'reboot' };

/**
 * Seeded fault injection from outside the actors, as the trace goes by (the
 * catalogue is rates.ts). Its decisions come from its own stream of the
 * campaign seed and the records it sees in canonical order, and its actions
 * are the kernel's lockstep fault hooks and envelopes from `$faults`, so a
 * campaign with faults replays exactly, on either placement.
 */
export class FaultInjector implements TraceSink {
  readonly counts: FaultCounts = noFaults();
  private readonly rng: Rng;
  private rt: Runtime | null = null;
  private cartStrike: { kind: 'crash' | 'yank'; at: number; seen: number; inHandler: boolean } | null = null;
  /** Mission faults waiting for their moment: the n-th deck report from now. */
  private pending: Array<{ strike: Strike; in: number }> = [];
  /** A reboot armed on the flash: the next power loss in a commit takes the whole deck down. */
  private rebootOnCut = false;

  constructor(
    seed: number,
    private readonly rates: FaultRates,
  ) {
    this.rng = rngFromSeed(`faults:${seed}`);
  }

  /** The operator switched the deck off (between its power events). */
  private off = false;

  attach(rt: Runtime): void {
    this.rt = rt;
  }

  write(r: TraceRecord): void {
    if (r.type !== 'send' || this.rt === null) return;
    if (this.rates.delay > 0 && delayable(r) && this.rng.chance(this.rates.delay)) this.delay(r);
    switch (r.kind) {
      case 'deck/event':
        return this.onDeckEvent(r.body as { type: string; on?: boolean });
      case 'cart/telemetry':
        if (r.to === 'mission-control') this.onTelemetry(r);
        return;
      case 'flash/write':
        return this.onCommit();
      case 'flash/power-lost':
        return this.onPowerLost();
      case 'runner/error':
        if (String((r.body as { error?: unknown }).error).includes('injected fault')) this.counts.script++;
        return;
      default:
        return;
    }
  }

  close(): void {}

  private get runtime(): Runtime {
    return this.rt as Runtime;
  }

  private onDeckEvent(e: { type: string; on?: boolean }): void {
    // Nothing runs while the deck is switched off, so nothing can crash or lose power then: the strikes
    // due wait for it to come back on (a cut at the power-off left the clock off under a booted deck).
    if (e.type === 'power') this.off = e.on === false;
    if (!this.off) this.countDown();
    switch (e.type) {
      case 'call':
        this.cartStrike = this.chance('crash')
          ? { kind: 'crash', at: this.rng.range(1, MAX_STRIKE_AT), seen: 0, inHandler: this.rng.chance(0.5) }
          : this.chance('yank')
            ? { kind: 'yank', at: this.rng.range(1, MAX_STRIKE_AT), seen: 0, inHandler: false }
            : null;
        return;
      case 'call-result':
      case 'settled':
        this.cartStrike = null;
        return;
      case 'accepted':
        return this.armMission();
      case 'power':
        // Between runs of the deck: while it is off its cells may rot.
        if (e.on === false && this.chance('corrupt')) {
          this.counts.corrupt++;
          this.runtime.send('flash', 'flash/corrupt', { bits: this.rng.range(1, 3), seed: this.rng.int(0x7fff_ffff), target: this.rng.chance(0.5) ? 'newest' : 'anywhere' }, { from: '$faults' });
        }
        return;
      default:
        return;
    }
  }

  /** A mission begins: its crash, stall, reboot and script faults are drawn now and strike later in it. */
  private armMission(): void {
    const later = (): number => this.rng.range(1, MAX_MISSION_STRIKE_AT);
    if (this.chance('crash')) this.pending.push({ strike: { kind: 'crash', target: this.pick(DECK_ACTORS), inHandler: this.rng.chance(0.5), ticks: 0 }, in: later() });
    if (this.chance('stall')) this.pending.push({ strike: { kind: 'stall', target: this.pick(DECK_ACTORS), inHandler: false, ticks: this.rng.range(STALL_TICKS[0], STALL_TICKS[1]) }, in: later() });
    if (this.chance('reboot')) {
      // Half the reboots cut the power in the middle of a flash commit, half at any moment.
      if (this.rng.chance(0.5)) {
        this.rebootOnCut = true;
        this.runtime.send('flash', 'flash/arm-power-cut', { afterSteps: this.rng.int(MAX_CUT_STEP), seed: this.rng.int(0x7fff_ffff) }, { from: '$faults' });
      } else this.pending.push({ strike: { kind: 'reboot' }, in: later() });
    }
    if (this.chance('script')) {
      this.runtime.send('mission-runner', 'runner/fault', { message: 'injected fault: the operator script failed here', atCall: this.rng.range(1, MAX_SCRIPT_CALL) }, { from: '$faults' });
    }
  }

  private countDown(): void {
    if (this.pending.length === 0) return;
    const due = this.pending.filter((p) => --p.in <= 0);
    this.pending = this.pending.filter((p) => p.in > 0);
    for (const p of due) this.strike(p.strike);
  }

  private strike(s: Strike): void {
    const rt = this.runtime;
    if (s.kind === 'reboot') return this.reboot('injected fault: the power went');
    if (!rt.actors().includes(s.target)) return;
    if (s.kind === 'stall') {
      this.counts.stall++;
      rt.stall(s.target, s.ticks);
      return;
    }
    this.counts.crash++;
    if (s.inHandler) rt.crashInHandler(s.target, `injected fault: ${s.target} crashed inside a handler`);
    else rt.kill(s.target, `injected fault: ${s.target} crashed`);
  }

  private reboot(reason: string): void {
    this.counts.reboot++;
    this.rebootOnCut = false;
    this.runtime.powerCut(VOLATILE, reason, this.rng.range(REBOOT_TICKS[0], REBOOT_TICKS[1]));
  }

  /** A commit goes to the flash: the chip's own faults strike here. */
  private onCommit(): void {
    const rt = this.runtime;
    const flash = (kind: string, body: Record<string, unknown>): void => rt.send('flash', kind, body, { from: '$faults' });
    // Armed now, the cut lands within MAX_CUT_STEP program/erase steps: in the next commit, or a later one if that is shorter.
    if (this.chance('power')) flash('flash/arm-power-cut', { afterSteps: this.rng.int(MAX_CUT_STEP), seed: this.rng.int(0x7fff_ffff) });
    if (this.chance('badblock')) {
      this.counts.badblock++;
      flash('flash/bad-block', { seed: this.rng.int(0x7fff_ffff) });
    }
    if (this.chance('wear')) {
      this.counts.wear++;
      flash('flash/wear', { seed: this.rng.int(0x7fff_ffff), erases: this.rng.range(100_000, 300_000) });
    }
    if (this.chance('full')) {
      this.counts.full++;
      flash('flash/fill', { blocks: this.rng.range(40, 60), ticks: this.rng.range(300, 1_800) });
    }
  }

  private onPowerLost(): void {
    if (this.rebootOnCut) this.reboot('injected fault: the power went in the middle of a flash commit');
    else this.counts.power++;
  }

  /** The cart is mid-call (it just reported a move): strike if this is the move chosen. */
  private onTelemetry(r: SendRecord): void {
    const s = this.cartStrike;
    if (s === null || ++s.seen < s.at) return;
    this.cartStrike = null;
    const rt = this.runtime;
    if (s.kind === 'crash') {
      this.counts.crash++;
      if (s.inHandler) rt.crashInHandler(r.from, 'injected fault: the cart crashed inside a handler');
      else rt.kill(r.from, 'injected fault: the cart crashed mid-call');
    } else if (r.from === 'cart') {
      // Only a physical cart can be pulled; a System baseline has no slot.
      this.counts.yank++;
      rt.send('slot-watcher', 'slot/yank', {}, { from: '$faults' });
    }
  }

  private delay(r: SendRecord): void {
    this.counts.delay++;
    this.runtime.delay(r.from, r.seq, this.rng.range(DELAY_TICKS[0], DELAY_TICKS[1]));
  }

  private chance(kind: FaultKind): boolean {
    const p = this.rates[kind];
    return p > 0 && this.rng.chance(p);
  }

  private pick<T>(xs: readonly T[]): T {
    return at(xs, this.rng.int(xs.length));
  }
}

function delayable(r: SendRecord): boolean {
  if (r.from.startsWith('$') || r.to.startsWith('$') || r.from === r.to) return false;
  return DELAYABLE.some((k) => (k.endsWith('/') ? r.kind.startsWith(k) : r.kind === k));
}
