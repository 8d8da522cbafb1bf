import { CONTROL_BUILTINS } from './builtins/control.js';
import { LIST_BUILTINS } from './builtins/lists.js';
import { MAP_BUILTINS } from './builtins/maps.js';
import { NUMBER_BUILTINS } from './builtins/numbers.js';
import { PREDICATE_BUILTINS } from './builtins/predicates.js';
import { STRING_BUILTINS } from './builtins/strings.js';
import { Env } from './env.js';
import { Native, type NativeFunction, type Value } from './values.js';

/**
 * One frozen frame of builtins, shared by every script: no script can change
 * it, so sharing it cannot leak anything between scripts.
 */
export const BUILTINS: Env = (() => {
  const env = new Env(null);
  for (const group of [LIST_BUILTINS, MAP_BUILTINS, NUMBER_BUILTINS, STRING_BUILTINS, PREDICATE_BUILTINS, CONTROL_BUILTINS]) {
    for (const fn of group) env.define(fn.name, fn);
  }
  return env.freeze();
})();

export interface EnvOptions {
  /** Where `print` writes. Without one, printed text is dropped. */
  readonly output?: (text: string) => void;
  /** Host bindings: Lisp values, or JS functions that become natives of any arity. */
  readonly bindings?: Readonly<Record<string, Value | NativeFunction>>;
}

/**
 * A fresh top-level env for one script or REPL: its own frame over the
 * builtins, and nothing else. Scripts given different envs see each other's
 * bindings in no way.
 */
export function createEnv(options: EnvOptions = {}): Env {
  const env = new Env(BUILTINS);
  env.output = options.output;
  for (const [name, value] of Object.entries(options.bindings ?? {})) {
    env.define(name, typeof value === 'function' ? new Native(name, value) : value);
  }
  return env;
}

/** Bind a host function (sync, or returning a Promise) with an optional arity. */
export function defineNative(env: Env, name: string, fn: NativeFunction, minArgs = 0, maxArgs = Number.POSITIVE_INFINITY): Native {
  const native = new Native(name, fn, minArgs, maxArgs);
  env.define(name, native);
  return native;
}
