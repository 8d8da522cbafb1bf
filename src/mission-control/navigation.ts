/**
 * Board navigation with the deck's four keys (seed 004 §4.2): CDR cycles,
 * CAR opens the briefing, EVAL accepts, NIL dismisses. A pure state machine:
 * the actor feeds it keys and acts on what it returns.
 */
export type BoardKey = 'car' | 'cdr' | 'eval' | 'nil';

export interface BoardCursor {
  /** Index of the selected contract. */
  readonly selected: number;
  readonly screen: 'list' | 'briefing' | 'closed';
}

export type BoardAction = { readonly kind: 'none' } | { readonly kind: 'show-briefing'; readonly index: number } | { readonly kind: 'accept'; readonly index: number } | { readonly kind: 'dismiss' };

export const OPEN_BOARD: BoardCursor = { selected: 0, screen: 'list' };

/**
 * Decisions: CDR wraps from the last contract to the first and, from a
 * briefing, moves to the next contract's line on the list; EVAL accepts from
 * the list and from the briefing alike; NIL from a briefing goes back to the
 * list, and from the list dismisses the board (back to the Bare Deck
 * Terminal). An empty board only dismisses.
 */
export function navigate(cursor: BoardCursor, key: BoardKey, size: number): { cursor: BoardCursor; action: BoardAction } {
  if (cursor.screen === 'closed') return { cursor, action: { kind: 'none' } };
  if (size === 0) return key === 'nil' || key === 'eval' ? { cursor: { selected: 0, screen: 'closed' }, action: { kind: 'dismiss' } } : { cursor, action: { kind: 'none' } };
  const selected = Math.min(cursor.selected, size - 1);
  switch (key) {
    case 'cdr':
      return { cursor: { selected: (selected + 1) % size, screen: 'list' }, action: { kind: 'none' } };
    case 'car':
      return { cursor: { selected, screen: 'briefing' }, action: { kind: 'show-briefing', index: selected } };
    case 'eval':
      return { cursor: { selected, screen: 'closed' }, action: { kind: 'accept', index: selected } };
    case 'nil':
      return cursor.screen === 'briefing' ? { cursor: { selected, screen: 'list' }, action: { kind: 'none' } } : { cursor: { selected, screen: 'closed' }, action: { kind: 'dismiss' } };
  }
}
