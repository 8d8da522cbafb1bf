import { COLS, Frame, ROWS } from './frame.js';

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
  /** The frame being sent: one buffer for the bus's life, written over by each present (no copy per frame). */
  private readonly target = new Frame();
  /** The frame the target was last copied from: presenting it again copies and compares only its touched rows. */
  private source: Frame | null = null;
  private inFlight = false;
  private targetTore = false;
  /** Rows of the target still to send, top down: found once at present, since only the bus writes the glass. */
  private readonly pending = new Uint8Array(ROWS);
  private pendingCount = 0;
  /** Scratch for `present`: rows of the previous frame not sent yet. */
  private readonly unsent = new Uint8Array(ROWS);
  private sent = 0;
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
    return this.inFlight;
  }

  /** What the glass shows right now. */
  shown(): Frame {
    return this.glass.clone();
  }

  /** Hand the bus a new frame. Returns true if an unfinished previous frame was dropped. */
  present(frame: Frame): boolean {
    const dropped = this.inFlight;
    if (dropped) this.drops++;
    // The glass equals the last target except on rows not sent yet, and the frame equals the last
    // target except on the rows it touched since: a row outside both cannot differ from the glass.
    const again = frame === this.source;
    const unsent = this.unsent.fill(0);
    for (let i = this.sent; i < this.pendingCount; i++) unsent[this.pending[i] as number] = 1;
    this.pendingCount = 0;
    this.sent = 0;
    for (let r = 0; r < ROWS; r++) {
      if (again && !frame.isTouched(r) && unsent[r] === 0) continue;
      if (!again || frame.isTouched(r)) this.target.copyRow(frame, r);
      if (this.target.rowDiffers(this.glass, r)) this.pending[this.pendingCount++] = r;
    }
    frame.untouch();
    this.source = frame;
    this.inFlight = true;
    this.targetTore = false;
    return dropped;
  }

  /** One tick of bus time. */
  tick(): BusTickReport {
    if (!this.inFlight) return IDLE;
    let budget = this.budget;
    let rows = 0;
    while (this.sent < this.pendingCount && budget >= ROW_BYTES) {
      this.glass.copyRow(this.target, this.pending[this.sent++] as number);
      budget -= ROW_BYTES;
      rows++;
    }
    const bytes = rows * ROW_BYTES;
    this.bytes += bytes;
    const completed = this.sent === this.pendingCount;
    const newTear = !completed && !this.targetTore;
    if (newTear) {
      this.tears++;
      this.targetTore = true;
    }
    if (completed) {
      this.frames++;
      this.inFlight = false;
    }
    return { rows, bytes, cycles: bytes * this.config.cyclesPerByte, completed, tore: !completed, newTear };
  }
}

const IDLE: BusTickReport = Object.freeze({ rows: 0, bytes: 0, cycles: 0, completed: false, tore: false, newTear: false });
