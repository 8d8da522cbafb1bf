/** The deck's screen: 128 columns × 75 rows of character cells. */
export const COLS = 128;
export const ROWS = 75;

/**
 * One frame of the character display: a cell per column and row, each one
 * Unicode code point (so `¤`, `◆` and box drawing take one cell, as on the deck).
 */
export class Frame {
  private readonly cells: string[];

  constructor(cells?: readonly string[]) {
    if (cells && cells.length !== COLS * ROWS) throw new RangeError(`a frame has ${COLS * ROWS} cells, got ${cells.length}`);
    this.cells = cells ? [...cells] : new Array<string>(COLS * ROWS).fill(' ');
  }

  clone(): Frame {
    return new Frame(this.cells);
  }

  get(row: number, col: number): string {
    return this.cells[row * COLS + col] as string;
  }

  set(row: number, col: number, ch: string): void {
    if (row < 0 || row >= ROWS || col < 0 || col >= COLS) return;
    this.cells[row * COLS + col] = ch;
  }

  row(r: number): string {
    return this.cells.slice(r * COLS, (r + 1) * COLS).join('');
  }

  rows(): string[] {
    return Array.from({ length: ROWS }, (_, r) => this.row(r));
  }

  /** Copy one row from another frame (what the bus does when a row arrives). */
  copyRow(from: Frame, r: number): void {
    for (let c = 0; c < COLS; c++) this.cells[r * COLS + c] = from.cells[r * COLS + c] as string;
  }

  /** Rows where this frame differs from `other`, in order. */
  dirtyRows(other: Frame): number[] {
    const dirty: number[] = [];
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLS; c++) {
        if (this.cells[r * COLS + c] !== other.cells[r * COLS + c]) {
          dirty.push(r);
          break;
        }
      }
    }
    return dirty;
  }

  /** The frame as text: 75 lines, trailing spaces trimmed. */
  toText(): string {
    return `${this.rows()
      .map((r) => r.trimEnd())
      .join('\n')}\n`;
  }
}
