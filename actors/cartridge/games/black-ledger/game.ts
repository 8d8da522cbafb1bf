import type { Rng } from '../../../../src/runtime/rng.js';
import { type CapabilityParams, type CapabilityResult, type Game, MAX_TURNS, type Move, type Played, type Prompt, type Telemetry, clampTrace } from '../game.js';
import { entry } from '../../../../src/assert.js';

/**
 * BLACK LEDGER: a forensic audit of a corporate account tree. Some accounts
 * are shells siphoning money. The operator inspects accounts (a noisy
 * anomaly reading), follows transfers down the tree, flags the shells, and
 * files the audit. Digging makes the target aware (trace): at 50 its
 * auditors are alerted, at 75 a shredder destroys the evidence on one
 * unflagged shell. A wrong flag costs a lot of trace. The AUDIT baseline is a
 * small tree with one shell.
 */
interface Account {
  readonly id: string;
  readonly parent: string | null;
  readonly children: string[];
  readonly shell: boolean;
  /** True anomaly in [0, 1]: high for shells. Readings are noisy around it. */
  readonly anomaly: number;
  reading: number | null;
  opened: boolean;
  flagged: boolean;
  shredded: boolean;
}

export interface LedgerState {
  readonly variant: LedgerVariant;
  readonly accounts: Record<string, Account>;
  trace: number;
  turns: number;
  alarm: boolean;
  shredderRun: boolean;
  wrongFlags: number;
}

interface LedgerVariant {
  readonly cart: string;
  readonly accounts: (threat: number) => number;
  readonly shells: (threat: number) => number;
}

const DIVISIONS = ['treasury', 'payroll', 'vendors', 'capex', 'holdings', 'escrow', 'offshore', 'grants', 'pension', 'marketing', 'r-and-d', 'legal'];

export const blackLedgerGame: Game<LedgerState> = makeGame({ cart: 'black-ledger', accounts: (t) => 7 + 2 * t, shells: (t) => 1 + Math.floor(t / 2) });
export const auditGame: Game<LedgerState> = makeGame({ cart: 'audit', accounts: () => 5, shells: () => 1 });

function makeGame(variant: LedgerVariant): Game<LedgerState> {
  return { cart: variant.cart, start: (p, rng) => build(variant, p, rng), prompt, play };
}

function build(variant: LedgerVariant, params: CapabilityParams, rng: Rng): LedgerState {
  const count = Math.min(DIVISIONS.length + 1, variant.accounts(params.threat));
  const accounts: Record<string, Account> = {};
  const ids = ['group'];
  accounts.group = { id: 'group', parent: null, children: [], shell: false, anomaly: 0.1, reading: null, opened: true, flagged: false, shredded: false };
  const names = [...DIVISIONS];
  for (let i = 1; i < count; i++) {
    const id = names.splice(rng.int(names.length), 1)[0] as string;
    const parent = ids[rng.int(ids.length)] as string;
    accounts[id] = { id, parent, children: [], shell: false, anomaly: 0, reading: null, opened: false, flagged: false, shredded: false };
    (entry(accounts, parent)).children.push(id);
    ids.push(id);
  }
  const leaves = ids.filter((id) => id !== 'group');
  const shells = new Set<string>();
  while (shells.size < Math.min(leaves.length, variant.shells(params.threat))) shells.add(rng.pick(leaves));
  for (const id of leaves) {
    const a = entry(accounts, id);
    const shell = shells.has(id);
    accounts[id] = { ...a, shell, anomaly: shell ? 0.55 + rng.next() * 0.4 : rng.next() * 0.45 };
  }
  return { variant, accounts, trace: 0, turns: 0, alarm: false, shredderRun: false, wrongFlags: 0 };
}

function visible(s: LedgerState): Account[] {
  return Object.values(s.accounts).filter((a) => a.id !== 'group' && (a.parent === null || (entry(s.accounts, a.parent)).opened));
}

function options(s: LedgerState): Move[] {
  const moves: Move[] = [];
  for (const a of visible(s)) {
    if (a.reading === null) moves.push({ verb: 'inspect', target: a.id });
    if (!a.opened && a.children.length > 0) moves.push({ verb: 'follow', target: a.id });
    if (!a.flagged) moves.push({ verb: 'flag', target: a.id });
  }
  moves.push({ verb: 'file' });
  return moves;
}

function suggest(s: LedgerState): Move {
  if (s.trace >= 80) return { verb: 'file' };
  const seen = visible(s);
  const suspect = seen.find((a) => !a.flagged && a.reading !== null && a.reading >= 0.6);
  if (suspect) return { verb: 'flag', target: suspect.id };
  const unread = seen.find((a) => a.reading === null);
  if (unread) return { verb: 'inspect', target: unread.id };
  const closed = seen.find((a) => !a.opened && a.children.length > 0);
  if (closed) return { verb: 'follow', target: closed.id };
  return { verb: 'file' };
}

function prompt(s: LedgerState): Prompt {
  const flagged = Object.values(s.accounts).filter((a) => a.flagged).length;
  return { turn: s.turns, options: options(s), suggested: suggest(s), status: { trace: s.trace, flagged, visible: visible(s).length, alarm: s.alarm } };
}

function play(s: LedgerState, move: Move, rng: Rng): Played<LedgerState> {
  if (!options(s).some((m) => m.verb === move.verb && (m.target ?? null) === (move.target ?? null))) {
    throw new RangeError(`${s.variant.cart}: '${move.verb}${move.target ? ` ${move.target}` : ''}' is not a legal move`);
  }
  s.turns++;
  const telemetry: Telemetry[] = [];
  if (move.verb === 'file') return { state: s, ticks: 6, telemetry: [{ event: 'filed', trace: s.trace }], result: finish(s, 'filed') };
  const a = entry(s.accounts, move.target as string);
  let ticks = 10;
  if (move.verb === 'inspect') {
    a.reading = Math.max(0, Math.min(1, a.anomaly + (rng.next() - 0.5) * 0.3));
    s.trace = clampTrace(s.trace + 3 + rng.range(0, 2));
    telemetry.push({ event: 'inspected', trace: s.trace, node: a.id, reading: Math.round(a.reading * 100) });
  } else if (move.verb === 'follow') {
    a.opened = true;
    s.trace = clampTrace(s.trace + 4 + rng.range(0, 3));
    ticks = 14;
    telemetry.push({ event: 'node-entered', trace: s.trace, node: a.id });
  } else {
    a.flagged = true;
    ticks = 8;
    if (a.shell && !a.shredded) telemetry.push({ event: 'evidence', trace: s.trace, node: a.id });
    else {
      s.wrongFlags++;
      s.trace = clampTrace(s.trace + 18);
      telemetry.push({ event: 'false-flag', trace: s.trace, node: a.id });
    }
  }
  escalate(s, rng, telemetry);
  if (s.trace >= 100) return { state: s, ticks, telemetry, result: finish(s, 'burned') };
  if (s.turns >= MAX_TURNS) return { state: s, ticks, telemetry, result: finish(s, 'timeout') };
  return { state: s, ticks, telemetry, result: null };
}

function escalate(s: LedgerState, rng: Rng, telemetry: Telemetry[]): void {
  if (!s.alarm && s.trace >= 50) {
    s.alarm = true;
    telemetry.push({ event: 'alarm', trace: s.trace });
  }
  if (!s.shredderRun && s.trace >= 75) {
    s.shredderRun = true;
    const victims = Object.values(s.accounts).filter((a) => a.shell && !a.flagged);
    if (victims.length > 0) {
      const v = rng.pick(victims);
      v.shredded = true;
      telemetry.push({ event: 'shredder', trace: s.trace, node: v.id });
    }
  }
}

function finish(s: LedgerState, how: 'filed' | 'burned' | 'timeout'): CapabilityResult {
  const shells = Object.values(s.accounts).filter((a) => a.shell);
  const caught = shells.filter((a) => a.flagged && !a.shredded);
  const outcome = how !== 'filed' ? 'failure' : caught.length === shells.length && s.wrongFlags === 0 ? 'success' : caught.length > 0 ? 'partial' : 'failure';
  const missing = [...shells.filter((a) => !caught.includes(a)).map((a) => `shell:${a.id}`), ...(s.wrongFlags > 0 ? ['clean-record'] : []), ...(how === 'burned' ? ['cover'] : [])];
  const bonuses = outcome === 'success' ? [...(s.trace < 30 ? ['stealth'] : []), ...(s.turns <= 3 * shells.length + 4 ? ['speed'] : [])] : [];
  return { outcome, trace: s.trace, extracted: caught.map((a) => `evidence:${a.id}`), turns: s.turns, bonuses, missing };
}
