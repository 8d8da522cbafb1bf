import { describe, expect, it } from 'vitest';
import { createEnv } from '../src/lisp/builtins.js';
import { ReplSession } from '../src/lisp/repl-session.js';

/**
 * Issue 17 item 7: reading is linear in the input. The REPL re-read the whole
 * pending form on every line, so a 20,000-line form took 150 s. It now keeps
 * its scan state between lines and reads a form once, when it is finished.
 */
function session(): { s: ReplSession; out: string[] } {
  const out: string[] = [];
  return { s: new ReplSession({ env: createEnv(), write: (t) => out.push(t), limits: { maxSteps: 5_000_000 } }), out };
}

describe('the REPL reads a long multi-line form once', () => {
  it('a 20,000-line form costs a few looks per character, not one per line per character', async () => {
    const { s, out } = session();
    const lines = ['(length (list', ...Array.from({ length: 20_000 }, (_, i) => `  ${i} "a ) string" ; a ( comment`), '))'];
    let fed = 0;
    for (const line of lines) {
      await s.feedLine(line);
      fed += line.length + 1;
    }
    expect(out).toEqual(['40000\n']);
    expect(s.charactersScanned).toBeLessThanOrEqual(3 * fed);
  });

  it('forms that end mid-line still run at once, and the rest keeps waiting', async () => {
    const { s, out } = session();
    await s.feedLine('(+ 1 2) (list 1');
    expect(out).toEqual(['3\n']);
    expect(s.pending).toBe(true);
    await s.feedLine("  `(0 ,@'(2 3)) 'x) :k");
    expect(out).toEqual(['3\n', '(1 (0 2 3) x)\n', ':k\n']);
    expect(s.pending).toBe(false);
    await s.feedLine("'");
    expect(s.pending).toBe(true);
    await s.feedLine('sym ; quoted over a line break');
    expect(out.at(-1)).toBe('sym\n');
  });

  it('a closer that does not match is reported on its line', async () => {
    const { s, out } = session();
    await s.feedLine('(list 1');
    await s.feedLine('  2]');
    expect(out).toEqual(["error: 2:4: expected ')' to close the list opened at 1:1, found ']'\n"]);
    expect(s.pending).toBe(false);
  });
});
