import type { PredicateValue } from '../lisp/compile-predicate.js';

/**
 * How cart telemetry moves the mission variables that holds, fail-ons,
 * escalations and `:at` triggers read (variables.ts). Numbers
 * a cart reports under a variable's name are copied; events count or name
 * things: `node-entered` sets `node`, `alarm` counts and names the alarm,
 * `hunter-spawn` counts hunters, `exfil` names the file, `lockdown-armed`
 * and `timeout` set their flags.
 *
 * Here in the core, not in the hold ticker, because two actors apply it: the
 * ticker to judge holds, and Mission Control to keep its own copy of the record.
 */
export function absorbTelemetry(vars: Record<string, PredicateValue>, t: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(t)) {
    if (typeof value === 'number' && Object.hasOwn(vars, name) && typeof vars[name] === 'number') vars[name] = value;
  }
  switch (t.event) {
    case 'node-entered':
      if (typeof t.node === 'string') vars.node = t.node;
      break;
    case 'alarm':
      bump(vars, 'alarms');
      vars.alarm = typeof t.node === 'string' ? t.node : 'alarm';
      break;
    case 'hunter-spawn':
      bump(vars, 'hunters');
      break;
    case 'exfil':
      if (typeof t.data === 'string') vars.file = t.data;
      break;
    case 'lockdown-armed':
      vars.lockdown = true;
      break;
    case 'timeout':
      vars.timeout = true;
      break;
  }
}

function bump(vars: Record<string, PredicateValue>, name: string): void {
  if (typeof vars[name] === 'number') vars[name] = (vars[name] as number) + 1;
}
