/** The deck's screen: 128 columns × 75 rows of character cells. */
export const COLS = 128;
export const ROWS = 75;

const SPACE = 0x20;
const ASCII: readonly string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/**
 * One frame of the character display: a cell per column and row, each one
 * Unicode code point (so `¤`, `◆` and box drawing take one cell, as on the deck).
 * Cells are code points in one typed array, so the bus's per-tick work —
 * comparing rows, copying them, cloning a frame — is integer loops and memcpy.
 */
export class Frame {
  private readonly cells: Uint32Array;
  /**
   * A flag per row written since the last `untouch()`: the bus compares only these rows (and those
   * it has not sent yet) when this frame is presented again, not the whole screen.
   */
  private readonly touched = new Uint8Array(ROWS).fill(1);

  constructor(cells?: readonly string[] | Uint32Array) {
    if (cells && cells.length !== COLS * ROWS) throw new RangeError(`a frame has ${COLS * ROWS} cells, got ${cells.length}`);
    if (cells instanceof Uint32Array) this.cells = cells.slice();
    else if (cells) this.cells = Uint32Array.from(cells, (ch) => ch.codePointAt(0) ?? SPACE);
    else this.cells = new Uint32Array(COLS * ROWS).fill(SPACE);
  }

  clone(): Frame {
    return new Frame(this.cells);
  }

  get(row: number, col: number): string {
    return String.fromCodePoint(this.cells[row * COLS + col] as number);
  }

  set(row: number, col: number, ch: string): void {
    if (row < 0 || row >= ROWS || col < 0 || col >= COLS) return;
    this.cells[row * COLS + col] = ch.codePointAt(0) ?? SPACE;
    this.touched[row] = 1;
  }

  /** Blank rows `from`..`to` (inclusive). */
  clearRows(from: number, to: number): void {
    const a = Math.max(0, from);
    const b = Math.min(ROWS - 1, to);
    if (a <= b) {
      this.cells.fill(SPACE, a * COLS, (b + 1) * COLS);
      this.touched.fill(1, a, b + 1);
    }
  }

  /** Whether row `r` was written since the last `untouch()`. */
  isTouched(r: number): boolean {
    return this.touched[r] === 1;
  }

  untouch(): void {
    this.touched.fill(0);
  }

  row(r: number): string {
    let s = '';
    const end = (r + 1) * COLS;
    for (let i = r * COLS; i < end; i++) {
      const cp = this.cells[i] as number;
      s += cp < ASCII.length ? (ASCII[cp] as string) : String.fromCodePoint(cp);
    }
    return s;
  }

  rows(): string[] {
    return Array.from({ length: ROWS }, (_, r) => this.row(r));
  }

  /** Copy one row from another frame (what the bus does when a row arrives). */
  copyRow(from: Frame, r: number): void {
    this.cells.set(from.cells.subarray(r * COLS, (r + 1) * COLS), r * COLS);
    this.touched[r] = 1;
  }

  /** Whether row `r` differs between this frame and `other`. */
  rowDiffers(other: Frame, r: number): boolean {
    const a = this.cells;
    const b = other.cells;
    const end = (r + 1) * COLS;
    for (let i = r * COLS; i < end; i++) if (a[i] !== b[i]) return true;
    return false;
  }

  /** The frame as text: 75 lines, trailing spaces trimmed. */
  toText(): string {
    return `${this.rows()
      .map((r) => r.trimEnd())
      .join('\n')}\n`;
  }
}
