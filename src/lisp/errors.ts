import { MAX_ERROR_FRAMES } from './limits.js';
import { type Pos, formatPos } from './position.js';

/** What went wrong with the source text itself. Thrown by the reader only. */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  constructor(
    /** What was wrong, including what was expected. */
    readonly reason: string,
    readonly pos: Pos,
    /**
     * True when the text ended before the form did (an open list or string):
     * more input could complete it. A REPL keeps reading; a file read fails.
     */
    readonly incomplete = false,
  ) {
    super(`${formatPos(pos)}: ${reason}`);
  }

  get line(): number {
    return this.pos.line;
  }

  get col(): number {
    return this.pos.col;
  }
}

export type LispErrorKind =
  /** A special form or predicate written wrongly (found while analysing, before anything runs). */
  | 'syntax'
  | 'unbound'
  | 'type'
  | 'arity'
  | 'arithmetic'
  /** The step budget, call depth, a size limit or the JS stack ran out. */
  | 'limit'
  /** A host (or builtin) function threw something that was not a LispError. */
  | 'host'
  /** Raised by a script with `(error …)`. */
  | 'user';

/** A call being evaluated when an error passed through it: `label` is the head of the form. */
export interface Frame {
  readonly label: string;
  readonly pos: Pos | undefined;
}

/**
 * An error while analysing or evaluating. `pos` is the innermost form; `frames`
 * are the calls it passed through, innermost first: a short Lisp-level stack.
 */
export class LispError extends Error {
  override readonly name = 'LispError';
  readonly frames: Frame[] = [];
  /** How many times each frame repeated in a row (recursion shows as `f at 1:2 ×400`, not 400 lines). */
  readonly repeats: number[] = [];
  /** Frames past MAX_ERROR_FRAMES, counted rather than kept. */
  droppedFrames = 0;
  private _pos: Pos | undefined;

  constructor(
    readonly kind: LispErrorKind,
    readonly reason: string,
    pos?: Pos,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this._pos = pos;
    this.message = this.describe();
  }

  get pos(): Pos | undefined {
    return this._pos;
  }

  /** Give the error a position if it has none yet (a builtin knows no positions; its call site does). */
  locate(pos: Pos | undefined): this {
    if (this._pos === undefined && pos !== undefined) {
      this._pos = pos;
      this.message = this.describe();
    }
    return this;
  }

  addFrame(frame: Frame): this {
    const last = this.frames.length - 1;
    const prev = this.frames[last];
    if (this.droppedFrames === 0 && prev !== undefined && prev.label === frame.label && samePos(prev.pos, frame.pos)) {
      this.repeats[last] = (this.repeats[last] as number) + 1;
    } else if (this.frames.length < MAX_ERROR_FRAMES) {
      this.frames.push(frame);
      this.repeats.push(1);
    } else {
      this.droppedFrames++;
    }
    this.message = this.describe();
    return this;
  }

  /** One line: `line:col: reason (in f at line:col, g at line:col)`. */
  private describe(): string {
    const where = this._pos === undefined ? '' : `${formatPos(this._pos)}: `;
    if (this.frames.length === 0) return `${where}${this.reason}`;
    const frames = this.frames.map((f, i) => {
      const times = this.repeats[i] as number;
      return `${f.label} at ${formatPos(f.pos)}${times > 1 ? ` ×${times}` : ''}`;
    });
    if (this.droppedFrames > 0) frames.push(`… ${this.droppedFrames} more`);
    return `${where}${this.reason} (in ${frames.join(', ')})`;
  }
}

function samePos(a: Pos | undefined, b: Pos | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.line === b.line && a.col === b.col && a.source === b.source);
}

const STACK_EXHAUSTED = 'Maximum call stack size exceeded';

/**
 * Whether V8 ran out of stack. Near the limit even compiling a regular
 * expression fails with the same message, so no regex here; and if this check
 * itself overflows, the throw goes up to a caller's frame, which has more room.
 */
function isStackExhaustion(err: unknown): boolean {
  return (err instanceof RangeError || err instanceof SyntaxError) && err.message.endsWith(STACK_EXHAUSTED);
}

/** Turn anything thrown under a Lisp call into a LispError, so hosts see one error type. */
export function asLispError(err: unknown, what: string): LispError {
  if (err instanceof LispError) return err;
  if (isStackExhaustion(err)) {
    return new LispError('limit', 'JS stack exhausted: nesting × call depth too large', undefined, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new LispError('host', `${what}: ${message}`, undefined, { cause: err });
}
