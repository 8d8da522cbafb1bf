import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';

/** Unifont's cell: 8 × 16 pixels for the characters a deck screen uses. */
export const GLYPH_WIDTH = 8;
export const GLYPH_HEIGHT = 16;
const ASCENT = 14;

/**
 * The display's character generator: GNU Unifont (OFL, via
 * @fontsource/unifontex), whose outlines are made of whole pixels, so
 * sampling each pixel's centre reproduces the bitmap exactly.
 */
export class BitmapFont {
  private readonly cache = new Map<string, Uint8Array>();

  private constructor(private readonly font: opentype.Font) {}

  static load(): BitmapFont {
    const require = createRequire(import.meta.url);
    const path = require.resolve('@fontsource/unifontex/files/unifontex-latin-400-normal.woff');
    const buf = readFileSync(path);
    return new BitmapFont(opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)));
  }

  /** The glyph as GLYPH_WIDTH × GLYPH_HEIGHT coverage (1 = ink), cached. */
  glyph(ch: string): Uint8Array {
    let bits = this.cache.get(ch);
    if (!bits) {
      bits = this.rasterize(ch);
      this.cache.set(ch, bits);
    }
    return bits;
  }

  private rasterize(ch: string): Uint8Array {
    const bits = new Uint8Array(GLYPH_WIDTH * GLYPH_HEIGHT);
    if (ch === ' ') return bits;
    const edges = toEdges(this.font.charToGlyph(ch).getPath(0, ASCENT, GLYPH_HEIGHT).commands);
    for (let y = 0; y < GLYPH_HEIGHT; y++) {
      for (let x = 0; x < GLYPH_WIDTH; x++) if (winding(edges, x + 0.5, y + 0.5) !== 0) bits[y * GLYPH_WIDTH + x] = 1;
    }
    return bits;
  }
}

type Edge = readonly [x0: number, y0: number, x1: number, y1: number];

/** Pixel-font outlines are straight lines; curves (none expected) are taken by their end points. */
function toEdges(commands: readonly opentype.PathCommand[]): Edge[] {
  const edges: Edge[] = [];
  let start: [number, number] = [0, 0];
  let at: [number, number] = [0, 0];
  for (const c of commands) {
    if (c.type === 'M') start = at = [c.x, c.y];
    else if (c.type === 'Z') {
      edges.push([at[0], at[1], start[0], start[1]]);
      at = start;
    } else {
      edges.push([at[0], at[1], c.x, c.y]);
      at = [c.x, c.y];
    }
  }
  return edges;
}

/** Non-zero winding number of point (px, py) against the edges. */
function winding(edges: readonly Edge[], px: number, py: number): number {
  let w = 0;
  for (const [x0, y0, x1, y1] of edges) {
    if (y0 <= py ? y1 > py && cross(x0, y0, x1, y1, px, py) > 0 : y1 <= py && cross(x0, y0, x1, y1, px, py) < 0) w += y0 <= py ? 1 : -1;
  }
  return w;
}

function cross(x0: number, y0: number, x1: number, y1: number, px: number, py: number): number {
  return (x1 - x0) * (py - y0) - (px - x0) * (y1 - y0);
}
