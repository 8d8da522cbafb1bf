import { missionBindings } from '../../src/mission-control/missions.js';
import type { MissionBindings } from './messages.js';
import type { McState } from './state.js';

/**
 * The Runner's three bindings, `current-mission`, `mission-params` and `phase-chain`, as Lisp data
 * (src/lisp/data.ts); null when no mission runs. They change only when the mission does, so they are
 * built once per mission version and the same data goes out until it moves (a refused verb, a
 * second `op/bindings`, a `mission/changed` after a verb cost nothing more).
 */
export function bindingsData(state: McState): MissionBindings | null {
  const m = state.mission;
  if (!m) return null;
  const cached = state.bindings;
  if (cached !== null && cached.mission === m && cached.version === m.graph.version) return cached.data;
  const data = missionBindings(m);
  state.bindings = { mission: m, version: m.graph.version, data };
  return data;
}
