/**
 * The soak's fault catalogue (docs/soak.md): each kind and how often it
 * strikes, as a probability per opportunity. The opportunity of each:
 *
 * | kind | per | what happens |
 * |---|---|---|
 * | crash | capability call (the cart) and mission (a deck actor) | killed between handlers or failed inside one |
 * | yank | capability call | the cart is pulled from the slot |
 * | power | flash commit | a brownout: the chip loses power mid-commit, memory survives |
 * | reboot | mission | a cut that loses memory: the deck boots from flash |
 * | script | mission | the operator script fails at one of its deck calls |
 * | delay | envelope of a deck conversation | delivered 1–30 ticks late |
 * | stall | mission | one actor stops answering for 30–300 ticks |
 * | badblock | flash commit | a block goes bad |
 * | wear | flash commit | a block is worn past its endurance |
 * | full | flash commit | most of the chip is taken for a while: commits fail |
 * | corrupt | power-off | bits flip in the chip while the deck is off |
 */
export const FAULT_KINDS = ['crash', 'yank', 'power', 'reboot', 'script', 'delay', 'stall', 'badblock', 'wear', 'full', 'corrupt'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultRates = Readonly<Record<FaultKind, number>>;
export type FaultCounts = Record<FaultKind, number>;

/** `--faults` with no rates: every kind strikes often enough that a 100-mission campaign meets most of them. */
export const DEFAULT_FAULT_RATES: FaultRates = {
  crash: 0.05,
  yank: 0.04,
  power: 0.02,
  reboot: 0.02,
  script: 0.03,
  delay: 0.005,
  stall: 0.02,
  badblock: 0.005,
  wear: 0.002,
  full: 0.003,
  corrupt: 0.1,
};

export function noFaults(): FaultCounts {
  return Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as FaultCounts;
}

/** `crash=0.1,reboot=0.05,delay=0.02` (any subset; the rest keep their defaults). */
export function parseFaultRates(text: string): FaultRates {
  const rates: Record<string, number> = { ...DEFAULT_FAULT_RATES };
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const pieces = part.split('=').map((x) => x.trim());
    if (pieces.length !== 2) throw new RangeError(`fault rate '${part.trim()}' must read name=probability`);
    const [name, value] = pieces as [string, string];
    if (!(FAULT_KINDS as readonly string[]).includes(name)) throw new RangeError(`unknown fault '${name}' (faults: ${FAULT_KINDS.join(', ')})`);
    const p = Number(value);
    if (value === '' || !(p >= 0 && p <= 1)) throw new RangeError(`fault rate ${name}=${value} must be a probability between 0 and 1`);
    rates[name] = p;
  }
  return rates as FaultRates;
}

/** The rates that differ from the defaults, as `--fault-rates` takes them ('' when all are defaults). */
export function faultRatesText(rates: FaultRates): string {
  return FAULT_KINDS.filter((k) => rates[k] !== DEFAULT_FAULT_RATES[k])
    .map((k) => `${k}=${rates[k]}`)
    .join(',');
}

/** `crash 3 · reboot 1 · delay 12` (the kinds that struck). */
export function describeFaults(counts: FaultCounts): string {
  const struck = FAULT_KINDS.filter((k) => counts[k] > 0);
  return struck.length === 0 ? 'none struck' : struck.map((k) => `${k} ${counts[k]}`).join(' · ');
}
