import { PNG } from 'pngjs';
import { BitmapFont, GLYPH_HEIGHT, GLYPH_WIDTH } from './font.js';
import { COLS, type Frame, ROWS } from './frame.js';

/** Phosphor on black: the deck's palette. */
const INK = [0x7c, 0xff, 0xb2] as const;
const PAPER = [0x06, 0x0b, 0x08] as const;

let font: BitmapFont | null = null;

const ALL_ROWS: readonly number[] = Array.from({ length: ROWS }, (_, r) => r);

/**
 * Render a frame to PNG bytes, one Unifont cell per character: 1024 pixels wide, and 16 pixels
 * high per row shown (`rows`, top to bottom; the whole screen, 1200 pixels, by default).
 */
export function frameToPng(frame: Frame, rows: readonly number[] = ALL_ROWS): Buffer {
  if (rows.length === 0 || rows.some((r) => !Number.isInteger(r) || r < 0 || r >= ROWS)) throw new RangeError(`rows to show must be 1..${ROWS} rows in 0..${ROWS - 1}`);
  font ??= BitmapFont.load();
  const png = new PNG({ width: COLS * GLYPH_WIDTH, height: rows.length * GLYPH_HEIGHT });
  const { data, width } = png;
  for (const [shownAt, r] of rows.entries()) {
    for (let c = 0; c < COLS; c++) {
      const bits = font.glyph(frame.get(r, c));
      for (let y = 0; y < GLYPH_HEIGHT; y++) {
        // pngjs holds RGBA; the file is written as RGB.
        let at = ((shownAt * GLYPH_HEIGHT + y) * width + c * GLYPH_WIDTH) * 4;
        for (let x = 0; x < GLYPH_WIDTH; x++, at += 4) {
          const rgb = bits[y * GLYPH_WIDTH + x] ? INK : PAPER;
          data[at] = rgb[0];
          data[at + 1] = rgb[1];
          data[at + 2] = rgb[2];
          data[at + 3] = 0xff;
        }
      }
    }
  }
  // One fixed filter (Sub) instead of trying all five per row: half the time, the same size for text on a plain ground.
  return PNG.sync.write(png, { colorType: 2, filterType: 1 });
}
