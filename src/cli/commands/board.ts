import { type Command, InvalidArgumentError, Option } from 'commander';
import type { BoardOptions } from '../actions/board.js';
import { integer } from '../options.js';

/** Decision: without --at the deck's clock reads this fixed time, so the same flags always print the same board. */
export const DEFAULT_AT = '2026-06-20T12:00:00Z';

export function registerBoard(program: Command): void {
  program
    .command('board')
    .description('Print the mission board an operator would see for a deck state: the contracts the shipped carts offer, with their threat, pay and client.')
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
    .addHelpText('after', '\nExamples:\n  nosh board --seed 7 --insert ice-breaker\n  nosh board --registered neongrid@2026-06-01T00:00:00Z,depthcharge --at 2026-06-20T12:00:00Z --reveal\n  nosh board --seed 7 --insert black-ledger --brief 2')
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
    if (out.some((r) => r.cart === cart)) throw new InvalidArgumentError(`--registered: '${cart}' is named twice; a cartridge is registered once.`);
    out.push({ cart, lastSeen: at < 0 ? null : parseTime('--registered', part.slice(at + 1)) });
  }
  return out;
}

function parseTime(flag: string, iso: string): number {
  // An ISO date-time with an explicit zone, so the board never depends on the machine's time zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) {
    throw new InvalidArgumentError(`${flag} needs an ISO time with a zone, such as 2026-06-20T12:00:00Z, got '${iso}'.`);
  }
  // Date.parse rolls a day that does not exist into the next month (2026-02-30 is 2026-03-02): refuse it instead.
  const wrong = calendarProblem(iso);
  if (wrong !== null) throw new InvalidArgumentError(`${flag}: '${iso}' is not a real time: ${wrong}.`);
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 0) throw new InvalidArgumentError(`${flag}: '${iso}' is not a valid time.`);
  return ms;
}

/** What is out of range in a well-formed ISO time (a 30 February, an hour 24, a zone past ±14:00), or null. */
function calendarProblem(iso: string): string | null {
  const [year, month, day, hour, minute, second] = (iso.match(/\d+/g) ?? []).map(Number) as number[];
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (month === undefined || month < 1 || month > 12) return `there is no month ${month}`;
  const days = [31, isLeap(year ?? 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  if (day === undefined || day < 1 || day > days) return `month ${month} of ${year} has ${days} days`;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59) return 'hours run 00–23 and minutes 00–59';
  if (/:\d{2}:\d{2}/.test(iso) && (second ?? 0) > 59) return 'seconds run 00–59';
  if (zone !== null && (Number(zone[2]) > 14 || Number(zone[3]) > 59)) return `no time zone is ${zone[0]} from UTC`;
  return null;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
