import type { Rng } from '../../../../src/runtime/rng.js';
import { type CapabilityParams, type CapabilityResult, type Game, MAX_TURNS, type Move, type Played, type Prompt, type Telemetry, clampTrace } from '../game.js';
import { at, entry } from '../../../../src/assert.js';

/**
 * NEONGRID: a courier run across a city grid. The operator carries a packet
 * from the street (top-left) to the uplink (bottom-right), past firewalls,
 * with a detour to a datacore for bonus data; sentinels patrol and raise
 * trace when the courier passes close. `cloak` dampens detection for a few
 * moves. The GRID baseline is a small grid with a single sentinel.
 */
type Cell = readonly [number, number];

export interface GridState {
  readonly variant: GridVariant;
  readonly size: number;
  readonly walls: ReadonlySet<string>;
  readonly uplink: Cell;
  readonly datacore: Cell;
  at: Cell;
  sentinels: Cell[];
  trace: number;
  turns: number;
  cloak: number;
  cached: boolean;
  delivered: boolean;
  alarm: boolean;
  readonly distance: number;
}

interface GridVariant {
  readonly cart: string;
  readonly baseSize: number;
  readonly sentinels: (threat: number) => number;
}

const STEPS: Readonly<Record<string, Cell>> = { north: [0, -1], south: [0, 1], west: [-1, 0], east: [1, 0] };
const key = (c: Cell): string => `${c[0]},${c[1]}`;
const same = (a: Cell, b: Cell): boolean => a[0] === b[0] && a[1] === b[1];
const manhattan = (a: Cell, b: Cell): number => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);

export const neongridGame: Game<GridState> = makeGame({ cart: 'neongrid', baseSize: 6, sentinels: (t) => Math.max(1, t) });
export const gridGame: Game<GridState> = makeGame({ cart: 'grid', baseSize: 5, sentinels: () => 1 });

function makeGame(variant: GridVariant): Game<GridState> {
  return { cart: variant.cart, start: (p, rng) => build(variant, p, rng), prompt, play };
}

function build(variant: GridVariant, params: CapabilityParams, rng: Rng): GridState {
  const size = variant.baseSize + Math.min(6, params.threat);
  const uplink: Cell = [size - 1, size - 1];
  for (let attempt = 0; ; attempt++) {
    const walls = new Set<string>();
    for (let x = 0; x < size; x++) for (let y = 0; y < size; y++) if (rng.chance(0.18) && !(x === 0 && y === 0) && !same([x, y], uplink)) walls.add(key([x, y]));
    const open = (c: Cell): boolean => c[0] >= 0 && c[1] >= 0 && c[0] < size && c[1] < size && !walls.has(key(c));
    const datacore: Cell = [rng.range(1, size - 2), rng.range(1, size - 2)];
    walls.delete(key(datacore));
    const route = bfs(size, walls, [0, 0], uplink);
    if (route === null || bfs(size, walls, [0, 0], datacore) === null) {
      if (attempt > 50) throw new Error('neongrid: could not lay out a solvable grid');
      continue;
    }
    const sentinels: Cell[] = [];
    while (sentinels.length < variant.sentinels(params.threat)) {
      const c: Cell = [rng.int(size), rng.int(size)];
      if (open(c) && manhattan(c, [0, 0]) > 3) sentinels.push(c);
    }
    return { variant, size, walls, uplink, datacore, at: [0, 0], sentinels, trace: 0, turns: 0, cloak: 0, cached: false, delivered: false, alarm: false, distance: route.length - 1 };
  }
}

function bfs(size: number, walls: ReadonlySet<string>, from: Cell, to: Cell): Cell[] | null {
  const prev = new Map<string, Cell>([[key(from), from]]);
  const queue: Cell[] = [from];
  while (queue.length > 0) {
    const at = queue.shift() as Cell;
    if (same(at, to)) {
      const out: Cell[] = [to];
      while (!same(out[0] as Cell, from)) out.unshift(prev.get(key(out[0] as Cell)) as Cell);
      return out;
    }
    for (const [dx, dy] of Object.values(STEPS)) {
      const next: Cell = [at[0] + dx, at[1] + dy];
      if (next[0] < 0 || next[1] < 0 || next[0] >= size || next[1] >= size || walls.has(key(next)) || prev.has(key(next))) continue;
      prev.set(key(next), at);
      queue.push(next);
    }
  }
  return null;
}

function options(s: GridState): Move[] {
  const moves: Move[] = [];
  for (const [verb, [dx, dy]] of Object.entries(STEPS)) {
    const next: Cell = [s.at[0] + dx, s.at[1] + dy];
    if (next[0] >= 0 && next[1] >= 0 && next[0] < s.size && next[1] < s.size && !s.walls.has(key(next))) moves.push({ verb });
  }
  if (s.cloak === 0) moves.push({ verb: 'cloak' });
  if (same(s.at, s.datacore) && !s.cached) moves.push({ verb: 'download' });
  if (same(s.at, s.uplink)) moves.push({ verb: 'deliver' });
  moves.push({ verb: 'jack-out' });
  return moves;
}

function suggest(s: GridState): Move {
  if (same(s.at, s.uplink)) return { verb: 'deliver' };
  if (s.trace >= 85) return { verb: 'jack-out' };
  if (same(s.at, s.datacore) && !s.cached) return { verb: 'download' };
  const goal = !s.cached && s.trace < 40 ? s.datacore : s.uplink;
  const route = bfs(s.size, s.walls, s.at, goal) as Cell[];
  const next = at(route, 1);
  if (s.cloak === 0 && s.sentinels.some((x) => manhattan(x, next) <= 1)) return { verb: 'cloak' };
  const [verb] = Object.entries(STEPS).find(([, [dx, dy]]) => s.at[0] + dx === next[0] && s.at[1] + dy === next[1]) as [string, Cell];
  return { verb };
}

function prompt(s: GridState): Prompt {
  const nearest = Math.min(...s.sentinels.map((x) => manhattan(x, s.at)));
  return { turn: s.turns, options: options(s), suggested: suggest(s), status: { trace: s.trace, x: s.at[0], y: s.at[1], nearestSentinel: nearest, cloak: s.cloak, cached: s.cached } };
}

function play(s: GridState, move: Move, rng: Rng): Played<GridState> {
  if (!options(s).some((m) => m.verb === move.verb)) throw new RangeError(`${s.variant.cart}: '${move.verb}' is not a legal move at ${key(s.at)}`);
  const telemetry: Telemetry[] = [];
  s.turns++;
  let ticks = 8;
  if (move.verb === 'jack-out') return { state: s, ticks: 3, telemetry: [{ event: 'jack-out', trace: s.trace }], result: finish(s, 'jacked-out') };
  if (move.verb === 'deliver') {
    s.delivered = true;
    telemetry.push({ event: 'delivered', trace: s.trace, node: 'uplink' });
    return { state: s, ticks: 10, telemetry, result: finish(s, 'delivered') };
  }
  if (move.verb === 'cloak') {
    s.cloak = 4;
    s.trace = clampTrace(s.trace + 2);
    ticks = 12;
  } else if (move.verb === 'download') {
    s.cached = true;
    s.trace = clampTrace(s.trace + 8 + rng.range(0, 4));
    ticks = 20;
    telemetry.push({ event: 'exfil', trace: s.trace, node: 'datacore', data: 'grid-cache' });
  } else {
    const [dx, dy] = entry(STEPS, move.verb);
    s.at = [s.at[0] + dx, s.at[1] + dy];
    if (same(s.at, s.datacore) || same(s.at, s.uplink)) telemetry.push({ event: 'node-entered', trace: s.trace, node: same(s.at, s.uplink) ? 'uplink' : 'datacore' });
  }
  patrol(s, rng);
  detect(s, rng, telemetry);
  if (s.cloak > 0) s.cloak--;
  if (s.trace >= 100) return { state: s, ticks, telemetry, result: finish(s, 'traced') };
  if (s.turns >= MAX_TURNS) return { state: s, ticks, telemetry, result: finish(s, 'timeout') };
  return { state: s, ticks, telemetry, result: null };
}

function patrol(s: GridState, rng: Rng): void {
  s.sentinels = s.sentinels.map((c) => {
    const [dx, dy] = rng.pick(Object.values(STEPS));
    const next: Cell = [c[0] + dx, c[1] + dy];
    return next[0] >= 0 && next[1] >= 0 && next[0] < s.size && next[1] < s.size && !s.walls.has(key(next)) ? next : c;
  });
}

function detect(s: GridState, rng: Rng, telemetry: Telemetry[]): void {
  const nearest = Math.min(...s.sentinels.map((x) => manhattan(x, s.at)));
  const damp = s.cloak > 0 ? 0.3 : 1;
  const heat = 1 + rng.range(0, 1) + (nearest <= 1 ? 12 : nearest <= 2 ? 5 : 0) * damp;
  s.trace = clampTrace(s.trace + heat);
  if (nearest <= 1) telemetry.push({ event: 'sentinel-contact', trace: s.trace, distance: nearest });
  else telemetry.push({ event: 'move', trace: s.trace, x: s.at[0], y: s.at[1] });
  if (!s.alarm && s.trace >= 50) {
    s.alarm = true;
    telemetry.push({ event: 'alarm', trace: s.trace });
  }
}

function finish(s: GridState, how: 'delivered' | 'jacked-out' | 'traced' | 'timeout'): CapabilityResult {
  const outcome = how === 'delivered' ? 'success' : how === 'jacked-out' && s.cached ? 'partial' : 'failure';
  // The datacore is a bonus: once the packet is delivered nothing the run needed is missing.
  const missing = s.delivered ? [] : ['packet-delivered', ...(s.cached ? [] : ['grid-cache']), ...(how === 'traced' ? ['clean-exit'] : [])];
  const bonuses = outcome === 'success' ? [...(s.trace < 30 ? ['stealth'] : []), ...(s.turns <= s.distance + 4 ? ['speed'] : []), ...(s.cached ? ['thorough'] : [])] : [];
  return { outcome, trace: s.trace, extracted: [...(s.delivered ? ['packet'] : []), ...(s.cached ? ['grid-cache'] : [])], turns: s.turns, bonuses, missing };
}
