import { describe, expect, it } from 'vitest';
import { createEnv } from '../src/lisp/builtins.js';
import { LispError } from '../src/lisp/errors.js';
import { evaluateSource } from '../src/lisp/evaluator.js';

/**
 * Issue 17 item 7: every builtin pays for the work it does, so the step budget
 * bounds time. Each form below does far more work than its step count showed
 * before (`=` on long lists ran 27 s on 8,000 steps); under a 100,000-step
 * budget each now runs out of steps instead of finishing.
 */
const BUDGET = { limits: { maxSteps: 100_000 } };

async function outcome(source: string): Promise<string> {
  try {
    await evaluateSource(source, createEnv(), BUDGET);
    return 'finished';
  } catch (err) {
    expect(err).toBeInstanceOf(LispError);
    return (err as LispError).message.includes('step budget of 100000 exhausted') ? 'out of steps' : (err as LispError).message;
  }
}

const BIG_STRING = '(define s (str (range 20000))) (define t (str (range 20000)))';

describe('the step budget charges builtins for their work', () => {
  it.each([
    ['= on two long lists', '(define z (range 20000)) (define w (range 20000)) (map (lambda (i) (= z w)) (range 10))'],
    ['not= on two long lists', '(define z (range 20000)) (define w (range 20000)) (map (lambda (i) (not= z w)) (range 10))'],
    ['= on two long strings', `${BIG_STRING} (map (lambda (i) (= s t)) (range 100))`],
    ['str of a long list', '(define y (range 5000)) (map (lambda (i) (str y)) (range 100))'],
    ['print of a long list', '(define y (range 5000)) (map (lambda (i) (print y)) (range 100))'],
    ['get with a long string key', `${BIG_STRING} (map (lambda (i) (get {} s)) (range 100))`],
    ['contains? with a long string key', `${BIG_STRING} (map (lambda (i) (contains? {} s)) (range 100))`],
    ['length of a long string', `${BIG_STRING} (map (lambda (i) (length s)) (range 20))`],
    ['substring of a long string', `${BIG_STRING} (map (lambda (i) (substring s 0 1)) (range 10))`],
    ['assoc of several pairs onto a big map', '(define m (reduce (lambda (m i) (assoc m i i)) {} (range 300))) (map (lambda (i) (assoc m :a 1 :b 2 :c 3 :d 4)) (range 50))'],
  ])('%s', async (_what, source) => {
    expect(await outcome(source)).toBe('out of steps');
  });

  it('small work stays cheap: comparing numbers and short strings costs no more than the call', async () => {
    expect(await outcome('(map (lambda (i) (and (= i i) (= "short" "short") (not= :a :b))) (range 10000))')).toBe('finished');
  });
});
