import * as v from 'valibot';
import { COLS, type Frame, ROWS } from './frame.js';

/** What software asks the display to draw. Commands cross thread boundaries, so they have a schema. */
const Row = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(ROWS - 1));
const Col = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(COLS - 1));
const MAX_TEXT = COLS * 4;

export const DrawCommandSchema = v.variant('op', [
  /** Blank rows `from`..`to` (inclusive; the whole screen by default). */
  v.object({ op: v.literal('clear'), from: v.optional(Row), to: v.optional(Row) }),
  v.object({ op: v.literal('text'), row: Row, col: Col, text: v.pipe(v.string(), v.maxLength(MAX_TEXT), v.regex(/^[^\n\r\t]*$/u, 'text must be one line')) }),
  v.object({
    op: v.literal('box'),
    row: Row,
    col: Col,
    height: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(ROWS)),
    width: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(COLS)),
    title: v.optional(v.pipe(v.string(), v.maxLength(COLS))),
  }),
  v.object({ op: v.literal('rule'), row: Row, col: Col, width: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(COLS)), char: v.optional(v.pipe(v.string(), v.length(1))) }),
]);
export type DrawCommand = v.InferOutput<typeof DrawCommandSchema>;

/** Apply draw commands to a frame. Text and boxes clip at the screen's edges. */
export function draw(frame: Frame, commands: readonly DrawCommand[]): void {
  for (const c of commands) {
    switch (c.op) {
      case 'clear':
        frame.clearRows(c.from ?? 0, c.to ?? ROWS - 1);
        break;
      case 'text': {
        let col = c.col;
        for (const ch of c.text) frame.set(c.row, col++, ch);
        break;
      }
      case 'rule':
        for (let i = 0; i < c.width; i++) frame.set(c.row, c.col + i, c.char ?? '─');
        break;
      case 'box':
        drawBox(frame, c);
        break;
    }
  }
}

function drawBox(frame: Frame, c: Extract<DrawCommand, { op: 'box' }>): void {
  const bottom = c.row + c.height - 1;
  const right = c.col + c.width - 1;
  for (let col = c.col + 1; col < right; col++) {
    frame.set(c.row, col, '─');
    frame.set(bottom, col, '─');
  }
  for (let r = c.row + 1; r < bottom; r++) {
    frame.set(r, c.col, '│');
    frame.set(r, right, '│');
  }
  frame.set(c.row, c.col, '┌');
  frame.set(c.row, right, '┐');
  frame.set(bottom, c.col, '└');
  frame.set(bottom, right, '┘');
  if (c.title) {
    let col = c.col + 2;
    for (const ch of ` ${c.title} `) if (col < right - 1) frame.set(c.row, col++, ch);
  }
}
