import { ROWS } from './frame.js';

/**
 * The rows a cropped snapshot shows, top to bottom. A screen draws from the top, and CIPHER's line
 * sits on the last row, so most of the glass between is empty: the longest band of empty rows inside
 * what is drawn shrinks to one row, and empty rows past the last drawn one go. Every other row,
 * empty or not, keeps its place, so a screen's own spacing survives. A blank screen keeps its first row.
 */
export function croppedRows(rows: readonly string[]): number[] {
  if (rows.length !== ROWS) throw new RangeError(`a frame has ${ROWS} rows, got ${rows.length}`);
  const drawn = rows.map((r) => r.trim().length > 0);
  const last = drawn.lastIndexOf(true);
  if (last < 0) return [0];
  let bandStart = -1;
  let bandLength = 0;
  for (let r = 0, run = 0; r <= last; r++) {
    run = drawn[r] ? 0 : run + 1;
    if (run > bandLength) {
      bandLength = run;
      bandStart = r - run + 1;
    }
  }
  const shown: number[] = [];
  for (let r = 0; r <= last; r++) if (bandLength < 2 || r <= bandStart || r >= bandStart + bandLength) shown.push(r);
  return shown;
}
