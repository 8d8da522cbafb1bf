import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { draw } from '../hardware-sim/display/draw.js';
import { BitmapFont, GLYPH_HEIGHT, GLYPH_WIDTH } from '../hardware-sim/display/font.js';
import { Frame } from '../hardware-sim/display/frame.js';
import { frameToPng } from '../hardware-sim/display/png-snapshot.js';

describe('display snapshots', () => {
  const font = BitmapFont.load();

  it('rasterizes every glyph the objective panel uses, each distinct and not blank', () => {
    const glyphs = ['○', '●', '◌', '◇', '◆', '¤', '└', '─', '·', '!', 'A'];
    const keys = glyphs.map((g) => Buffer.from(font.glyph(g)).toString('hex'));
    expect(new Set(keys).size).toBe(glyphs.length);
    for (const g of glyphs) expect(font.glyph(g).some((b) => b === 1)).toBe(true);
    expect(font.glyph(' ').every((b) => b === 0)).toBe(true);
    // '●' is filled where '○' is hollow: more ink.
    const ink = (g: string): number => font.glyph(g).reduce((n, b) => n + b, 0);
    expect(ink('●')).toBeGreaterThan(ink('○'));
  });

  it('renders a frame to a PNG whose pixels are the font bitmaps at each cell', () => {
    const frame = new Frame();
    draw(frame, [
      { op: 'box', row: 0, col: 0, height: 5, width: 40, title: 'BOARD' },
      { op: 'text', row: 2, col: 3, text: '● ¤900 ◆' },
    ]);
    const png = PNG.sync.read(frameToPng(frame));
    expect([png.width, png.height]).toEqual([128 * GLYPH_WIDTH, 75 * GLYPH_HEIGHT]);
    const cellInk = (row: number, col: number): Uint8Array => {
      const bits = new Uint8Array(GLYPH_WIDTH * GLYPH_HEIGHT);
      for (let y = 0; y < GLYPH_HEIGHT; y++) {
        for (let x = 0; x < GLYPH_WIDTH; x++) {
          const at = ((row * GLYPH_HEIGHT + y) * png.width + col * GLYPH_WIDTH + x) * 4;
          bits[y * GLYPH_WIDTH + x] = (png.data[at + 1] as number) > 0x80 ? 1 : 0;
        }
      }
      return bits;
    };
    expect(cellInk(2, 3)).toEqual(font.glyph('●'));
    expect(cellInk(2, 5)).toEqual(font.glyph('¤'));
    expect(cellInk(0, 0)).toEqual(font.glyph('┌'));
    expect(cellInk(40, 100).every((b) => b === 0)).toBe(true);
  });

  it('snapshots as text, trailing spaces trimmed', () => {
    const frame = new Frame();
    draw(frame, [{ op: 'text', row: 1, col: 2, text: 'CIPHER> window. closing.' }]);
    const lines = frame.toText().split('\n');
    expect(lines).toHaveLength(76);
    expect(lines[1]).toBe('  CIPHER> window. closing.');
  });
});
