import { type OperatorLink, OperatorSession } from '../../actors/mission-runner/session.js';
import { createEnv } from '../lisp/builtins.js';
import { ReadError } from '../lisp/errors.js';
import { readAll } from '../lisp/reader.js';
import { SPECIAL_FORMS } from '../lisp/special-forms.js';
import { Cons, Native, Sym, type Value, Vec, listToArray } from '../lisp/values.js';
import type { Problem } from '../mission-control/problems.js';

/** A link that is never used: the session is built only for the verbs it binds. */
const NO_DECK: OperatorLink = {
  request: () => null,
  call: () => Promise.reject(new Error('no deck: the script is only being checked')),
  log: () => undefined,
  random: () => 0,
  wait: () => null,
};

/**
 * Check an operator script without running it (`validate-schema --script`):
 * it must read, every call's head must be a special form, a builtin, a deck
 * verb or a name the script binds itself, and calls of builtins and deck verbs
 * must pass a count of arguments the verb takes. The deck verbs come from the
 * one place that binds them, the Mission Runner's OperatorSession, so this
 * check cannot drift from what a script really meets.
 */
export function checkScript(path: string, text: string): Problem[] {
  let forms: Value[];
  try {
    forms = readAll(text, { source: path });
  } catch (err) {
    if (err instanceof ReadError) return [{ pos: err.pos, message: err.reason }];
    throw err;
  }
  const env = new OperatorSession(createEnv(), NO_DECK).env;
  const own = new Set<string>();
  for (const f of forms) collectBound(f, own);
  const out: Problem[] = [];
  const visit = (form: Value): void => {
    if (form instanceof Vec) return form.items.forEach(visit);
    if (!(form instanceof Cons)) return;
    const head = form.car;
    const args = listToArray(form.cdr);
    if (head instanceof Sym) {
      if (head.name === 'quote' || head.name === 'quasiquote') return;
      if (head.name === 'cond') {
        // A clause is (test body…), not a call: its parts are checked, its head is not a verb.
        for (const clause of args) if (clause instanceof Cons) listToArray(clause).forEach(visit);
        return;
      }
      const verb = own.has(head.name) ? undefined : env.lookup(head.name);
      if (verb instanceof Native && (args.length < verb.minArgs || args.length > verb.maxArgs)) {
        const want = verb.minArgs === verb.maxArgs ? `${verb.minArgs}` : verb.maxArgs === Number.POSITIVE_INFINITY ? `at least ${verb.minArgs}` : `${verb.minArgs} to ${verb.maxArgs}`;
        out.push({ pos: head.pos ?? form.pos, message: `${head.name} takes ${want} argument${want === '1' ? '' : 's'}, given ${args.length}` });
      } else if (verb === undefined && !own.has(head.name) && !SPECIAL_FORMS.has(head.name)) {
        out.push({ pos: head.pos ?? form.pos, severity: 'warning', message: `unknown verb ${head.name}: not a special form, builtin or deck verb, and the script does not define it` });
      }
    } else {
      visit(head);
    }
    args.forEach(visit);
  };
  forms.forEach(visit);
  return out;
}

/** Every name the script binds anywhere (define, defun, parameters, let): calling one of them is not an unknown verb. */
function collectBound(form: Value, into: Set<string>): void {
  if (form instanceof Vec) return form.items.forEach((x) => collectBound(x, into));
  if (!(form instanceof Cons)) return;
  const items = listToArray(form);
  const [head, second, third] = items;
  const name = head instanceof Sym ? head.name : '';
  const addNames = (v: Value | undefined): void => {
    if (v instanceof Sym) into.add(v.name);
    else if (v instanceof Cons) for (const x of listToArray(v)) addNames(x instanceof Cons ? x.car : x);
  };
  if (name === 'define' || name === 'defun') {
    if (second instanceof Sym) into.add(second.name);
    if (name === 'defun') addNames(third);
  } else if (name === 'lambda' || name === 'let' || name === 'let*') {
    addNames(second);
  }
  for (const x of items) collectBound(x, into);
}
