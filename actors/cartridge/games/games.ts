import { auditGame, blackLedgerGame } from './black-ledger/game.js';
import { depthchargeGame, sonarGame } from './depthcharge/game.js';
import type { Game } from './game.js';
import { iceBreakerGame, terminalGame } from './ice-breaker/game.js';
import { gridGame, neongridGame } from './neongrid/game.js';

/** Every cart's gameplay loop by kebab-case name: the four launch carts and the four System baselines. */
export const games: Readonly<Record<string, Game<unknown>>> = {
  'ice-breaker': iceBreakerGame as Game<unknown>,
  neongrid: neongridGame as Game<unknown>,
  'black-ledger': blackLedgerGame as Game<unknown>,
  depthcharge: depthchargeGame as Game<unknown>,
  terminal: terminalGame as Game<unknown>,
  grid: gridGame as Game<unknown>,
  audit: auditGame as Game<unknown>,
  sonar: sonarGame as Game<unknown>,
};
