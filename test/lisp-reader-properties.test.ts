import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equal } from '../src/lisp/equal.js';
import { ReadError } from '../src/lisp/errors.js';
import { print } from '../src/lisp/printer.js';
import { read, readAll } from '../src/lisp/reader.js';
import { Keyword, LispMap, Sym, type Value, Vec, arrayToList, mapKey } from '../src/lisp/values.js';

/** Characters that matter to the reader, plus ordinary and exotic ones. */
const LISPY = [...'()[]{}"\';`,@#:\\ \n\t0123456789.-+xeEabz¤◆—😀', '\\"', '\\n', '\\u{', ';;', '0x', '1e', '..', ' nil ', ' true '];

const lispyText = fc.array(fc.constantFrom(...LISPY), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 80 });

/** Reading either gives forms or a ReadError; anything else (TypeError, RangeError…) fails the property. */
function readsOrRefuses(text: string): boolean {
  try {
    readAll(text);
    return true;
  } catch (err) {
    if (err instanceof ReadError) return true;
    throw err;
  }
}

describe('reader on random text', () => {
  it('returns forms or throws ReadError for thousands of lisp-flavoured strings', () => {
    fc.assert(fc.property(lispyText, readsOrRefuses), { numRuns: 5000 });
  });

  it('returns forms or throws ReadError for arbitrary UTF-16 (lone surrogates included)', () => {
    fc.assert(fc.property(anyText, readsOrRefuses), { numRuns: 3000 });
  });

  it('stays a ReadError, fast, on deep or long adversarial input', () => {
    const deep = fc.tuple(fc.constantFrom('(', '[', '{', "'", '`', ',@'), fc.integer({ min: 200, max: 20_000 })).map(([open, n]) => open.repeat(n));
    const started = performance.now();
    fc.assert(fc.property(deep, readsOrRefuses), { numRuns: 200 });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('whatever reads from random text prints back to something that reads equal', () => {
    fc.assert(
      fc.property(lispyText, (text) => {
        let forms: Value[];
        try {
          forms = readAll(text);
        } catch {
          return true;
        }
        // Whatever read completely must also read the same when re-read from its printed form.
        return forms.every((f) => {
          try {
            return equal(read(print(f)), f);
          } catch (err) {
            // Reading never produces a value the printer cannot print, except past the shared limits.
            throw new Error(`${JSON.stringify(text)} read, but its form did not round-trip: ${String(err)}`, { cause: err });
          }
        });
      }),
      { numRuns: 3000 },
    );
  });
});

/** Names the reader reads back as the same symbol (decided by the reader, not by the printer under test). */
function readsAsSymbol(name: string): boolean {
  try {
    const v = read(name);
    return v instanceof Sym && v.name === name;
  } catch {
    return false;
  }
}

function readsAsKeyword(name: string): boolean {
  try {
    const v = read(`:${name}`);
    return v instanceof Keyword && v.name === name;
  } catch {
    return false;
  }
}

const nameChars = fc.constantFrom(...'abcxyz-+*/<>=!?&%$_.:#@0123456789¤◆—😀'.split(''), 'é', 'ß');
const name = fc.array(nameChars, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
const symbol = name.filter(readsAsSymbol).map((n) => new Sym(n));
const keyword = name.filter(readsAsKeyword).map((n) => new Keyword(n));

const atom: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  symbol,
  keyword,
);
const mapKeyAtom: fc.Arbitrary<Value> = fc.oneof(keyword, fc.string({ maxLength: 8 }), fc.integer(), symbol, fc.boolean());

const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.array(tie('value'), { maxLength: 6 }).map((xs) => arrayToList(xs)),
    fc.array(tie('value'), { maxLength: 6 }).map((xs) => new Vec(xs)),
    fc.uniqueArray(fc.tuple(mapKeyAtom, tie('value')), { maxLength: 5, selector: ([k]) => mapKey(k) }).map((pairs) => LispMap.fromPairs(pairs)),
  ),
}));

describe('read(print(v)) equals v', () => {
  it('for random readable values', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = print(v);
        const back = read(text);
        return equal(back, v) && print(back) === text;
      }),
      { numRuns: 3000 },
    );
  });

  it('for any symbol or keyword name, the printer either round-trips or prints something the reader refuses', () => {
    const anyName = fc.string({ unit: 'grapheme', maxLength: 10 });
    fc.assert(
      fc.property(anyName, fc.boolean(), (n, isKeyword) => {
        const v = isKeyword ? new Keyword(n) : new Sym(n);
        const text = print(v);
        try {
          return equal(read(text), v);
        } catch (err) {
          return err instanceof ReadError && text.startsWith('#<');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
