import { describe, expect, it } from 'vitest';
import { createEnv } from '../src/lisp/builtins.js';
import { evaluateSource } from '../src/lisp/evaluator.js';

/**
 * Issue 17 item 7: no builtin spreads a list into call arguments. `(append y nil)`
 * and `` `(0 ,@y) `` on a 300,000-element list failed with "JS stack exhausted"
 * because the list went through push(...).
 */
describe('long lists pass through builtins without spreading into call arguments', () => {
  const y = '(define y (range 300000))';

  it.each([
    ['append', `${y} (length (append y nil))`, 300_000],
    ['append of two', `${y} (length (append y y))`, 600_000],
    ['a splicing quasiquote', `${y} (length \`(0 ,@y))`, 300_001],
    ['a splicing quasiquote of a vector', `${y} (length \`[0 ,@(apply vector y) 1])`, 300_002],
    ['apply over a long list', `${y} (length (apply list y))`, 300_000],
  ])('%s', async (_what, source, length) => {
    expect(await evaluateSource(source, createEnv(), { limits: { maxSteps: 5_000_000 } })).toBe(length);
  });
});
