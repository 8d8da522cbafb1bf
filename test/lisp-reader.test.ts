import { describe, expect, it } from 'vitest';
import { ReadError } from '../src/lisp/errors.js';
import { MAX_DEPTH, MAX_STRING_LENGTH } from '../src/lisp/limits.js';
import { END, Reader, read, readAll } from '../src/lisp/reader.js';
import { Cons, Keyword, LispMap, Sym, type Value, Vec, listToArray } from '../src/lisp/values.js';

function readError(text: string): ReadError {
  try {
    readAll(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ReadError);
    return err as ReadError;
  }
  throw new Error(`expected a ReadError reading ${JSON.stringify(text)}`);
}

function items(v: Value): Value[] {
  expect(v).toBeInstanceOf(Cons);
  return listToArray(v as Cons);
}

describe('reader atoms', () => {
  it.each([
    ['42', 42],
    ['-7', -7],
    ['+3', 3],
    ['0x01', 1],
    ['0xFF', 255],
    ['-0x10', -16],
    ['3.25', 3.25],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1.5e-7', 1.5e-7],
    ['"plain"', 'plain'],
    ['nil', null],
    ['()', null],
    ['true', true],
    ['false', false],
  ])('%s reads as %j', (text, value) => {
    expect(read(text)).toBe(value);
  });

  it.each(['¤', '◆', 'payroll-exfil', '<', '>=', '0..2', 'set!', 'let*', '3d6', '1.', 'a#b', '@x', 'x:y'])('%s reads as a symbol', (text) => {
    const v = read(text);
    expect(v).toBeInstanceOf(Sym);
    expect((v as Sym).name).toBe(text);
  });

  it('reads keywords without the colon in the name', () => {
    const v = read(':on-resolve');
    expect(v).toBeInstanceOf(Keyword);
    expect((v as Keyword).name).toBe('on-resolve');
  });

  it('reads string escapes, including \\u{…} and raw newlines', () => {
    expect(read('"a\\"b\\\\c\\nd\\te\\rf"')).toBe('a"b\\c\nd\te\rf');
    expect(read('"\\u{a4}\\u{1F600}"')).toBe('¤😀');
    expect(read('"line one\nline two"')).toBe('line one\nline two');
  });
});

describe('reader compound forms', () => {
  it('reads lists, vectors and maps, nested', () => {
    const v = read('(goal exfil :reward ((¤ 900 :on-resolve)) :where [1 2] :meta {:k "v" 3 4})');
    const xs = items(v);
    expect((xs[0] as Sym).name).toBe('goal');
    const reward = items(xs[3] as Value);
    expect(items(reward[0] as Value).map((x) => (x instanceof Sym || x instanceof Keyword ? x.name : x))).toEqual(['¤', 900, 'on-resolve']);
    expect(xs[5]).toBeInstanceOf(Vec);
    expect((xs[5] as Vec).items).toEqual([1, 2]);
    const meta = xs[7] as LispMap;
    expect(meta).toBeInstanceOf(LispMap);
    expect(meta.get(new Keyword('k'))).toBe('v');
    expect(meta.get(3)).toBe(4);
  });

  it.each([
    ["'x", 'quote'],
    ['`x', 'quasiquote'],
    [',x', 'unquote'],
    [',@x', 'unquote-splicing'],
  ])('%s reads as (%s x)', (text, head) => {
    const xs = items(read(text));
    expect(xs).toHaveLength(2);
    expect((xs[0] as Sym).name).toBe(head);
    expect((xs[1] as Sym).name).toBe('x');
  });

  it('skips ; comments, including one at the very end without a newline', () => {
    expect(readAll('; header\n(a ; inside\n b) ; trailing')).toHaveLength(1);
    expect(items(readAll('(a ; inside\n b)')[0] as Value)).toHaveLength(2);
    expect(readAll('; only a comment')).toEqual([]);
  });

  it('returns every form in a file', () => {
    expect(readAll('1 "two" :three (4) [5] {6 7}')).toHaveLength(6);
  });
});

describe('reader positions', () => {
  it('puts line:col (code points) and the source name on forms', () => {
    const [first, second] = readAll('(a b)\n  ¤ (¤ :k)', 'mission.lisp');
    expect((first as Cons).pos).toEqual({ line: 1, col: 1, source: 'mission.lisp' });
    expect((second as Sym).pos).toEqual({ line: 2, col: 3, source: 'mission.lisp' });
    const third = readAll('(a b)\n  ¤ (¤ :k)')[2] as Cons;
    expect(third.pos).toEqual({ line: 2, col: 5 });
    // The cell of an element carries the element's position; ¤ is one column wide.
    expect((third.cdr as Cons).pos).toEqual({ line: 2, col: 8 });
    expect(((third.cdr as Cons).car as Keyword).pos).toEqual({ line: 2, col: 8 });
  });

  it('starts where it is told (a REPL line in the middle of a stream)', () => {
    const reader = new Reader('  x', { line: 7, col: 1 });
    expect(((reader.next() as Sym).pos)).toEqual({ line: 7, col: 3 });
    expect(reader.next()).toBe(END);
  });
});

describe('read errors', () => {
  it.each([
    ['(a b', 1, 5, "expected ')'", true],
    ['(a\n  [b c', 2, 7, "expected ']'", true],
    ['"abc', 1, 5, `expected '"'`, true],
    ["'", 1, 2, 'expected a form after', true],
    ['(a ]', 1, 4, "expected ')' to close the list opened at 1:1, found ']'", false],
    [')', 1, 1, "unexpected ')'", false],
    ['{:a}', 1, 1, 'even count', false],
    ['{(1) 2}', 1, 2, 'expected a map key', false],
    ['{:a 1 :a 2}', 1, 7, 'duplicate key', false],
    ['"\\q"', 1, 2, 'unknown escape', false],
    ['#<fn f>', 1, 1, 'unreadable', false],
    [':', 1, 1, 'keyword name', false],
    ['9007199254740993', 1, 1, 'outside', false],
    ['1e999', 1, 1, 'too large', false],
  ])('%j fails at %i:%i with %j', (text, line, col, expected, incomplete) => {
    const err = readError(text);
    expect(err.line).toBe(line);
    expect(err.col).toBe(col);
    expect(err.message).toContain(expected);
    expect(err.message.startsWith(`${line}:${col}: `)).toBe(true);
    expect(err.incomplete).toBe(incomplete);
  });

  it('names the source in the message when it has one', () => {
    expect(() => readAll('(a', 'goals.lisp')).toThrow(/^goals\.lisp:1:3: unterminated list opened at goals\.lisp:1:1/);
  });

  it('never returns a partial result: forms before an unterminated one are not returned either', () => {
    expect(() => readAll('(ok) (broken')).toThrow(ReadError);
  });

  it('read takes exactly one form', () => {
    expect(() => read('')).toThrow(/expected a form, found end of input/);
    expect(() => read('1 2')).toThrow(/expected end of input after the form/);
  });

  it(`limits nesting to ${MAX_DEPTH} levels`, () => {
    expect(() => read(`${'('.repeat(MAX_DEPTH)}${')'.repeat(MAX_DEPTH)}`)).not.toThrow();
    expect(() => read(`${'('.repeat(MAX_DEPTH + 1)}${')'.repeat(MAX_DEPTH + 1)}`)).toThrow(/nest deeper than 256/);
    expect(() => read(`${"'".repeat(MAX_DEPTH + 1)}x`)).toThrow(/nest deeper/);
    // Far past the limit is still a ReadError, never a JS stack overflow.
    expect(() => read('['.repeat(100_000))).toThrow(ReadError);
  });

  it('limits string length', () => {
    expect(read(`"${'a'.repeat(MAX_STRING_LENGTH)}"`)).toHaveLength(MAX_STRING_LENGTH);
    expect(() => read(`"${'a'.repeat(MAX_STRING_LENGTH + 1)}"`)).toThrow(/longer than/);
  });
});
