import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));

/** Run the built `nosh repl` as a real process with `input` piped to its stdin. */
function nosh(input: string, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, 'repl', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

describe('nosh repl with stdin not a terminal', () => {
  it(`echo "(car '(1 2))" | nosh repl prints 1`, async () => {
    const { stdout, stderr, code } = await nosh("(car '(1 2))\n");
    expect(stdout).toBe('1\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('a malformed line prints error: with line:col and the next line still evaluates', async () => {
    const input = [
      '(define trace 22)',
      '(get {:trace} :trace)',
      '(+ trace 1)',
      '(car trace)',
      '(list trace',
      '      :hot) ; a form may span lines',
      '(print "cipher:" (str trace "%")) (+ 1 1)',
      ')',
      "'done",
    ].join('\n');
    const { stdout, code } = await nosh(input);
    expect(stdout.split('\n')).toEqual([
      'trace',
      'error: 2:6: map opened at 2:6 has 1 forms: expected key value pairs (an even count)',
      '23',
      'error: 4:1: car: first argument must be a list or vector, got number (in car at 4:1)',
      '(22 :hot)',
      'cipher: 22%',
      'nil',
      '2',
      "error: 8:1: unexpected ')': expected a form",
      'done',
      '',
    ]);
    expect(code).toBe(0);
  });

  it('--strict exits 1 when a form failed, 0 when none did', async () => {
    expect((await nosh('(car 5)\n(+ 1 2)\n', '--strict')).code).toBe(1);
    expect((await nosh('(+ 1 2)\n', '--strict')).code).toBe(0);
    expect((await nosh('(car 5)\n')).code).toBe(0);
  });

  it('input ending inside a form is a read error at end of input', async () => {
    const { stdout, code } = await nosh('(+ 1 2)\n(list 1\n  2', '--strict');
    expect(stdout).toBe("3\nerror: 3:4: unterminated list opened at 2:1: expected ')'\n");
    expect(code).toBe(1);
  });

  it('a runaway script is stopped and the REPL carries on', async () => {
    const { stdout } = await nosh('(defun f () (f))\n(f)\n(+ 2 2)\n', '--max-call-depth', '50');
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('f');
    expect(lines[1]).toMatch(/^error: 1:13: call depth limit of 50 exceeded/);
    expect(lines[2]).toBe('4');
  });

  it('rejects a bad option value the way other commands do', async () => {
    const { stderr, code } = await nosh('', '--max-steps', 'lots');
    expect(stderr).toContain("--max-steps needs an integer, got 'lots'");
    expect(code).not.toBe(0);
  });
});
