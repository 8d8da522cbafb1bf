import type { WallClock } from './wall.js';

/** Fastest a realtime deck may run: at this speed one tick is 33 µs of wall time, about what a busy handler takes. */
export const MAX_SPEED = 1_000;

/**
 * Deck time in realtime mode: wall-paced, `speed` ticks per tick length of wall
 * time, from `(baseTick, baseWallNs)`. When nothing is due the coordinator jumps
 * it forward (as lockstep jumps idle ticks) and tells every host the new base,
 * so all threads agree on the tick. Wall time is the run's shared hrtime.
 */
export class RealtimeClock {
  private baseTick = 0;
  private baseWallNs = 0;
  private readonly nsPerTick: number;

  constructor(
    private readonly wall: WallClock,
    tickMs: number,
    readonly speed: number,
  ) {
    if (!(Number.isFinite(speed) && speed > 0 && speed <= MAX_SPEED)) throw new RangeError(`realtime speed must be above 0 and at most ${MAX_SPEED}, got ${speed}`);
    this.nsPerTick = (tickMs * 1e6) / speed;
  }

  now(): number {
    return this.baseTick + Math.floor((this.wall() - this.baseWallNs) / this.nsPerTick);
  }

  /** Wall milliseconds until `ticks` more ticks have passed. */
  wallMsFor(ticks: number): number {
    return Math.max(0, (ticks * this.nsPerTick) / 1e6);
  }

  /** Jump forward to `tick` now; returns the new base, for the hosts. */
  jumpTo(tick: number): ClockBase {
    const wallNs = this.wall();
    if (tick > this.now()) {
      this.baseTick = tick;
      this.baseWallNs = wallNs;
    }
    return { tick: this.baseTick, wallNs: this.baseWallNs };
  }

  /** A host adopts the coordinator's base (never going back). */
  adopt(base: ClockBase): void {
    const before = this.now();
    this.baseTick = base.tick;
    this.baseWallNs = base.wallNs;
    if (this.now() < before) {
      this.baseTick += before - this.now();
    }
  }
}

/** Where the realtime clock stands after a jump: tick `tick` at run-relative wall time `wallNs`. */
export interface ClockBase {
  readonly tick: number;
  readonly wallNs: number;
}
