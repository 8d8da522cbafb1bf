import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startRepl } from '../src/cli/repl.js';
import { createEnv, defineNative } from '../src/lisp/builtins.js';
import { ReplSession } from '../src/lisp/repl-session.js';

function session(): { s: ReplSession; out: string[] } {
  const out: string[] = [];
  const env = createEnv();
  defineNative(env, 'current-mission', () => null);
  return { s: new ReplSession({ env, write: (t) => out.push(t) }), out };
}

describe('REPL session (no I/O)', () => {
  it('waits for a form spanning lines, then evaluates it', async () => {
    const { s, out } = session();
    await s.feedLine('(+ 1');
    expect(s.pending).toBe(true);
    expect(out).toEqual([]);
    await s.feedLine('   2) (list');
    expect(out).toEqual(['3\n']);
    expect(s.pending).toBe(true);
    await s.feedLine('"a (" ; a comment with )');
    await s.feedLine(')');
    expect(out).toEqual(['3\n', '("a (")\n']);
    expect(s.pending).toBe(false);
    expect(s.forms).toBe(2);
  });

  it('a multi-line string keeps reading; discard drops an unfinished form', async () => {
    const { s, out } = session();
    await s.feedLine('"two');
    await s.feedLine('lines"');
    expect(out).toEqual(['"two\\nlines"\n']);
    await s.feedLine('(oops');
    s.discard();
    await s.feedLine('(+ 2 2)');
    await s.end();
    expect(out.at(-1)).toBe('4\n');
    expect(s.errors).toBe(0);
  });

  it('reports errors with positions in the whole stream, not the line', async () => {
    const { s, out } = session();
    await s.feedLine('');
    await s.feedLine('  (car');
    await s.feedLine('    missing)');
    expect(out).toEqual(['error: 3:5: unbound symbol missing (in car at 2:3)\n']);
    expect(s.errors).toBe(1);
  });

  it('completes bound names, host bindings and special forms', () => {
    const { s } = session();
    expect(s.complete('(curr')).toEqual([['current-mission'], 'curr']);
    expect(s.complete("(map (lambda (x) (fil")).toEqual([['filter'], 'fil']);
    expect(s.complete('(de')[0]).toEqual(['define', 'defun']);
    expect(s.complete('(let* ((q (su')).toEqual([['substring'], 'su']);
  });
});

describe('startRepl on a terminal', () => {
  it('prompts, continues a multi-line form, completes with Tab, and ends on end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.setEncoding('utf8').on('data', (d: string) => (shown += d));
    const done = startRepl({ input, output, terminal: true, env: createEnv() });
    const typed = async (text: string): Promise<void> => {
      input.write(text);
      await new Promise((resolve) => setImmediate(resolve));
    };
    await typed('(+ 40\r');
    await typed('2)\r');
    // Tab on its own, as a keypress: readline takes a tab inside pasted text literally.
    await typed('(ca');
    await typed('\t');
    await typed(" '(7 8))\r");
    // Ctrl-C drops the unfinished form instead of ending the session.
    await typed('(list 1\r');
    await typed('\x03');
    await typed('(+ 2 3)\r');
    input.end();
    const result = await done;
    expect(result).toEqual({ forms: 3, errors: 0, exitCode: 0 });
    expect(shown).toContain('nosh> ');
    expect(shown).toContain('...> ');
    expect(shown).toContain('42\n');
    expect(shown).toContain("(car '(7 8))");
    expect(shown).toContain('7\n');
    expect(shown).toContain('5\n');
    expect(shown).not.toContain('(1');
  });
});
