/** `12345` → `12,345`: done by hand so output never depends on the host's ICU data. */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** The ¤ amount as the board shows it. */
export function credits(n: number): string {
  return `¤${groupThousands(n)}`;
}

/** Contract ids as the operator sees them: `C-3F2A` (the low 16 bits; the board never holds two alike). */
export function contractLabel(id: number): string {
  return `C-${(id & 0xffff).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Deck wall-clock ms as an ISO time (UTC), for designers' `--reveal` output. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
