/** Where a form starts in its source: 1-based line and column, columns counted in code points. */
export interface Pos {
  readonly line: number;
  readonly col: number;
  /** The source's name (a file path, `stdin`…) when the host gave one. */
  readonly source?: string;
}

export function formatPos(pos: Pos | undefined): string {
  if (pos === undefined) return '?:?';
  return pos.source === undefined ? `${pos.line}:${pos.col}` : `${pos.source}:${pos.line}:${pos.col}`;
}
