import { describe, expect, it } from 'vitest';
import { OPEN_BOARD, navigate } from '../src/mission-control/navigation.js';

describe('board navigation (CDR / CAR / EVAL / NIL)', () => {
  it('CDR cycles and wraps, CAR opens the briefing, EVAL accepts the selected contract', () => {
    let c = OPEN_BOARD;
    const keys = ['cdr', 'cdr', 'cdr'] as const;
    for (const k of keys) c = navigate(c, k, 3).cursor;
    expect(c).toEqual({ selected: 0, screen: 'list' });
    c = navigate(c, 'cdr', 3).cursor;
    const car = navigate(c, 'car', 3);
    expect(car.action).toEqual({ kind: 'show-briefing', index: 1 });
    expect(car.cursor.screen).toBe('briefing');
    expect(navigate(car.cursor, 'eval', 3).action).toEqual({ kind: 'accept', index: 1 });
    expect(navigate(OPEN_BOARD, 'eval', 3).action).toEqual({ kind: 'accept', index: 0 });
  });

  it('NIL backs out of a briefing, then dismisses the board; a closed board ignores keys', () => {
    const briefing = navigate(OPEN_BOARD, 'car', 4).cursor;
    const back = navigate(briefing, 'nil', 4);
    expect(back.cursor.screen).toBe('list');
    expect(back.action.kind).toBe('none');
    const dismissed = navigate(back.cursor, 'nil', 4);
    expect(dismissed.action).toEqual({ kind: 'dismiss' });
    expect(navigate(dismissed.cursor, 'eval', 4).action).toEqual({ kind: 'none' });
  });

  it('an empty board can only be dismissed', () => {
    expect(navigate(OPEN_BOARD, 'car', 0).action).toEqual({ kind: 'none' });
    expect(navigate(OPEN_BOARD, 'nil', 0).action).toEqual({ kind: 'dismiss' });
  });
});
