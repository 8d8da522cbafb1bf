import { createEnv } from '../src/lisp/builtins.js';
import { compilePredicate } from '../src/lisp/compile-predicate.js';
import { evaluateAll } from '../src/lisp/evaluator.js';
import { readAll } from '../src/lisp/reader.js';
import { compareLatency, measureLatency, round, timeOne } from './measure.js';

// A type literal, not an interface, so it fits the predicate's Record<string, …> parameter.
type HoldVars = { readonly trace: number; readonly timer: number };

/** Calls per measured iteration: enough that tinybench's own per-iteration cost is noise. */
const BATCH = 16_384;
/** Distinct variable records, so neither side can fold the answer to a constant. */
const RECORDS = 1024;

/**
 * nOSh Lisp in one run:
 *  - a compiled `:hold` predicate, `(and (< trace 50) (>= timer 0))`, against
 *    the same check written as a plain JS closure, both called BATCH times per
 *    iteration over the same records from loops of their own (alternating
 *    rounds, medians); the ratio is the predicate's overhead;
 *  - evaluating a 20-form Mission Runner-style script (already read) in a
 *    fresh env: analysis and evaluation, no reading.
 */
export async function lispSuite(timeMs = 4000): Promise<Record<string, number>> {
  const records = holdRecords();
  const predicate = compilePredicate('(and (< trace 50) (>= timer 0))', ['trace', 'timer']);
  const jsClosure = (v: HoldVars): boolean => v.trace < 50 && v.timer >= 0;

  // Two loops written out separately: one shared loop would see two callees
  // and pessimise both, hiding the difference being measured.
  let sink = 0;
  const predicateBatch = (): void => {
    let hits = 0;
    for (let i = 0; i < BATCH; i++) if (predicate(records[i & (RECORDS - 1)] as HoldVars)) hits++;
    sink += hits;
  };
  const jsBatch = (): void => {
    let hits = 0;
    for (let i = 0; i < BATCH; i++) if (jsClosure(records[i & (RECORDS - 1)] as HoldVars)) hits++;
    sink += hits;
  };
  // Cold: the first batch of each, before anything else called them.
  const predicateColdUs = await timeOne(predicateBatch);
  const jsColdUs = await timeOne(jsBatch);
  const expected = records.filter(jsClosure).length;
  if (records.filter((r) => predicate(r)).length !== expected) throw new Error('compiled predicate disagrees with the JS closure');

  const { baseline, candidate, ratioP50 } = await compareLatency({ name: 'JS closure', fn: jsBatch }, { name: 'compiled predicate', fn: predicateBatch }, timeMs);
  const evalLat = await evalScript(timeMs / 2);
  if (sink === 0) throw new Error('benchmark loops did no work');
  return {
    predicateColdNsPerCall: round((predicateColdUs * 1000) / BATCH, 3),
    jsClosureColdNsPerCall: round((jsColdUs * 1000) / BATCH, 3),
    predicateNsPerCall: round((candidate.p50Us * 1000) / BATCH, 3),
    jsClosureNsPerCall: round((baseline.p50Us * 1000) / BATCH, 3),
    predicateRatio: round(ratioP50, 3),
    evalScriptColdUs: round(evalLat.coldUs),
    evalScriptUs: round(evalLat.p50Us),
  };
}

/** A fixed spread of trace and timer values (an LCG, so every run checks the same records). */
function holdRecords(): HoldVars[] {
  const out: HoldVars[] = [];
  let s = 12345;
  for (let i = 0; i < RECORDS; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push({ trace: s % 100, timer: ((s >>> 8) % 20) - 5 });
  }
  return out;
}

/** Twenty top-level forms of the kind an operator's script runs: bindings, closures, list work, a little recursion. */
export const SCRIPT = `
(define mission {:threat 3 :seed 7 :goals '(breach exfil ghost)})
(define trace 0)
(defun bump-trace (n) (set! trace (+ trace n)) trace)
(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define goals (get mission :goals))
(define states (map (lambda (g) (list g :open)) goals))
(defun goal-state (g) (car (cdr (car (filter (lambda (s) (= (car s) g)) states)))))
(bump-trace 12)
(bump-trace 9)
(define payouts (map (lambda (n) (* n 100)) (range 1 10)))
(define total (reduce + 0 payouts))
(let* ((threat (:threat mission)) (scaled (* total threat))) (set! total scaled))
(cond ((> trace 50) :burned) ((> trace 20) :hot) (else :cold))
(fib 12)
(define report \`(mission ,(get mission :seed) :trace ,trace :total ,total))
(str "trace " trace " total " total)
(when (< trace 50) (goal-state 'ghost))
(define final (assoc mission :trace trace :status (if (< trace 50) :clean :burned)))
(unless (= (get final :status) :clean) (print "burned"))
(length (append states payouts))
`;

/** The script's first evaluation (cold, and checked) and the p50 after warm-up. */
async function evalScript(timeMs: number): Promise<{ coldUs: number; p50Us: number }> {
  const forms = readAll(SCRIPT, 'bench-script.lisp');
  if (forms.length !== 20) throw new Error(`bench script has ${forms.length} forms, not 20`);
  let check: unknown;
  const coldUs = await timeOne(async () => void (check = await evaluateAll(forms, createEnv())));
  if (check !== 12) throw new Error(`bench script returned ${String(check)}, expected 12`);
  const lat = await measureLatency('eval 20-form script', () => evaluateAll(forms, createEnv()), timeMs);
  return { coldUs, p50Us: lat.p50Us };
}
