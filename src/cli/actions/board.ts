import { boardJson, viewBoard } from '../../mission-control/board-view.js';
import { briefingFor, renderBriefing } from '../../mission-control/briefing.js';
import { setupDeck } from '../../mission-control/deck-setup.js';
import { type CipherEvent, cipherMessage } from '../../mission-control/events.js';
import { fillBoard } from '../../mission-control/generation.js';
import { renderBoard } from '../../mission-control/render-board.js';
import { shippedCatalog } from '../../campaign/cart-files.js';

export interface BoardOptions {
  seed: number;
  insert?: string;
  registered: { cart: string; lastSeen: number | null }[];
  at: number;
  reveal: boolean;
  json: boolean;
  brief?: number;
}

/** `nosh board`: generate the board for the deck state the flags describe, and print it. */
export function boardAction(opts: BoardOptions): void {
  const now = opts.at;
  const catalog = shippedCatalog();
  const { uds, ctx } = setupDeck(catalog, {
    seed: opts.seed,
    inserted: opts.insert ?? null,
    registered: opts.registered.map((r) => ({ cart: r.cart, lastSeen: r.lastSeen ?? now })),
    now,
  });
  const events: CipherEvent[] = [];
  const deck = fillBoard(uds, ctx, 'refresh', events);
  const contracts = viewBoard(deck, ctx, opts.reveal);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(boardJson(contracts))}\n`);
    return;
  }
  const lines = renderBoard(contracts, 0, ctx.registry.inserted);
  if (opts.reveal) for (const e of events) lines.push(`event :${e.event} ${JSON.stringify(cipherMessage(e).detail)}`);
  if (opts.brief !== undefined) {
    const entry = deck.board[opts.brief - 1];
    if (entry === undefined) throw new Error(`--brief ${opts.brief}: the board has ${deck.board.length} contracts`);
    const cs = catalog.schemaByName.get(entry.schema);
    if (cs !== undefined) lines.push('', ...renderBriefing(briefingFor(entry, cs, ctx)));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
