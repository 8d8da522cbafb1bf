import { describe, expect, it } from 'vitest';
import { createEnv } from '../src/lisp/builtins.js';
import { LispError } from '../src/lisp/errors.js';
import { evaluateSource } from '../src/lisp/evaluator.js';
import { print } from '../src/lisp/printer.js';

/** Evaluate a script in a fresh env and print its value. */
async function run(source: string): Promise<string> {
  return print(await evaluateSource(source, createEnv()));
}

async function fails(source: string): Promise<LispError> {
  try {
    await evaluateSource(source, createEnv());
  } catch (err) {
    expect(err).toBeInstanceOf(LispError);
    return err as LispError;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('special forms', () => {
  it.each([
    ["'(a b)", '(a b)'],
    ['(quote ¤)', '¤'],
    ['(if true 1 2)', '1'],
    ['(if nil 1 2)', '2'],
    ['(if false 1)', 'nil'],
    ['(if 0 :zero-is-true :no)', ':zero-is-true'],
    ["(if '() :yes :empty-list-is-nil)", ':empty-list-is-nil'],
    ['(cond ((> 1 2) :a) ((< 1 2) :b) (else :c))', ':b'],
    ['(cond ((> 1 2) :a) (else :c))', ':c'],
    ['(cond ((> 1 2) :a))', 'nil'],
    ['(cond (42))', '42'],
    ['(when (< 1 2) 1 2 3)', '3'],
    ['(when (> 1 2) 1)', 'nil'],
    ['(unless (> 1 2) :ran)', ':ran'],
    ['(let ((x 1) (y 2)) (+ x y))', '3'],
    ['(define x 10) (let ((x 1) (y x)) y)', '10'],
    ['(let* ((x 1) (y (+ x 1))) (list x y))', '(1 2)'],
    ['(do)', 'nil'],
    ['(do 1 2 3)', '3'],
    ['(define trace 22)', 'trace'],
    ['(define trace 22) trace', '22'],
    ['(defun sq (n) (* n n)) (sq 12)', '144'],
    ['(defun sq (n) (* n n))', 'sq'],
    ['((lambda (a &rest more) (list a more)) 1 2 3)', '(1 (2 3))'],
    ['((lambda (&rest xs) xs))', 'nil'],
    ['(define n 1) (set! n (+ n 1)) n', '2'],
    ['(and)', 'true'],
    ['(and 1 2 3)', '3'],
    ['(and 1 nil 3)', 'nil'],
    ['(or)', 'nil'],
    ['(or nil false 7)', '7'],
    ['(or nil false)', 'false'],
    ['(define b 2) `(a ,b ,@(list 3 4) [,b ,@[5]] {:k ,b})', '(a 2 3 4 [2 5] {:k 2})'],
    ['`(1 `(2 ,(3 ,(+ 1 3))))', '(1 `(2 ,(3 4)))'],
    ["`(a ,@nil b)", '(a b)'],
  ])('%s ⇒ %s', async (source, expected) => {
    expect(await run(source)).toBe(expected);
  });

  it('closures capture their defining env, and counters keep state', async () => {
    expect(
      await run(`
        (defun make-counter ()
          (let ((n 0))
            (lambda () (set! n (+ n 1)) n)))
        (define c (make-counter))
        (c) (c)
        (list (c) ((make-counter)))`),
    ).toBe('(3 1)');
  });

  it('define inside a function body binds locally', async () => {
    expect(await run('(define x :outer) (defun f () (define x :inner) x) (list (f) x)')).toBe('(:inner :outer)');
  });

  it('names functions bound by define and defun', async () => {
    expect(await run('(define f (lambda (x) x)) (defun g () 1) (list f g (lambda () 1))')).toBe('(#<fn f> #<fn g> #<fn>)');
  });

  it.each([
    ['(if)', 'if: expected (if test then [else])'],
    ['(let (x) x)', 'let: expected a binding (name value)'],
    ['(let ((1 2)) 1)', 'let: expected a symbol to bind'],
    ['(let ((x 1) (x 2)) x)', 'bound twice'],
    ['(define if 3)', 'if is a special form'],
    ['(lambda (a a) a)', 'used twice'],
    ['(lambda (a &rest) a)', '&rest must be followed'],
    ['(cond (else 1) (true 2))', 'else must be the last clause'],
    [',x', 'only allowed inside a quasiquote'],
    ['`,@x', ',@ must be inside a list'],
    ['(set! nope 1)', 'set! of unbound symbol nope'],
  ])('%s is an error: %s', async (source, message) => {
    const err = await fails(source);
    expect(err.message).toContain(message);
    expect(err.message).toMatch(/^\d+:\d+: /);
  });
});

describe('builtins', () => {
  it.each([
    ["(car '(1 2))", '1'],
    ["(cdr '(1 2))", '(2)'],
    ['(car nil)', 'nil'],
    ['(cdr [1 2 3])', '(2 3)'],
    ["(cons 0 '(1))", '(0 1)'],
    ['(cons 0 nil)', '(0)'],
    ['(list 1 :a "b")', '(1 :a "b")'],
    ["(first '(x y))", 'x'],
    ["(rest '(x y))", '(y)'],
    ["(nth 1 '(a b c))", 'b'],
    ["(nth 5 '(a b c))", 'nil'],
    ['(nth 0 [9])', '9'],
    ["(length '(1 2 3))", '3'],
    ['(length "¤◆x")', '3'],
    ['(length {:a 1})', '1'],
    ['(length nil)', '0'],
    ["(append '(1) [2] nil '(3 4))", '(1 2 3 4)'],
    ["(map (lambda (x) (* x x)) '(1 2 3))", '(1 4 9)'],
    ['(map car [[1] [2]])', '(1 2)'],
    ["(filter (lambda (x) (> x 1)) '(1 2 3))", '(2 3)'],
    ["(reduce + 0 '(1 2 3))", '6'],
    ["(reduce + '(1 2 3))", '6'],
    ['(reduce + nil)', 'nil'],
    ["(reverse '(1 2 3))", '(3 2 1)'],
    ["(apply + 1 '(2 3))", '6'],
    ['(range 4)', '(0 1 2 3)'],
    ['(range 2 4)', '(2 3)'],
    ['(empty? nil)', 'true'],
    ['(empty? [])', 'true'],
    ['(get {:a 1} :a)', '1'],
    ['(get {:a 1} :b)', 'nil'],
    ['(get {:a 1} :b :none)', ':none'],
    ['(get nil :a)', 'nil'],
    ['(assoc {:a 1} :b 2 :a 3)', '{:a 3 :b 2}'],
    ['(assoc nil "k" 1)', '{"k" 1}'],
    ['(dissoc {:a 1 :b 2} :a)', '{:b 2}'],
    ['(keys {:a 1 "b" 2 3 4})', '(:a "b" 3)'],
    ['(vals {:a 1 :b 2})', '(1 2)'],
    ['(contains? {:a nil} :a)', 'true'],
    ['({:network-seed 7} :network-seed)', '7'],
    ['(:outcome {:outcome :success})', ':success'],
    ['(:missing {:a 1} :default)', ':default'],
    ['(+ 1 2 3)', '6'],
    ['(+)', '0'],
    ['(- 10 1 2)', '7'],
    ['(- 5)', '-5'],
    ['(* 2 3 4)', '24'],
    ['(/ 7 2)', '3.5'],
    ['(/ 4)', '0.25'],
    ['(mod -7 3)', '2'],
    ['(quot -7 2)', '-3'],
    ['(min 3 1 2)', '1'],
    ['(max 3 1 2)', '3'],
    ['(abs -4)', '4'],
    ['(floor 2.7)', '2'],
    ['(round 2.5)', '3'],
    ['(< 1 2 3)', 'true'],
    ['(< 1 3 2)', 'false'],
    ['(>= 3 3 1)', 'true'],
    ['(= 1 1.0)', 'true'],
    ["(= '(a [1 {:k \"v\"}]) '(a [1 {:k \"v\"}]))", 'true'],
    ['(= {:a 1 :b 2} {:b 2 :a 1})', 'true'],
    ["(= '(1 2) [1 2])", 'false'],
    ['(= :a :a :b)', 'false'],
    ['(not= 1 2)', 'true'],
    ['(not nil)', 'true'],
    ['(not 0)', 'false'],
    ['(str "trace " 22 " " :hot nil)', '"trace 22 :hot"'],
    ['(concat "a" "b")', '"ab"'],
    ['(substring "¤◆abc" 1 3)', '"◆a"'],
    ['(substring "hello" 2)', '"llo"'],
    ['(upcase "ghost")', '"GHOST"'],
    ['(name :primary)', '"primary"'],
    ["(name 'ghost)", '"ghost"'],
    ['(list (number? 1) (string? "s") (symbol? \'s) (keyword? :k) (list? nil) (vector? []) (map? {}) (fn? car) (nil? nil))', '(true true true true true true true true true)'],
  ])('%s ⇒ %s', async (source, expected) => {
    expect(await run(source)).toBe(expected);
  });

  it('print writes display forms to the host output, not to stdout, and returns nil', async () => {
    const out: string[] = [];
    const env = createEnv({ output: (text) => out.push(text) });
    const v = await evaluateSource('(print "trace" 22 :k "x") (print)', env);
    expect(v).toBe(null);
    expect(out).toEqual(['trace 22 :k x\n', '\n']);
  });

  it.each([
    ['(car 5)', 'car: first argument must be a list or vector, got number'],
    ['(cons 1 2)', 'no dotted pairs'],
    ['(+ 1 "2")', '+: second argument must be a number, got string'],
    ['(< 1 :a)', '<: second argument must be a number, got keyword'],
    ['(/ 1 0)', '/: division by zero'],
    ['(mod 1 0)', 'mod: division by zero'],
    ['(* 1e300 1e300)', 'out of the range of a double'],
    ['(car)', 'car expects 1 argument, got 0'],
    ['((lambda (x) x))', 'fn expects 1 argument, got 0'],
    ['(assoc {} :a)', 'assoc expects at least 3 arguments'],
    ['(assoc {} [1] 2)', 'a map key must be'],
    ['(substring "abc" 2 9)', 'substring: third argument must be an index from 2 to 3'],
    ['(1 2)', 'not a function: 1'],
    ['(:k 5)', ':k looks a key up in a map, got number'],
    ['(error "no route to" :hr)', 'no route to :hr'],
  ])('%s fails: %s', async (source, message) => {
    expect((await fails(source)).message).toContain(message);
  });
});
