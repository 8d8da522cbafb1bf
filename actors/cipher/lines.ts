/**
 * CIPHER's voice: terse, lowercase, never explains itself. Each event has a
 * few lines per affect; `{name}` slots are filled from the event's detail.
 * Lines stay within the 128-column CIPHER-LINE, prompt included.
 */
export type Affect = 'terse' | 'drift' | 'annotate' | 'anomalous' | 'result-success' | 'result-failure';

export const EVENTS = [
  'mission-start',
  'mission-end',
  'goal-done',
  'goal-failed',
  'goal-revealed',
  'reward',
  'contract-near-expiry',
  'contract-expired',
  'opportunity-detected',
  'hot-swap',
  'trace-spike',
  'hunter-spawn',
  'board-refresh',
  'power-on',
] as const;
export type CipherEvent = (typeof EVENTS)[number];

/** Higher goes first when lines queue up behind the one on screen. */
export const PRIORITY: Readonly<Record<CipherEvent, number>> = {
  'mission-end': 9,
  'hunter-spawn': 8,
  'goal-failed': 8,
  'trace-spike': 7,
  'mission-start': 6,
  'hot-swap': 6,
  'opportunity-detected': 5,
  'goal-done': 4,
  'goal-revealed': 4,
  reward: 3,
  'contract-near-expiry': 3,
  'contract-expired': 2,
  'power-on': 2,
  'board-refresh': 1,
};

/** The affect CIPHER takes for an event unless the sender names one. */
export const DEFAULT_AFFECT: Readonly<Record<CipherEvent, Affect>> = {
  'mission-start': 'terse',
  'mission-end': 'terse',
  'goal-done': 'terse',
  'goal-failed': 'result-failure',
  'goal-revealed': 'annotate',
  reward: 'terse',
  'contract-near-expiry': 'terse',
  'contract-expired': 'drift',
  'opportunity-detected': 'anomalous',
  'hot-swap': 'annotate',
  'trace-spike': 'terse',
  'hunter-spawn': 'terse',
  'board-refresh': 'drift',
  'power-on': 'drift',
};

type Table = Partial<Record<Affect, readonly string[]>>;

export const LINES: Readonly<Record<CipherEvent, Table>> = {
  'mission-start': {
    terse: ['clock starts.', 'in. quiet now.', '{target}. go.', 'threat {threat}. move.'],
    annotate: ['{target}, threat {threat}. {phases} phase(s). breathe.'],
    drift: ['another door. another {target}.'],
  },
  'mission-end': {
    'result-success': ['clean. banked ¤{credits}.', 'out. {target} won\'t know for hours.', 'done. that one sang.'],
    'result-failure': ['burned. walk away.', 'that went loud. {target} remembers.', 'no. not this time.'],
    terse: ['out.', 'disconnected.'],
    drift: ['left it half-open. escrow goes with it.', 'abandoned. the board forgets. mostly.'],
  },
  'goal-done': { terse: ['{goal}. done.', 'check. {goal}.', '{goal}. next.'] },
  'goal-failed': { 'result-failure': ['{goal}. lost.', 'that was the point of it. {goal} gone.'], terse: ['{goal}. no.'] },
  'goal-revealed': { annotate: ['new thing on the list: {goal}.', 'there\'s more here. {goal}.'], anomalous: ['{goal}. wasn\'t there a second ago.'] },
  reward: { terse: ['+{amount} {currency}. banked.', '{amount} {currency}. yours.'], annotate: ['+{amount} {currency} in escrow. finish it.'] },
  'contract-near-expiry': { terse: ['window. closing.', 'tick tock.', 'that one won\'t wait.'], drift: ['{target} is going stale.'] },
  'contract-expired': { drift: ['gone. it happens.', 'missed {target}. next.', '{target} went dark while you slept.'], terse: ['expired.'] },
  'opportunity-detected': {
    anomalous: ['...that\'s not supposed to be there.', 'anomaly. look closer.', 'rare air. don\'t blink.', 'huh. look at that.'],
    drift: ['something on the board smells different.'],
    annotate: ['odd pairing on the board. {target}.'],
  },
  'hot-swap': { annotate: ['swap. {to} seated.', 'cart\'s in. {to}.', '{from} out, {to} in.'], terse: ['swapped.'] },
  'trace-spike': { terse: ['they\'re looking.', 'trace {trace}. careful.', 'heat rising.'], annotate: ['trace {trace}. ghost run\'s over.'] },
  'hunter-spawn': { terse: ['hunter on you.', 'something\'s tracking.', 'company.'] },
  'board-refresh': { drift: ['new paper on the board.', 'board\'s turned over.', 'fresh work.'], terse: ['board.'] },
  'power-on': { drift: ['back. {hours}h dark.', 'morning. or something like it.'], terse: ['up.'] },
};

export const MAX_LINE = 120;

/** A template split at its `{slot}`s: `texts` has one more entry than `slots`. */
interface Compiled {
  readonly texts: readonly string[];
  readonly slots: readonly string[];
}

function compile(template: string): Compiled {
  const texts: string[] = [];
  const slots: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    texts.push(template.slice(last, m.index));
    slots.push(m[1] as string);
    last = m.index + m[0].length;
  }
  texts.push(template.slice(last));
  return { texts, slots };
}

/** Every line CIPHER has, split once at load: speaking a line is concatenation, not a regex per template per event. */
const COMPILED: ReadonlyMap<string, Compiled> = new Map(
  Object.values(LINES).flatMap((table) => Object.values(table).flatMap((lines) => lines.map((t): [string, Compiled] => [t, compile(t)]))),
);

const compiled = (template: string): Compiled => COMPILED.get(template) ?? compile(template);

const slotValue = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

/** Whether the detail has a string or number for every `{slot}` of the template. */
export function fillable(template: string, detail: Readonly<Record<string, unknown>>): boolean {
  return compiled(template).slots.every((k) => slotValue(detail[k]) !== null);
}

/** Fill `{slot}`s from the detail; an unknown slot reads as `?` rather than breaking the line. */
export function fill(template: string, detail: Readonly<Record<string, unknown>>): string {
  const { texts, slots } = compiled(template);
  let text = texts[0] as string;
  for (let i = 0; i < slots.length; i++) text += (slotValue(detail[slots[i] as string]) ?? '?') + (texts[i + 1] as string);
  return (text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text).toLowerCase();
}

/** The lines for an event in an affect, falling back to any affect the event has. */
export function linesFor(event: CipherEvent, affect: Affect): readonly string[] {
  const table = LINES[event];
  return table[affect] ?? Object.values(table)[0] ?? ['…'];
}
