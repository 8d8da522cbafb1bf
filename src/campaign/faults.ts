import { type Rng, rngFromSeed } from '../runtime/rng.js';
import type { Runtime } from '../runtime/runtime.js';
import type { SendRecord, TraceRecord } from '../runtime/trace/record.js';
import type { TraceSink } from '../runtime/trace/sink.js';

/**
 * How often each fault strikes, as a probability per opportunity:
 * `cartCrash` and `yank` per capability call, `powerLoss` per flash commit,
 * `scriptError` per mission.
 */
export interface FaultRates {
  readonly cartCrash: number;
  readonly yank: number;
  readonly powerLoss: number;
  readonly scriptError: number;
}

/** `--faults` with no rates: every kind strikes often enough that a 100-mission campaign meets each a few times. */
export const DEFAULT_FAULT_RATES: FaultRates = { cartCrash: 0.05, yank: 0.04, powerLoss: 0.02, scriptError: 0.03 };

export const FAULT_NAMES = { crash: 'cartCrash', yank: 'yank', power: 'powerLoss', script: 'scriptError' } as const;

export interface FaultCounts {
  cartCrashes: number;
  yanks: number;
  powerLosses: number;
  scriptErrors: number;
}

/** A cart's move stream this long is enough to strike somewhere in the middle of a call. */
const MAX_STRIKE_AT = 6;
/** A power cut lands this many program/erase steps or fewer after it is armed. */
const MAX_CUT_STEP = 24;

/** `crash=0.1,yank=0,power=0.05,script=0.02` (any subset; the rest keep their defaults). */
export function parseFaultRates(text: string): FaultRates {
  const rates: Record<string, number> = { ...DEFAULT_FAULT_RATES };
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const pieces = part.split('=').map((x) => x.trim());
    if (pieces.length !== 2) throw new RangeError(`fault rate '${part.trim()}' must read name=probability`);
    const [name, value] = pieces;
    const key = FAULT_NAMES[name as keyof typeof FAULT_NAMES];
    if (key === undefined) throw new RangeError(`unknown fault '${name}' (faults: ${Object.keys(FAULT_NAMES).join(', ')})`);
    const p = Number(value);
    if (value === undefined || value === '' || !(p >= 0 && p <= 1)) throw new RangeError(`fault rate ${name}=${value ?? ''} must be a probability between 0 and 1`);
    rates[key] = p;
  }
  return rates as unknown as FaultRates;
}

/**
 * Seeded fault injection from outside the actors, as the trace goes by: it
 * kills the cart mid-call, yanks it from the slot, cuts the flash's power
 * during a commit and breaks the operator script's next deck call. Its
 * decisions come from its own stream of the campaign seed and the records
 * it sees arrive in canonical order, so a campaign with faults replays
 * exactly, on either placement.
 */
export class FaultInjector implements TraceSink {
  readonly counts: FaultCounts = { cartCrashes: 0, yanks: 0, powerLosses: 0, scriptErrors: 0 };
  private readonly rng: Rng;
  private rt: Runtime | null = null;
  private strike: { kind: 'crash' | 'yank'; at: number; seen: number } | null = null;

  constructor(
    seed: number,
    private readonly rates: FaultRates,
  ) {
    this.rng = rngFromSeed(`faults:${seed}`);
  }

  attach(rt: Runtime): void {
    this.rt = rt;
  }

  write(r: TraceRecord): void {
    if (r.type !== 'send' || this.rt === null) return;
    if (r.kind === 'deck/event') this.onDeckEvent(r.body as { type: string; swap?: boolean });
    else if (r.kind === 'cart/telemetry' && r.to === 'mission-control') this.onTelemetry(r);
    else if (r.kind === 'flash/power-lost') this.counts.powerLosses++;
    else if (r.kind === 'flash/write' && this.rng.chance(this.rates.powerLoss)) {
      // Armed now, the cut lands within MAX_CUT_STEP program/erase steps: in the next commit, or a later one if that is shorter.
      this.rt.send('flash', 'flash/arm-power-cut', { afterSteps: this.rng.int(MAX_CUT_STEP), seed: this.rng.int(0x7fff_ffff) });
    }
  }

  close(): void {}

  private onDeckEvent(e: { type: string }): void {
    const rt = this.rt as Runtime;
    switch (e.type) {
      case 'call':
        this.strike = this.rng.chance(this.rates.cartCrash)
          ? { kind: 'crash', at: this.rng.range(1, MAX_STRIKE_AT), seen: 0 }
          : this.rng.chance(this.rates.yank)
            ? { kind: 'yank', at: this.rng.range(1, MAX_STRIKE_AT), seen: 0 }
            : null;
        return;
      case 'call-result':
      case 'settled':
        this.strike = null;
        return;
      case 'accepted':
        if (this.rng.chance(this.rates.scriptError)) {
          this.counts.scriptErrors++;
          rt.send('mission-runner', 'runner/fault', { message: 'injected fault: the operator script failed here' });
        }
        return;
      default:
        return;
    }
  }

  /** The cart is mid-call (it just reported a move): strike if this is the move chosen. */
  private onTelemetry(r: SendRecord): void {
    const s = this.strike;
    if (s === null || ++s.seen < s.at) return;
    this.strike = null;
    const rt = this.rt as Runtime;
    if (s.kind === 'crash') {
      this.counts.cartCrashes++;
      rt.kill(r.from, 'injected fault: the cart crashed mid-call');
    } else if (r.from === 'cart') {
      // Only a physical cart can be pulled; a System baseline has no slot.
      this.counts.yanks++;
      rt.send('slot-watcher', 'slot/yank', {});
    }
  }
}
