import { renderBriefing, briefingFor } from '../../src/mission-control/briefing.js';
import type { BoardContract } from '../../src/mission-control/board-view.js';
import { renderBoard } from '../../src/mission-control/render-board.js';
import { cartNames } from '../../src/mission-control/registry.js';
import type { BoardEntry } from '../../src/deck/uds.js';
import { renderPanel } from '../../src/objectives/panel.js';
import { type McState, PEERS, context, type McContext } from './state.js';

/** The display's last row is CIPHER-LINE, drawn by CIPHER; Mission Control's screens own the rows above it. */
export const SCREEN_ROWS = 74;
const COLUMNS = 128;

export type ScreenName = 'board' | 'briefing' | 'panel' | 'terminal';

/** The board as the operator sees it: the cursor on the selected contract, the Historical carts' memorial row. */
export function boardLines(state: McState, contracts: readonly BoardContract[], ctx: McContext): string[] {
  return renderBoard(contracts, state.cursor.selected, state.inserted, memorialOf(state, ctx));
}

/** The Historical carts, for the board's memorial row. */
export function memorialOf(state: McState, ctx: McContext): string[] {
  return cartNames(context(state, ctx).registry.byTier('historical'));
}

/** The board, as the operator sees it when asking for it (`lines`: the board already rendered, when it is). */
export function showBoard(state: McState, contracts: readonly BoardContract[], ctx: McContext, lines = boardLines(state, contracts, ctx)): void {
  show(state, 'board', lines, ctx);
}

/** The accepted contract's briefing (seed 004 §4.3), until the first capability call. */
export function showBriefing(state: McState, ctx: McContext): void {
  const m = state.mission;
  if (m) showBriefingOf(state, m.entry, ctx, m.graph);
}

/** A contract's briefing, as [CAR] shows it (`accepted`: the mission it runs as, when it is running). */
export function showBriefingOf(state: McState, entry: BoardEntry, ctx: McContext, accepted?: Parameters<typeof briefingFor>[3]): void {
  const cs = state.catalog.schemaByName.get(entry.schema);
  if (!cs) return;
  show(state, 'briefing', renderBriefing(briefingFor(entry, cs, context(state, ctx), accepted)), ctx);
}

/** [NIL] from the board: back to the Bare Deck Terminal. */
export function showTerminal(state: McState, ctx: McContext): void {
  show(state, 'terminal', ['nOSh · BARE DECK TERMINAL', '', '  (board) opens the mission board again'], ctx);
}

/**
 * The objective panel (seed 003 §9) of the running mission, as the operator may see it. It is rendered
 * only when the mission changed since it last was (a capability call, a verdict that moved nothing, a
 * settle barrier show the same panel), and drawn only when the glass shows something else.
 */
export function showPanel(state: McState, ctx: McContext): void {
  const m = state.mission;
  if (!m) return;
  const p = state.panel;
  const rows = p !== null && p.mission === m && p.version === m.graph.version ? p.rows : renderPanel(m.graph.snapshot(), { view: 'operator', rows: SCREEN_ROWS, columns: COLUMNS }).split('\n');
  state.panel = { mission: m, version: m.graph.version, rows };
  show(state, 'panel', rows, ctx);
}

/**
 * Draw a screen and present it, unless the glass already shows exactly that:
 * every frame costs bus bandwidth, and an unchanged screen is no screen change.
 */
function show(state: McState, name: ScreenName, lines: readonly string[], ctx: McContext): void {
  const rows = lines.length > SCREEN_ROWS ? lines.slice(0, SCREEN_ROWS) : lines;
  if (state.screen !== null && state.screen.name === name && sameRows(state.screen.rows, rows)) return;
  state.screen = { name, rows };
  const commands = [
    { op: 'clear' as const, from: 0, to: SCREEN_ROWS - 1 },
    ...rows.flatMap((text, row) => (text.trim() === '' ? [] : [{ op: 'text' as const, row, col: 0, text }])),
  ];
  ctx.send(PEERS.display, 'display/draw', { commands, present: true });
}

function sameRows(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
