import { renderBriefing, briefingFor } from '../../src/mission-control/briefing.js';
import type { BoardContract } from '../../src/mission-control/board-view.js';
import { renderBoard } from '../../src/mission-control/render-board.js';
import { renderPanel } from '../../src/objectives/panel.js';
import { type McState, PEERS, context, type McContext } from './state.js';

/** The display's last row is CIPHER-LINE, drawn by CIPHER; Mission Control's screens own the rows above it. */
export const SCREEN_ROWS = 74;
const COLUMNS = 128;

export type ScreenName = 'board' | 'briefing' | 'panel';

/** The board, as the operator sees it when asking for it. */
export function showBoard(state: McState, contracts: readonly BoardContract[], ctx: McContext): void {
  show(state, 'board', renderBoard(contracts, 0, state.inserted), ctx);
}

/** The accepted contract's briefing (seed 004 §4.3), until the first capability call. */
export function showBriefing(state: McState, ctx: McContext): void {
  const entry = state.mission?.entry;
  const cs = entry ? state.catalog.schemaByName.get(entry.schema) : undefined;
  if (!entry || !cs) return;
  show(state, 'briefing', renderBriefing(briefingFor(entry, cs, context(state, ctx))), ctx);
}

/** The objective panel (seed 003 §9) of the running mission, as the operator may see it. */
export function showPanel(state: McState, ctx: McContext): void {
  if (!state.mission) return;
  const text = renderPanel(state.mission.graph.snapshot(), { view: 'operator', rows: SCREEN_ROWS, columns: COLUMNS });
  show(state, 'panel', text.split('\n'), ctx);
}

/**
 * Draw a screen and present it, unless the glass already shows exactly that:
 * every frame costs bus bandwidth, and an unchanged screen is no screen change.
 */
function show(state: McState, name: ScreenName, lines: readonly string[], ctx: McContext): void {
  const rows = lines.slice(0, SCREEN_ROWS);
  const key = `${name}\n${rows.join('\n')}`;
  if (state.screen === key) return;
  state.screen = key;
  const commands = [
    { op: 'clear' as const, from: 0, to: SCREEN_ROWS - 1 },
    ...rows.flatMap((text, row) => (text.trim() === '' ? [] : [{ op: 'text' as const, row, col: 0, text }])),
  ];
  ctx.send(PEERS.display, 'display/draw', { commands, present: true });
}
