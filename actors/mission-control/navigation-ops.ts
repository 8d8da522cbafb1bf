import { keywordData, toData } from '../../src/lisp/data.js';
import { Keyword, LispMap, type Value, list } from '../../src/lisp/values.js';
import { viewBoard } from '../../src/mission-control/board-view.js';
import { type Briefing, briefingFor } from '../../src/mission-control/briefing.js';
import { type BoardKey, navigate } from '../../src/mission-control/navigation.js';
import { acceptOp, contractToLisp } from './board-ops.js';
import { refuse, reply } from './outbox.js';
import { showBoard, showBriefingOf, showTerminal } from './screens.js';
import { type McContext, type McState, context } from './state.js';

const kw = (name: string): Keyword => new Keyword(name);

/**
 * A key on the board (seed 004 §4.2), through the navigation state machine:
 * [CDR] moves the cursor (the board is drawn again with it) and answers the
 * selected contract; [CAR] draws the selected contract's briefing and answers
 * it; [EVAL] accepts the selected contract, from the list or the briefing, as
 * `(accept N)` does; [NIL] goes from a briefing back to the list, and from the
 * list to the Bare Deck Terminal (`:closed`). A closed board answers
 * `:closed` to every key until `(board)` opens it again.
 */
export function keyOp(state: McState, from: string, reqId: string, key: BoardKey, ctx: McContext): void {
  const contracts = viewBoard(state.uds, context(state, ctx));
  const { cursor, action } = navigate(state.cursor, key, contracts.length);
  state.cursor = cursor;
  switch (action.kind) {
    case 'accept':
      return acceptOp(state, from, reqId, action.index, ctx);
    case 'show-briefing': {
      const entry = state.uds.board[action.index];
      if (entry === undefined) return refuse(ctx, from, reqId, 'no-such-contract', `the board has no contract ${action.index}`);
      showBriefingOf(state, entry, ctx);
      return briefOp(state, from, reqId, action.index, ctx);
    }
    case 'dismiss':
      showTerminal(state, ctx);
      return reply(ctx, from, reqId, keywordData('closed'));
    case 'none': {
      if (cursor.screen === 'closed') return reply(ctx, from, reqId, keywordData('closed'));
      showBoard(state, contracts, ctx);
      const selected = contracts[cursor.selected];
      return reply(ctx, from, reqId, selected === undefined ? null : toData(contractToLisp(selected, cursor.selected)));
    }
  }
}

/** `(brief N)`: contract N's full briefing as a value; nothing is drawn. */
export function briefOp(state: McState, from: string, reqId: string, index: number, ctx: McContext): void {
  const entry = state.uds.board[index];
  const cs = entry === undefined ? undefined : state.catalog.schemaByName.get(entry.schema);
  if (entry === undefined || cs === undefined) return refuse(ctx, from, reqId, 'no-such-contract', `the board has ${state.uds.board.length} contracts (0..${state.uds.board.length - 1}); no contract ${index}`);
  const accepted = state.mission?.entry === entry ? state.mission.graph : undefined;
  reply(ctx, from, reqId, toData(briefingToLisp(briefingFor(entry, cs, context(state, ctx), accepted), index)));
}

/** The briefing of seed 004 §4.3 as a Lisp map: what the briefing screen shows, field by field. */
export function briefingToLisp(b: Briefing, index: number): Value {
  const c = b.contract;
  return LispMap.fromPairs([
    [kw('index'), index],
    [kw('id'), c.id],
    [kw('class'), kw(c.class.toLowerCase().replace(/ /g, '-'))],
    [kw('target'), c.target],
    [kw('brief'), c.brief],
    [kw('objectives'), list(...b.objectives)],
    [kw('choices'), list(...b.choices)],
    [kw('threat'), b.threat.level],
    [kw('ceiling'), b.threat.ceiling],
    [kw('capabilities'), list(...c.capabilities.map((x) => LispMap.fromPairs([[kw('name'), x.name], [kw('module'), kw(x.module)], [kw('present'), x.present]])))],
    [kw('swap-required'), c.swapRequired],
    [kw('phases'), b.phases],
    [kw('payout'), b.payout.base],
    [kw('bonuses'), list(...b.payout.bonuses.map((x) => LispMap.fromPairs([[kw('condition'), x.condition], [kw('rewards'), x.rewards]])))],
    [kw('intel'), list(...b.intel.map((x) => LispMap.fromPairs([[kw('name'), kw(x.name)], [kw('summary'), x.summary]])))],
    [kw('cipher'), c.cipher],
  ]);
}
