import { type LispData, toData } from '../../src/lisp/data.js';
import { Keyword } from '../../src/lisp/values.js';
import { missionBindings } from '../../src/mission-control/missions.js';
import type { MissionBindings } from './messages.js';
import type { McState } from './state.js';

/**
 * The Runner's three bindings, `current-mission`, `mission-params` and `phase-chain`, as Lisp data
 * (src/lisp/data.ts); null when no mission runs. They change only when the mission does, so they are
 * built once per mission version and the same data goes out until it moves (a board of verbs that
 * refuse, a second `op/bindings`, a `mission/changed` after a verb cost nothing more).
 */
export function bindingsData(state: McState): MissionBindings | null {
  const m = state.mission;
  if (!m) return null;
  const cached = state.bindings;
  if (cached !== null && cached.mission === m && cached.version === m.graph.version) return cached.data;
  const b = missionBindings(m);
  const data = { mission: toData(b['current-mission']), params: toData(b['mission-params']), chain: toData(b['phase-chain']) };
  state.bindings = { mission: m, version: m.graph.version, data };
  return data;
}

/** A keyword as Lisp data (what `:ready`, `:done` or a cart's name travel as). */
export function keywordData(name: string): LispData {
  return toData(new Keyword(name));
}
