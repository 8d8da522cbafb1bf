import { print } from '../../src/lisp/printer.js';
import { type Value, list } from '../../src/lisp/values.js';
import { missionBindings } from '../../src/mission-control/missions.js';
import type { McState } from './state.js';

/** The Runner's three bindings as one list: `(current-mission mission-params phase-chain)`. */
export function bindingsValue(state: McState): Value {
  if (!state.mission) return null;
  const b = missionBindings(state.mission);
  return list(b['current-mission'], b['mission-params'], b['phase-chain']);
}

export function printBindings(state: McState): string {
  return print(bindingsValue(state));
}
