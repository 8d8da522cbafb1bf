import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Frame, COLS, ROWS } from '../../hardware-sim/display/frame.js';
import { croppedRows } from '../../hardware-sim/display/crop.js';
import { frameToPng } from '../../hardware-sim/display/png-snapshot.js';
import { DEFAULT_MAX_FRAMES } from './defaults.js';

export interface FrameRecorderStats {
  readonly written: number;
  /** Screen changes past the bound, not written. */
  readonly skipped: number;
  readonly dir: string;
}

/**
 * Writes a PNG for every screen change the display completes (`display/frame`
 * sent to `$frames`), numbered in order, up to a bound. A frame identical to
 * the last one written is not a change and is not written again. Frames are
 * cropped to what is drawn (croppedRows) unless `full` asks for the whole glass.
 */
export class FrameRecorder {
  private last: string | null = null;
  private written = 0;
  private skipped = 0;

  constructor(
    private readonly dir: string,
    private readonly max = DEFAULT_MAX_FRAMES,
    private readonly full = false,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`frame bound must be a positive integer, got ${max}`);
    mkdirSync(dir, { recursive: true });
  }

  /** One completed frame as the display sends it: its 75 rows of 128 characters. */
  take(body: { frame: number; rows: readonly string[] }, tick: number): void {
    const text = body.rows.join('\n');
    if (text === this.last) return;
    this.last = text;
    if (this.written >= this.max) {
      this.skipped++;
      return;
    }
    this.written++;
    const name = `frame-${String(this.written).padStart(5, '0')}-t${tick}.png`;
    writeFileSync(join(this.dir, name), framePng(body.rows, this.full));
  }

  stats(): FrameRecorderStats {
    return { written: this.written, skipped: this.skipped, dir: this.dir };
  }
}

/** One completed frame's 75 rows of 128 characters as a PNG: cropped to what is drawn (croppedRows), or the whole glass when `full`. */
export function framePng(rows: readonly string[], full = false): Buffer {
  const frame = frameOf(rows);
  return full ? frameToPng(frame) : frameToPng(frame, croppedRows(rows));
}

function frameOf(rows: readonly string[]): Frame {
  if (rows.length !== ROWS) throw new RangeError(`a frame has ${ROWS} rows, got ${rows.length}`);
  const cells: string[] = [];
  for (const row of rows) {
    const chars = [...row];
    if (chars.length !== COLS) throw new RangeError(`a frame row has ${COLS} cells, got ${chars.length}`);
    cells.push(...chars);
  }
  return new Frame(cells);
}
