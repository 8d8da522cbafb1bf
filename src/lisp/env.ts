import { LispError } from './errors.js';
import type { Value } from './values.js';

/**
 * A frame of bindings. Names live in a Map, never on a JS object, so a symbol
 * such as `constructor` or `__proto__` is just an unbound name. A script sees
 * only what its env chain holds: there is no path from here to JS globals.
 */
export class Env {
  private readonly vars = new Map<string, Value>();
  private frozen = false;
  /** Where `print` writes for scripts evaluated in this env or one below it (see `outputFor`). */
  output: ((text: string) => void) | undefined = undefined;

  constructor(readonly parent: Env | null) {}

  /** The nearest output hook up the chain: call frames do not copy it, they find it. */
  outputFor(): ((text: string) => void) | undefined {
    if (this.output !== undefined) return this.output;
    for (let env = this.parent; env !== null; env = env.parent) if (env.output !== undefined) return env.output;
    return undefined;
  }

  lookup(name: string): Value | undefined {
    const own = this.vars.get(name);
    if (own !== undefined) return own;
    for (let env = this.parent; env !== null; env = env.parent) {
      const v = env.vars.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Bind in this frame (shadowing any outer binding). */
  define(name: string, value: Value): void {
    if (this.frozen) throw new LispError('type', `cannot define ${name}: this environment is read-only`);
    this.vars.set(name, value);
  }

  /** Bind a fresh call frame's parameter; the evaluator's fast path, no checks. */
  bind(name: string, value: Value): void {
    this.vars.set(name, value);
  }

  /** Rebind the nearest existing binding; false if the name is unbound. */
  assign(name: string, value: Value): boolean {
    if (this.vars.has(name)) return this.assignHere(name, value);
    for (let env = this.parent; env !== null; env = env.parent) {
      if (env.vars.has(name)) return env.assignHere(name, value);
    }
    return false;
  }

  private assignHere(name: string, value: Value): true {
    if (this.frozen) throw new LispError('type', `cannot set! ${name}: it is a builtin (shadow it with define instead)`);
    this.vars.set(name, value);
    return true;
  }

  /** Make this frame read-only; shared frames (the builtins) are frozen so no script can change them for another. */
  freeze(): this {
    this.frozen = true;
    return this;
  }

  /** Every name visible from here, nearest first, each once: for REPL completion. */
  names(): string[] {
    const seen = new Set<string>(this.vars.keys());
    for (let env = this.parent; env !== null; env = env.parent) for (const k of env.vars.keys()) seen.add(k);
    return [...seen];
  }
}
