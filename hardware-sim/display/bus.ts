import { COLS, Frame } from './frame.js';

/**
 * The link between the deck's processor and its display. It moves a fixed
 * number of bytes per cycle; a row goes over as an address word plus two
 * bytes per cell. Defaults: a 1 M-cycle tick (30 MHz at 30 Hz) and 40
 * cycles per byte, so a whole new screen (19,350 bytes) just fits in a tick.
 */
export interface BusConfig {
  readonly cyclesPerTick: number;
  readonly cyclesPerByte: number;
}

export const DEFAULT_BUS: BusConfig = { cyclesPerTick: 1_000_000, cyclesPerByte: 40 };
export const ROW_BYTES = 2 + 2 * COLS;

export interface BusTickReport {
  /** Rows that went over this tick. */
  readonly rows: number;
  readonly bytes: number;
  readonly cycles: number;
  /** The frame being sent is fully on the glass. */
  readonly completed: boolean;
  /** This tick ended with the glass showing part of the new frame and part of the old one. */
  readonly tore: boolean;
  /** …and this frame had not torn before: counted once per frame. */
  readonly newTear: boolean;
}

/**
 * What is on the glass versus what software last presented. Each tick the
 * bus sends dirty rows, top down, until its byte budget runs out: a frame
 * that does not fit tears (the glass shows a mix) and finishes next tick; a
 * frame presented before the previous one finished drops the previous one.
 */
export class DisplayBus {
  private readonly glass = new Frame();
  private target: Frame | null = null;
  private targetTore = false;
  frames = 0;
  tears = 0;
  drops = 0;
  bytes = 0;

  constructor(readonly config: BusConfig = DEFAULT_BUS) {
    if (!(config.cyclesPerTick > 0 && config.cyclesPerByte > 0)) throw new RangeError('bus cyclesPerTick and cyclesPerByte must be positive');
  }

  /** Bytes the bus can move in one tick. */
  get budget(): number {
    return Math.floor(this.config.cyclesPerTick / this.config.cyclesPerByte);
  }

  get busy(): boolean {
    return this.target !== null;
  }

  /** What the glass shows right now. */
  shown(): Frame {
    return this.glass.clone();
  }

  /** Hand the bus a new frame. Returns true if an unfinished previous frame was dropped. */
  present(frame: Frame): boolean {
    const dropped = this.target !== null;
    if (dropped) this.drops++;
    this.target = frame.clone();
    this.targetTore = false;
    return dropped;
  }

  /** One tick of bus time. */
  tick(): BusTickReport {
    if (!this.target) return { rows: 0, bytes: 0, cycles: 0, completed: false, tore: false, newTear: false };
    let budget = this.budget;
    let rows = 0;
    const dirty = this.target.dirtyRows(this.glass);
    for (const r of dirty) {
      if (budget < ROW_BYTES) break;
      this.glass.copyRow(this.target, r);
      budget -= ROW_BYTES;
      rows++;
    }
    const bytes = rows * ROW_BYTES;
    this.bytes += bytes;
    const completed = rows === dirty.length;
    const newTear = !completed && !this.targetTore;
    if (newTear) {
      this.tears++;
      this.targetTore = true;
    }
    if (completed) {
      this.frames++;
      this.target = null;
    }
    return { rows, bytes, cycles: bytes * this.config.cyclesPerByte, completed, tore: !completed, newTear };
  }
}

