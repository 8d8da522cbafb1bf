/**
 * Every input and every run is bounded (TIGER_STYLE: put a limit on everything).
 * Reader and printer share MAX_DEPTH so that whatever prints also reads back.
 */

/** Longest source text the reader accepts, in UTF-16 code units. */
export const MAX_SOURCE_LENGTH = 8 * 1024 * 1024;
/** Deepest nesting of lists, vectors, maps and quote prefixes, in reader, printer, analysis and equality alike. */
export const MAX_DEPTH = 256;
/** Longest string, in UTF-16 code units: literals in source and strings built at run time. */
export const MAX_STRING_LENGTH = 1024 * 1024;
/** Longest symbol, keyword or number token. */
export const MAX_TOKEN_LENGTH = 1024;
/** Innermost call frames an error keeps for its Lisp-level stack. */
export const MAX_ERROR_FRAMES = 8;
/** Nodes a compiled predicate may have; a `:hold` check runs every tick, so it stays small. */
export const MAX_PREDICATE_NODES = 512;

/** Per-run limits of the evaluator; a host may lower or raise them per script. */
export interface Limits {
  /**
   * Work a run may do: one step per function application, plus one per element
   * for builtins that walk or build collections, so a budget bounds time and memory.
   */
  readonly maxSteps: number;
  /** Nested Lisp function calls (there is no tail-call elimination). */
  readonly maxCallDepth: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxSteps: 1_000_000,
  maxCallDepth: 400,
});

/** Merge a host's overrides, refusing nonsense rather than running unbounded. */
export function resolveLimits(overrides?: Partial<Limits>): Limits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`Lisp limit ${name} must be a positive integer, got ${value}`);
  }
  return limits;
}
