import { LispError } from './errors.js';
import { invoke } from './invoke.js';
import type { Limits } from './limits.js';
import type { NativeContext, Value } from './values.js';

/**
 * The state of one evaluation: its budget, its call depth and where `print`
 * goes. Every script gets its own Run, so two scripts interleaved at their
 * awaits share nothing but the read-only builtins.
 */
export class Run implements NativeContext {
  steps = 0;
  depth = 0;

  constructor(
    readonly limits: Limits,
    private readonly output: ((text: string) => void) | undefined,
  ) {}

  apply(fn: Value, args: readonly Value[]): Value | Promise<Value> {
    return invoke(fn, args, this);
  }

  print(text: string): void {
    this.output?.(text);
  }

  charge(steps: number): void {
    this.steps += steps;
    if (this.steps > this.limits.maxSteps) throw this.outOfSteps();
  }

  outOfSteps(): LispError {
    return new LispError('limit', `step budget of ${this.limits.maxSteps} exhausted (runaway loop or recursion?)`);
  }

  tooDeep(): LispError {
    return new LispError('limit', `call depth limit of ${this.limits.maxCallDepth} exceeded (runaway recursion?)`);
  }
}
