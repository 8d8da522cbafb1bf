import { type Command, InvalidArgumentError, Option } from 'commander';
import { boardJson, viewBoard } from '../../mission-control/board-view.js';
import { briefingFor, renderBriefing } from '../../mission-control/briefing.js';
import { setupDeck } from '../../mission-control/deck-setup.js';
import { type CipherEvent, cipherMessage } from '../../mission-control/events.js';
import { fillBoard } from '../../mission-control/generation.js';
import { renderBoard } from '../../mission-control/render-board.js';
import { shippedCatalog } from '../../campaign/cart-files.js';
import { integer } from '../options.js';

/** Decision: without --at the deck's clock reads this fixed time, so the same flags always print the same board. */
export const DEFAULT_AT = '2026-06-20T12:00:00Z';

interface BoardOptions {
  seed: number;
  insert?: string;
  registered: { cart: string; lastSeen: number | null }[];
  at: number;
  reveal: boolean;
  json: boolean;
  brief?: number;
}

export function registerBoard(program: Command): void {
  program
    .command('board')
    .description('Print the mission board an operator would see for a deck state (seed 004 §4), generated from the shipped carts.')
    .option('--seed <n>', 'cipher_seed, the entropy pool: the same deck and seed give the same board', integer('--seed', 0, 0xffff_ffff), 1)
    .option('--insert <cart>', 'the cartridge in the slot (ice-breaker, neongrid, black-ledger, depthcharge)')
    .addOption(
      new Option('--registered <carts>', 'cartridges registered on this deck, comma-separated; CART@ISO-TIME says when it was last in the slot (without it: just now, so Recent)')
        .argParser(registeredList)
        .default([], 'none'),
    )
    .addOption(new Option('--at <iso-time>', "the deck's wall-clock time").argParser((v: string) => parseTime('--at', v)).default(Date.parse(DEFAULT_AT), DEFAULT_AT))
    .option('--reveal', 'designers: also show TTL category, expiry, opportunity flag, schema and seed', false)
    .option('--brief <n>', 'also print the full briefing of contract n ([CAR])', integer('--brief', 1, 5))
    .option('--json', 'print one JSON object {contracts:[…]}', false)
    .action((opts: BoardOptions) => {
      boardCommand(opts);
    });
}

function registeredList(value: string, previous: BoardOptions['registered']): BoardOptions['registered'] {
  const out = [...previous];
  for (const part of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const at = part.indexOf('@');
    const cart = at < 0 ? part : part.slice(0, at);
    if (!/^[a-z][a-z0-9-]*$/.test(cart)) throw new InvalidArgumentError(`--registered: '${cart}' is not a cartridge name (kebab-case, such as ice-breaker).`);
    out.push({ cart, lastSeen: at < 0 ? null : parseTime('--registered', part.slice(at + 1)) });
  }
  return out;
}

function parseTime(flag: string, iso: string): number {
  // An ISO date-time with an explicit zone, so the board never depends on the machine's time zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) {
    throw new InvalidArgumentError(`${flag} needs an ISO time with a zone, such as 2026-06-20T12:00:00Z, got '${iso}'.`);
  }
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 0) throw new InvalidArgumentError(`${flag}: '${iso}' is not a valid time.`);
  return ms;
}

function boardCommand(opts: BoardOptions): void {
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
