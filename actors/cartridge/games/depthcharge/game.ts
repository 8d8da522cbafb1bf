import type { Rng } from '../../../../src/runtime/rng.js';
import { type CapabilityParams, type CapabilityResult, type Game, MAX_TURNS, type Move, type Played, type Prompt, type Telemetry, clampTrace } from '../game.js';

/**
 * DEPTHCHARGE: a deep salvage dive. A wreck lies somewhere along a trench at
 * a depth set by the threat; the operator dives and ascends through layers,
 * drifts silently along the trench or pings (active sonar: finds the wreck,
 * but surface patrols hear it), recovers the cargo at the wreck, and
 * surfaces. Trace is how much the patrols have heard; a dive below the hull's
 * rating strains the hull. The SONAR baseline is a shallow survey.
 */
export interface DiveState {
  readonly variant: DiveVariant;
  /** Turns between surface patrol sweeps: busier waters at higher threat. */
  readonly sweepEvery: number;
  readonly wreckDepth: number;
  readonly wreckAt: number;
  readonly hullLimit: number;
  depth: number;
  along: number;
  located: boolean;
  recovered: boolean;
  hull: number;
  trace: number;
  turns: number;
  alarm: boolean;
}

interface DiveVariant {
  readonly cart: string;
  readonly depth: (threat: number, rng: Rng) => number;
  readonly trench: number;
}

const LAYER = 50;

export const depthchargeGame: Game<DiveState> = makeGame({ cart: 'depthcharge', depth: (t, rng) => 150 + 80 * t + rng.range(0, 4) * LAYER, trench: 8 });
export const sonarGame: Game<DiveState> = makeGame({ cart: 'sonar', depth: (_t, rng) => 100 + rng.range(0, 2) * LAYER, trench: 4 });

function makeGame(variant: DiveVariant): Game<DiveState> {
  return { cart: variant.cart, start: (p, rng) => build(variant, p, rng), prompt, play };
}

function build(variant: DiveVariant, params: CapabilityParams, rng: Rng): DiveState {
  const wreckDepth = Math.round(variant.depth(params.threat, rng) / LAYER) * LAYER;
  return {
    variant,
    wreckDepth,
    wreckAt: rng.range(1, variant.trench - 1),
    hullLimit: wreckDepth + rng.range(params.threat >= 4 ? -2 : -1, 1) * LAYER,
    sweepEvery: Math.max(2, 5 - Math.floor(params.threat / 2)),
    depth: 0,
    along: 0,
    located: false,
    recovered: false,
    hull: 100,
    trace: 0,
    turns: 0,
    alarm: false,
  };
}

function options(s: DiveState): Move[] {
  const moves: Move[] = [{ verb: 'dive' }];
  if (s.depth > 0) moves.push({ verb: 'ascend' });
  moves.push({ verb: 'drift' }, { verb: 'ping' });
  if (!s.recovered && s.depth === s.wreckDepth && s.along === s.wreckAt) moves.push({ verb: 'recover' });
  moves.push({ verb: 'surface' });
  return moves;
}

function suggest(s: DiveState): Move {
  if (s.recovered || s.trace >= 85 || s.hull <= 30) return { verb: 'surface' };
  if (s.depth === s.wreckDepth && s.along === s.wreckAt) return { verb: 'recover' };
  if (s.depth < s.wreckDepth) return { verb: 'dive' };
  if (!s.located && s.trace < 50) return { verb: 'ping' };
  return { verb: 'drift' };
}

function prompt(s: DiveState): Prompt {
  return {
    turn: s.turns,
    options: options(s),
    suggested: suggest(s),
    status: { trace: s.trace, depth: s.depth, along: s.along, hull: s.hull, located: s.located, recovered: s.recovered },
  };
}

function play(s: DiveState, move: Move, rng: Rng): Played<DiveState> {
  if (!options(s).some((m) => m.verb === move.verb)) throw new RangeError(`${s.variant.cart}: '${move.verb}' is not a legal move at ${s.depth} m`);
  s.turns++;
  const telemetry: Telemetry[] = [];
  let ticks = 15;
  switch (move.verb) {
    case 'surface':
      return { state: s, ticks: Math.max(5, s.depth / 10), telemetry: [{ event: 'surfaced', trace: s.trace, depth: s.depth }], result: finish(s, 'surfaced') };
    case 'dive':
      s.depth += LAYER;
      s.trace = clampTrace(s.trace + 2 + rng.range(0, 2));
      if (s.depth > s.hullLimit) {
        s.hull = Math.max(0, s.hull - 15 - rng.range(0, 15));
        telemetry.push({ event: 'hull-strain', trace: s.trace, depth: s.depth, hull: s.hull });
      }
      telemetry.push({ event: 'depth', trace: s.trace, depth: s.depth });
      break;
    case 'ascend':
      s.depth -= LAYER;
      s.trace = clampTrace(s.trace + 1);
      telemetry.push({ event: 'depth', trace: s.trace, depth: s.depth });
      break;
    case 'drift':
      // Deep currents sometimes hold the boat in place.
      if (!(s.depth >= 200 && rng.chance(0.3))) s.along = (s.along + 1) % s.variant.trench;
      s.trace = clampTrace(s.trace - 2 + rng.range(0, 2));
      ticks = 20;
      if (s.along === s.wreckAt && s.depth === s.wreckDepth) telemetry.push({ event: 'node-entered', trace: s.trace, node: 'wreck', depth: s.depth });
      else telemetry.push({ event: 'drift', trace: s.trace, along: s.along });
      break;
    case 'ping':
      s.trace = clampTrace(s.trace + 12 + rng.range(0, 6));
      ticks = 6;
      if (s.depth >= s.wreckDepth - LAYER) {
        s.located = true;
        telemetry.push({ event: 'contact', trace: s.trace, node: 'wreck', depth: s.wreckDepth, bearing: (s.wreckAt - s.along + s.variant.trench) % s.variant.trench });
      } else telemetry.push({ event: 'ping', trace: s.trace, depth: s.depth });
      break;
    case 'recover':
      s.recovered = true;
      s.trace = clampTrace(s.trace + 8 + rng.range(0, 4));
      ticks = 25;
      telemetry.push({ event: 'exfil', trace: s.trace, node: 'wreck', data: 'salvage-cargo' });
      break;
  }
  // A surface patrol sweeps every few turns and hears anything but a silent drift.
  if (s.turns % s.sweepEvery === 0 && move.verb !== 'drift') {
    s.trace = clampTrace(s.trace + 6 + rng.range(0, 4));
    telemetry.push({ event: 'patrol-sweep', trace: s.trace });
  }
  if (!s.alarm && s.trace >= 50) {
    s.alarm = true;
    telemetry.push({ event: 'hunter-spawn', trace: s.trace, note: 'patrol inbound' });
  }
  if (s.hull === 0) return { state: s, ticks, telemetry: [...telemetry, { event: 'hull-breach', trace: s.trace, depth: s.depth }], result: finish(s, 'lost') };
  if (s.trace >= 100) return { state: s, ticks, telemetry, result: finish(s, 'caught') };
  if (s.turns >= MAX_TURNS) return { state: s, ticks, telemetry, result: finish(s, 'timeout') };
  return { state: s, ticks, telemetry, result: null };
}

function finish(s: DiveState, how: 'surfaced' | 'lost' | 'caught' | 'timeout'): CapabilityResult {
  const outcome = how === 'surfaced' ? (s.recovered ? 'success' : s.located ? 'partial' : 'failure') : 'failure';
  const missing = [...(s.recovered ? [] : ['salvage-cargo']), ...(how === 'lost' ? ['hull-intact'] : []), ...(how === 'caught' ? ['clean-exit'] : [])];
  const bonuses = outcome === 'success' ? [...(s.trace < 30 ? ['stealth'] : []), ...(s.hull === 100 ? ['intact'] : [])] : [];
  return { outcome, trace: s.trace, extracted: [...(s.located ? ['depth-profile'] : []), ...(s.recovered ? ['salvage-cargo'] : [])], turns: s.turns, bonuses, missing };
}
