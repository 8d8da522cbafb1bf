import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openLiveDeck } from '../src/campaign/live-deck.js';
import { createEnv } from '../src/lisp/builtins.js';
import { readAll } from '../src/lisp/reader.js';
import { generatedPart } from '../src/mission-control/operator-doc.js';
import { OPERATOR_VERBS, renderReference } from '../src/mission-control/operator-verbs.js';

const DOC = new URL('../docs/operator-scripts.md', import.meta.url);

describe('docs/operator-scripts.md and (help) read one table', () => {
  it('the reference in the doc is the table as rendered (run node .ci/operator-doc.mjs after changing it)', () => {
    expect(generatedPart(readFileSync(DOC, 'utf8'))).toBe(renderReference().trim());
  });

  it('every verb of the table is bound on a live deck, and every verb the deck binds is in the table', async () => {
    const deck = await openLiveDeck({ seed: 3, placement: 'inline', out: () => {} });
    try {
      const builtins = new Set(createEnv().names());
      const bound = deck.env.names().filter((n) => !builtins.has(n));
      const listed = OPERATOR_VERBS.filter((v) => v.kind !== 'hook').map((v) => v.name);
      for (const name of listed) expect(deck.env.lookup(name), `${name} is in the table but not bound`).not.toBeUndefined();
      for (const name of bound) expect(listed, `${name} is bound on the deck but not in the table`).toContain(name);
    } finally {
      await deck.close();
    }
  });

  it('every example reads as Lisp', () => {
    for (const v of OPERATOR_VERBS) expect(() => readAll(v.example), v.name).not.toThrow();
  });
});
