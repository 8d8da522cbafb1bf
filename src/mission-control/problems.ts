import { type Pos, formatPos } from '../lisp/position.js';

/**
 * One thing wrong with cart content, at a source position. Cart files are
 * read by the CLI, which names each file; positions then print as
 * `FILE:line:col`, the form every editor jumps to.
 */
export interface Problem {
  readonly pos: Pos | undefined;
  readonly message: string;
  /** An error unless said otherwise; a script's unknown verb is a warning (it may be bound by a cart at run time). */
  readonly severity?: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  return `${formatPos(p.pos)}: ${p.severity ?? 'error'}: ${p.message}`;
}

/** Problems in source order (file, then line, then column), so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => {
    const sa = a.pos?.source ?? '';
    const sb = b.pos?.source ?? '';
    if (sa !== sb) return sa < sb ? -1 : 1;
    return (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
  });
}

/** Thrown where one problem makes a form unusable; collected into the problem list by the caller. */
export class FormProblem extends Error {
  override readonly name = 'FormProblem';
  constructor(
    readonly problem: Problem,
  ) {
    super(formatProblem(problem));
  }
}

export function fail(pos: Pos | undefined, message: string): never {
  throw new FormProblem({ pos, message });
}
