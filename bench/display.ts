import { DisplayBus } from '../hardware-sim/display/bus.js';
import { draw } from '../hardware-sim/display/draw.js';
import { COLS, Frame, ROWS } from '../hardware-sim/display/frame.js';
import { compareLatency, round } from './measure.js';

/**
 * A full-frame refresh: every row of the screen changes, the bus finds the
 * dirty rows and moves them to the glass. Baseline: copying the same 9,600
 * cells from one array to another, the least any refresh must do.
 */
export async function displaySuite(timeMs = 2000): Promise<Record<string, number>> {
  const frames = [0, 1].map((k) => {
    const f = new Frame();
    for (let r = 0; r < ROWS; r++) draw(f, [{ op: 'text', row: r, col: 0, text: `${k ? 'even' : 'odd'} frame, row ${r} `.repeat(5).slice(0, COLS) }]);
    return f;
  });
  const bus = new DisplayBus();
  const src = new Array<string>(COLS * ROWS).fill('x');
  const dst = new Array<string>(COLS * ROWS).fill(' ');
  let n = 0;
  const { baseline, candidate, ratioP50 } = await compareLatency(
    {
      name: 'copy 9,600 cells',
      fn: () => {
        for (let i = 0; i < src.length; i++) dst[i] = src[i] as string;
      },
    },
    {
      name: 'full-frame refresh over the bus',
      fn: () => {
        bus.present(frames[n++ & 1] as Frame);
        if (!bus.tick().completed) throw new Error('a full frame should fit one tick at the default bandwidth');
      },
    },
    timeMs,
  );
  return { frameColdUs: round(candidate.firstUs), frameUs: round(candidate.meanUs), cellCopyUs: round(baseline.meanUs), frameRatio: round(ratioP50, 2), busBytesPerFrame: ROWS * (2 + 2 * COLS) };
}
