/** The markers around the generated part of docs/operator-scripts.md. */
export const GENERATED_BEGIN = '<!-- BEGIN GENERATED: operator verbs -->';
export const GENERATED_END = '<!-- END GENERATED: operator verbs -->';

/** The text between the markers (trimmed), or null when the markers are missing. */
export function generatedPart(doc: string): string | null {
  const from = doc.indexOf(GENERATED_BEGIN);
  const to = doc.indexOf(GENERATED_END);
  if (from < 0 || to < from) return null;
  return doc.slice(from + GENERATED_BEGIN.length, to).trim();
}

/** `doc` with the text between the markers replaced by `reference`. */
export function replaceGenerated(doc: string, reference: string): string {
  const from = doc.indexOf(GENERATED_BEGIN);
  const to = doc.indexOf(GENERATED_END);
  if (from < 0 || to < from) throw new Error(`docs/operator-scripts.md: the markers ${GENERATED_BEGIN} … ${GENERATED_END} are missing`);
  return `${doc.slice(0, from + GENERATED_BEGIN.length)}\n\n${reference.trim()}\n\n${doc.slice(to)}`;
}
