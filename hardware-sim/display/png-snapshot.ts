import { PNG } from 'pngjs';
import { BitmapFont, GLYPH_HEIGHT, GLYPH_WIDTH } from './font.js';
import { COLS, type Frame, ROWS } from './frame.js';

/** Phosphor on black: the deck's palette. */
const INK = [0x7c, 0xff, 0xb2] as const;
const PAPER = [0x06, 0x0b, 0x08] as const;

let font: BitmapFont | null = null;

/** Render a frame to PNG bytes: 1024 × 1200 pixels, one Unifont cell per character. */
export function frameToPng(frame: Frame): Buffer {
  font ??= BitmapFont.load();
  const png = new PNG({ width: COLS * GLYPH_WIDTH, height: ROWS * GLYPH_HEIGHT });
  const { data, width } = png;
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const bits = font.glyph(frame.get(r, c));
      for (let y = 0; y < GLYPH_HEIGHT; y++) {
        // pngjs holds RGBA; the file is written as RGB.
        let at = ((r * GLYPH_HEIGHT + y) * width + c * GLYPH_WIDTH) * 4;
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
