import { type Command, InvalidArgumentError, Option } from 'commander';
import type { BoardOptions } from '../actions/board.js';
import { integer } from '../options.js';

/** Decision: without --at the deck's clock reads this fixed time, so the same flags always print the same board. */
export const DEFAULT_AT = '2026-06-20T12:00:00Z';

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
    .action(async (opts: BoardOptions) => {
      const { boardAction } = await import('../actions/board.js');
      boardAction(opts);
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
