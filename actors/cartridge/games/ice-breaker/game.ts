import type { Rng } from '../../../../src/runtime/rng.js';
import { type CapabilityParams, type CapabilityResult, type Game, MAX_TURNS, type Move, type Played, type Prompt, type Telemetry, clampTrace } from '../game.js';
import { entry } from '../../../../src/assert.js';

/**
 * ICE BREAKER: a corporate network of named nodes with ICE on them. The
 * operator probes (reveals a node's ICE), breaches (moves in, against the
 * ICE), exfiltrates the data a node holds, and disconnects. Every move leaves
 * trace; failed breaches and exfiltration leave more; at 40 an alarm sounds,
 * at 60 a hunter starts tracking (every move costs more), at 75 the target
 * arms a lockdown (four more moves and the operator is locked in: `timeout`),
 * at 100 the operator is traced out. The TERMINAL baseline is the same game
 * on a small net with weak ICE, no hunters and no lockdown.
 */
interface NetNode {
  readonly id: string;
  ice: number;
  readonly data: string | null;
  readonly links: string[];
  probed: boolean;
}

export interface IceState {
  readonly variant: Variant;
  readonly nodes: Record<string, NetNode>;
  readonly target: string;
  at: string;
  trace: number;
  turns: number;
  extracted: string[];
  alarm: boolean;
  hunter: boolean;
  /** Moves left before the lockdown lands, once armed; null when not armed. */
  lockdown: number | null;
  /** Length of the shortest gateway→target path, for the speed bonus. */
  readonly distance: number;
}

interface Variant {
  readonly cart: string;
  readonly baseNodes: number;
  readonly nodesPerThreat: number;
  readonly hunters: boolean;
  readonly maxIce: (threat: number) => number;
}

const NAMED: ReadonlyArray<readonly [string, string]> = [
  ['hr', 'hr-records'],
  ['finance', 'finance-ledger'],
  ['payroll', 'payroll-ledger'],
  ['rnd', 'rnd-prototype'],
  ['security', 'security-keys'],
  ['vault', 'vault-keys'],
  ['archive', 'archive-dump'],
  ['mail', 'mail-spool'],
  ['ops', 'ops-plan'],
  ['legal', 'legal-briefs'],
];

const COST = { probe: 6, breach: 12, exfil: 20, disconnect: 4 } as const;

export const iceBreakerGame: Game<IceState> = makeGame({ cart: 'ice-breaker', baseNodes: 6, nodesPerThreat: 2, hunters: true, maxIce: (t) => t + 1 });
export const terminalGame: Game<IceState> = makeGame({ cart: 'terminal', baseNodes: 4, nodesPerThreat: 1, hunters: false, maxIce: (t) => Math.min(2, t) });

function makeGame(variant: Variant): Game<IceState> {
  return {
    cart: variant.cart,
    start: (params, rng) => buildNetwork(variant, params, rng),
    prompt: (s) => prompt(s),
    play: (s, move, rng) => play(s, move, rng),
  };
}

function buildNetwork(variant: Variant, params: CapabilityParams, rng: Rng): IceState {
  const count = Math.min(NAMED.length + 6, variant.baseNodes + variant.nodesPerThreat * Math.max(1, params.threat));
  // A seeded choice of which named nodes this network has.
  const named = [...NAMED];
  for (let i = named.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [named[i], named[j]] = [named[j] as (typeof named)[number], named[i] as (typeof named)[number]];
  }
  const nodes: Record<string, NetNode> = { gateway: { id: 'gateway', ice: 0, data: null, links: [], probed: true } };
  const ids = ['gateway'];
  for (let i = 1; i < count; i++) {
    const [id, data] = named[i - 1] ?? [`relay-${i}`, null];
    nodes[id] = { id, ice: rng.range(0, variant.maxIce(params.threat)), data, links: [], probed: false };
    link(nodes, id, ids[rng.int(ids.length)] as string);
    ids.push(id);
  }
  for (let extra = 0; extra < Math.floor(count / 4); extra++) link(nodes, ids[rng.int(ids.length)] as string, ids[rng.int(ids.length)] as string);
  const wanted = typeof params.mission.target === 'string' ? params.mission.target : null;
  const withData = ids.filter((id) => nodes[id]?.data);
  const target = wanted && nodes[wanted]?.data ? wanted : (rng.pick(withData) as string);
  return { variant, nodes, target, at: 'gateway', trace: 0, turns: 0, extracted: [], alarm: false, hunter: false, lockdown: null, distance: path(nodes, 'gateway', target).length - 1 };
}

function link(nodes: Record<string, NetNode>, a: string, b: string): void {
  if (a === b) return;
  const na = entry(nodes, a);
  const nb = entry(nodes, b);
  if (!na.links.includes(b)) na.links.push(b);
  if (!nb.links.includes(a)) nb.links.push(a);
}

/** Shortest path by breadth-first search (ids in link order, so it is deterministic). */
function path(nodes: Record<string, NetNode>, from: string, to: string): string[] {
  const prev = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    if (at === to) break;
    for (const next of nodes[at]?.links ?? []) {
      if (!prev.has(next)) {
        prev.set(next, at);
        queue.push(next);
      }
    }
  }
  const out = [to];
  while (out[0] !== from) out.unshift(prev.get(out[0] as string) as string);
  return out;
}

function options(s: IceState): Move[] {
  const here = entry(s.nodes, s.at);
  const moves: Move[] = [];
  for (const n of here.links) {
    if (!(entry(s.nodes, n)).probed) moves.push({ verb: 'probe', target: n });
    moves.push({ verb: 'breach', target: n });
  }
  if (here.data && !s.extracted.includes(here.data)) moves.push({ verb: 'exfil' });
  moves.push({ verb: 'disconnect' });
  return moves;
}

function suggest(s: IceState): Move {
  const here = entry(s.nodes, s.at);
  const targetData = (entry(s.nodes, s.target)).data as string;
  if (s.trace >= 85 || s.extracted.includes(targetData) || (s.lockdown !== null && s.lockdown <= 1)) return { verb: 'disconnect' };
  if (here.data && !s.extracted.includes(here.data) && (s.at === s.target || s.trace < 45)) return { verb: 'exfil' };
  const next = path(s.nodes, s.at, s.target)[1] as string;
  return (entry(s.nodes, next)).probed ? { verb: 'breach', target: next } : { verb: 'probe', target: next };
}

function prompt(s: IceState): Prompt {
  return {
    turn: s.turns,
    options: options(s),
    suggested: suggest(s),
    status: { trace: s.trace, at: s.at, target: s.target, alarm: s.alarm, hunter: s.hunter, extracted: s.extracted.length, lockdown: s.lockdown ?? -1 },
  };
}

function play(s: IceState, move: Move, rng: Rng): Played<IceState> {
  const legal = options(s).some((m) => m.verb === move.verb && (m.target ?? null) === (move.target ?? null));
  if (!legal) throw new RangeError(`${s.variant.cart}: '${move.verb}${move.target ? ` ${move.target}` : ''}' is not a legal move from ${s.at}`);
  const telemetry: Telemetry[] = [];
  s.turns++;
  let ticks: number = COST.disconnect;
  const heat = (amount: number): void => {
    s.trace = clampTrace(s.trace + amount + rng.range(0, 2) + (s.hunter ? 4 : 0));
  };
  switch (move.verb) {
    case 'probe': {
      const node = entry(s.nodes, move.target as string);
      node.probed = true;
      heat(1);
      ticks = COST.probe;
      telemetry.push({ event: 'probe', trace: s.trace, node: node.id, ice: node.ice });
      break;
    }
    case 'breach': {
      const node = entry(s.nodes, move.target as string);
      const chance = Math.min(0.95, Math.max(0.2, 0.9 - 0.12 * node.ice + (node.probed ? 0.1 : -0.1)));
      ticks = COST.breach + node.ice * 3;
      if (rng.chance(chance)) {
        heat(node.ice * 2);
        s.at = node.id;
        node.ice = 0;
        node.probed = true;
        telemetry.push({ event: 'node-entered', trace: s.trace, node: node.id });
      } else {
        heat(4 + node.ice * 3);
        telemetry.push({ event: 'breach-failed', trace: s.trace, node: node.id, ice: node.ice });
      }
      break;
    }
    case 'exfil': {
      const data = (entry(s.nodes, s.at)).data as string;
      s.extracted.push(data);
      heat(6 + rng.range(0, 4));
      ticks = COST.exfil;
      telemetry.push({ event: 'exfil', trace: s.trace, node: s.at, data });
      break;
    }
    case 'disconnect':
      telemetry.push({ event: 'disconnect', trace: s.trace, node: s.at });
      return { state: s, ticks, telemetry, result: finish(s, 'disconnected') };
  }
  escalate(s, telemetry);
  if (s.lockdown === 0) {
    telemetry.push({ event: 'timeout', trace: s.trace, node: s.at, timeout: true });
    return { state: s, ticks, telemetry, result: finish(s, 'locked-in') };
  }
  if (s.trace >= 100) return { state: s, ticks, telemetry, result: finish(s, 'traced') };
  if (s.turns >= MAX_TURNS) return { state: s, ticks, telemetry, result: finish(s, 'timeout') };
  return { state: s, ticks, telemetry, result: null };
}

function escalate(s: IceState, telemetry: Telemetry[]): void {
  if (!s.alarm && s.trace >= 40) {
    s.alarm = true;
    telemetry.push({ event: 'alarm', trace: s.trace, node: s.at });
  }
  if (s.variant.hunters && !s.hunter && s.trace >= 60) {
    s.hunter = true;
    telemetry.push({ event: 'hunter-spawn', trace: s.trace, node: s.at });
  }
  if (s.lockdown !== null) s.lockdown--;
  else if (s.variant.hunters && s.trace >= 75) {
    s.lockdown = 4;
    telemetry.push({ event: 'lockdown-armed', trace: s.trace, node: s.at, turnsLeft: 4 });
  }
}

function finish(s: IceState, how: 'disconnected' | 'traced' | 'timeout' | 'locked-in'): CapabilityResult {
  const targetData = (entry(s.nodes, s.target)).data as string;
  const got = s.extracted.includes(targetData);
  const outcome = how !== 'disconnected' ? 'failure' : got ? 'success' : s.extracted.length > 0 ? 'partial' : 'failure';
  const missing = [...(got ? [] : [`target-data:${targetData}`]), ...(how === 'traced' || how === 'locked-in' ? ['clean-exit'] : []), ...(how === 'timeout' ? ['finished-in-time'] : [])];
  const bonuses = outcome === 'success' ? [...(s.trace < 30 ? ['stealth'] : []), ...(s.turns <= 2 * s.distance + 3 ? ['speed'] : []), ...(!s.alarm ? ['quiet'] : [])] : [];
  const extracted = [...(s.extracted.length > 0 ? ['network-map'] : []), ...s.extracted];
  return { outcome, trace: s.trace, extracted, turns: s.turns, bonuses, missing };
}
