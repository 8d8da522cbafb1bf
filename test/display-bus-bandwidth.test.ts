import { describe, expect, it } from 'vitest';
import { DisplayBus, ROW_BYTES } from '../hardware-sim/display/bus.js';
import { draw } from '../hardware-sim/display/draw.js';
import { Frame, ROWS } from '../hardware-sim/display/frame.js';

function screen(label: string, rows = ROWS): Frame {
  const f = new Frame();
  for (let r = 0; r < rows; r++) draw(f, [{ op: 'text', row: r, col: 0, text: `${label} row ${r}` }]);
  return f;
}

describe('display bus bandwidth', () => {
  it('moves only the dirty rows, and a whole new screen fits in one tick at the default bandwidth', () => {
    const bus = new DisplayBus();
    expect(bus.budget).toBeGreaterThanOrEqual(ROWS * ROW_BYTES);
    bus.present(screen('a'));
    const full = bus.tick();
    expect(full).toMatchObject({ rows: ROWS, bytes: ROWS * ROW_BYTES, completed: true, tore: false });
    const next = screen('a');
    draw(next, [{ op: 'text', row: 10, col: 0, text: 'changed' }]);
    bus.present(next);
    expect(bus.tick()).toMatchObject({ rows: 1, bytes: ROW_BYTES, completed: true });
    expect(bus.shown().row(10).trimEnd()).toBe('changed0');
    expect({ frames: bus.frames, tears: bus.tears, drops: bus.drops }).toEqual({ frames: 2, tears: 0, drops: 0 });
  });

  it('tears a frame that does not fit in a tick: the glass shows a mix, and the rest follows next tick', () => {
    // 30 rows a tick.
    const bus = new DisplayBus({ cyclesPerTick: 30 * ROW_BYTES * 10, cyclesPerByte: 10 });
    bus.present(screen('old'));
    while (bus.busy) bus.tick();
    bus.present(screen('new'));
    const first = bus.tick();
    expect(first).toMatchObject({ rows: 30, completed: false, tore: true, newTear: true });
    const glass = bus.shown();
    expect(glass.row(0).trimEnd()).toBe('new row 0');
    expect(glass.row(40).trimEnd()).toBe('old row 40');
    expect(bus.tick()).toMatchObject({ rows: 30, completed: false, tore: true, newTear: false });
    expect(bus.tick()).toMatchObject({ rows: ROWS - 60, completed: true, tore: false });
    expect(bus.shown().row(74).trimEnd()).toBe('new row 74');
    expect(bus.tears).toBe(2);
  });

  it('drops a frame that a newer one replaces before it is fully shown', () => {
    const bus = new DisplayBus({ cyclesPerTick: 10 * ROW_BYTES, cyclesPerByte: 1 });
    bus.present(screen('one'));
    bus.tick();
    expect(bus.present(screen('two'))).toBe(true);
    while (bus.busy) bus.tick();
    expect(bus.drops).toBe(1);
    expect(bus.shown().row(50).trimEnd()).toBe('two row 50');
  });
});
