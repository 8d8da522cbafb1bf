// The actor import rule of docs/architecture.md, as an ESLint rule: `no-restricted-imports` sees only the
// specifier, and whether `../x/y.js` leaves an actor's folder depends on how deep the importing file is.
import path from 'node:path';

/** Where actors live: each folder directly under these is one actor (or one group of them). */
const ACTOR_ROOTS = ['actors', 'hardware-sim'];
/** What an actor declares for others to use: what it accepts and what it sends. */
const DECLARED = new Set(['inbox.js', 'messages.js']);

/** The actor folder a repo-relative path belongs to (`actors/cipher`), or null outside actors. */
function actorOf(rel) {
  const parts = rel.split('/');
  if (!ACTOR_ROOTS.includes(parts[0]) || parts.length < 2) return null;
  // A file directly under actors/ (the catalog) belongs to no actor: it is its own unit.
  return parts.length === 2 ? rel : `${parts[0]}/${parts[1]}`;
}

export const actorBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "An actor imports src/, its own folder, and other actors' inbox.ts / messages.ts, never their internals." },
    schema: [
      {
        type: 'object',
        properties: {
          /** Folders that count as one actor (a behaviour and the content it plays). */
          units: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
          /** Modules any actor may import besides the declared ones, with the reason beside them in the config. */
          shared: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      internal: "'{{spec}}' reaches into {{target}}'s internals; import its inbox.ts or messages.ts, or move what both need into src/ (docs/architecture.md).",
    },
  },
  create(context) {
    const { units = [], shared = [] } = context.options[0] ?? {};
    const unitOf = (folder) => units.find((u) => u.includes(folder))?.[0] ?? folder;
    const rel = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    const own = actorOf(rel);
    if (own === null) return {};
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      const theirs = actorOf(target);
      if (theirs === null || unitOf(theirs) === unitOf(own)) return;
      if (DECLARED.has(path.posix.basename(target)) || shared.includes(target)) return;
      context.report({ node: node.source, messageId: 'internal', data: { spec, target: unitOf(theirs) } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
