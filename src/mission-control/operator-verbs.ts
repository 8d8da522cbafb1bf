/**
 * The operator's verbs (seed 004 §5.2) as one table: what `(help)` prints in
 * the Mission Runner's Lisp and what docs/operator-scripts.md lists, so the two
 * cannot drift (test/operator-reference-matches.test.ts checks the doc against
 * `renderReference()`, and every verb here against the live deck's bindings).
 */
export interface OperatorVerb {
  readonly name: string;
  /** How it is called, e.g. `(accept INDEX)`; `[X]` is optional. */
  readonly signature: string;
  /** What it returns. */
  readonly returns: string;
  /** What it does, in a sentence or two. */
  readonly does: string;
  /** A form a script could write. */
  readonly example: string;
  /** `binding`: a variable the deck keeps bound; `hook`: a function the script defines and the runner calls. */
  readonly kind: 'verb' | 'binding' | 'hook';
  readonly group: 'deck' | 'board' | 'mission' | 'goals' | 'reactive' | 'script';
}

const REFUSAL = 'or `{:error :CODE :message "…"}` when the deck refuses';

export const OPERATOR_VERBS: readonly OperatorVerb[] = [
  // ---- the deck
  { group: 'deck', kind: 'verb', name: 'status', signature: '(status [:all])', returns: 'a map: `:credits :reputation :inserted :owned :mission :board :now :runs :session :owed :intel`; with `:all` also `:access` (the access flags held)', does: 'The deck\'s numbers: every currency (credits ¤, reputation, intel points), the cart in the slot and the carts owned, the running mission\'s schema (nil when none), how many contracts are on the board, deck time in ms, runs resolved, the boot session, and settled contracts that still owe a pay-out.', example: '(get (status) :intel)' },
  { group: 'deck', kind: 'verb', name: 'insert-cart', signature: '(insert-cart CART)', returns: `the cart seated, as a keyword, ${REFUSAL}`, does: 'Seat a cartridge the operator owns (a Hot Swap when another is in the slot). The deck registers it and the board widens to contracts that need it.', example: '(insert-cart :ice-breaker)' },
  { group: 'deck', kind: 'verb', name: 'check-in', signature: '(check-in)', returns: 'a list of what was paid, one map per settled contract that paid; nil when nothing fell due, or `{:error …}` during a mission', does: 'Visit the contracts already settled: deferred pay-outs that fell due are paid and implants report, once a boot session.', example: '(check-in)' },
  { group: 'deck', kind: 'verb', name: 'power-off', signature: '(power-off HOURS)', returns: `\`:ready\` when the deck is back on, \`:mission-restored\` when it came back with a mission bound, ${REFUSAL}`, does: 'Switch the deck off for HOURS of deck time (up to a year); contracts expire meanwhile. Refused while a mission runs.', example: '(power-off 2)' },
  { group: 'deck', kind: 'verb', name: 'var', signature: '(var NAME)', returns: 'the variable\'s value (a number, name or boolean), nil when unknown or no mission runs', does: 'Read a deck variable the running mission\'s holds, fail-ons and escalations are judged on: `trace`, `timer` (ticks since acceptance), `tick`, `alarms`, `hunters`, `node`, …', example: "(var 'trace)" },
  { group: 'deck', kind: 'verb', name: 'wait-ticks', signature: '(wait-ticks N)', returns: 'the deck tick after the wait', does: 'Let N ticks of deck time pass (30 ticks a second; at least one), so verdicts on holds land before the next read. N is at most 2592000 (a day); for longer, `power-off`.', example: '(wait-ticks 30)' },
  // ---- the board
  { group: 'board', kind: 'verb', name: 'board', signature: '(board)', returns: 'a list of contract maps: `:index :id :class :target :threat :payout :phases :swap-required :carts :brief`', does: 'The contracts on offer, as the operator sees them; `:index` is what `accept` takes.', example: '(map (lambda (c) (get c :payout)) (board))' },
  { group: 'board', kind: 'verb', name: 'accept', signature: '(accept INDEX)', returns: `\`mission-params\` of the accepted mission, ${REFUSAL}`, does: '[EVAL] on contract INDEX of the board: the mission starts and `current-mission`, `mission-params` and `phase-chain` are bound.', example: '(accept (get (first (board)) :index))' },
  { group: 'board', kind: 'verb', name: 'cdr-board', signature: '(cdr-board)', returns: 'the contract the cursor moved to (a map as in `board`), nil on an empty board, `:closed` when the board is closed', does: '[CDR]: move the cursor to the next contract (wrapping to the first) and draw the board with it; from a briefing, back to the list on the next contract.', example: '(cdr-board)' },
  { group: 'board', kind: 'verb', name: 'car-board', signature: '(car-board)', returns: 'the selected contract\'s briefing, as `brief` gives it', does: '[CAR]: open the briefing screen of the contract under the cursor.', example: "(get (car-board) :objectives)" },
  { group: 'board', kind: 'verb', name: 'eval-board', signature: '(eval-board)', returns: `\`mission-params\` of the accepted mission, as \`accept\` gives it, ${REFUSAL}`, does: '[EVAL]: accept the contract under the cursor, from the list or from its briefing.', example: '(do (car-board) (eval-board))' },
  { group: 'board', kind: 'verb', name: 'nil-board', signature: '(nil-board)', returns: 'from a briefing, the selected contract (a map as in `board`), back on the list; from the list, `:closed`', does: '[NIL]: from a briefing back to the list; from the list, dismiss the board (the Bare Deck Terminal). `(board)` opens it again, the cursor on the first contract.', example: '(nil-board)' },
  { group: 'board', kind: 'verb', name: 'brief', signature: '(brief INDEX)', returns: `a map: \`:index :id :class :target :brief :objectives :choices :threat :ceiling :capabilities :swap-required :phases :payout :bonuses :intel :cipher\`, ${REFUSAL}`, does: 'Contract INDEX\'s full briefing (seed 004 §4.3) as a value: the objectives and the fork, the threat and its ceiling, the capabilities (and whether a Hot Swap is needed), the payout and its bonus conditions, the intel. Nothing is drawn.', example: '(get (brief 0) :bonuses)' },
  // ---- the mission
  { group: 'mission', kind: 'binding', name: 'current-mission', signature: 'current-mission', returns: 'the mission form `(mission (phase (goal NAME :k v …) …) …)`, nil when none runs', does: 'The running mission with every goal\'s state, rewards, holds and children; `goals` gives the same as maps.', example: '(when current-mission (goals))' },
  { group: 'mission', kind: 'binding', name: 'mission-params', signature: 'mission-params', returns: 'a map: `:contract :status :phase :ready :phase-plan …`; called as a function of a key it gives that key', does: 'The running mission\'s parameters; `:status` is `:running` until it settles, `:phase-plan` lists `(PHASE (CAPABILITIES…) (CARTS…))` per phase.', example: '(mission-params :phase)' },
  { group: 'mission', kind: 'binding', name: 'phase-chain', signature: 'phase-chain', returns: 'the phase chain as a list', does: 'The mission\'s phases in order, with what each needs.', example: '(length phase-chain)' },
  { group: 'mission', kind: 'verb', name: 'load-capability', signature: '(load-capability CART [:seed N])', returns: `a map \`:outcome :trace :extracted :turns :bonuses :missing\`; \`:outcome\` is \`:success :partial :failure\` or \`:abort\`, ${REFUSAL}`, does: 'Call the seated cart\'s capability for the current phase: the cart plays its game (asking `choose-move` for moves) and reports.', example: '(get (load-capability :ice-breaker) :outcome)' },
  { group: 'mission', kind: 'verb', name: 'advance-phase', signature: '(advance-phase)', returns: 'the phase now active (a number), nil when no mission runs', does: 'Refresh the bindings after a phase\'s primaries are done (the deck advances the phase itself) and give the active phase.', example: '(advance-phase)' },
  { group: 'mission', kind: 'verb', name: 'complete-mission', signature: '(complete-mission [current-mission])', returns: `the settlement: \`:outcome :reason :¤ :rep :intel :access :missing\`, ${REFUSAL}`, does: 'Resolve the mission: holds still open are judged held, rewards are paid or forfeited, the board refreshes. Unbinds the mission.', example: '(get (complete-mission current-mission) :outcome)' },
  { group: 'mission', kind: 'verb', name: 'abandon-mission', signature: '(abandon-mission [REASON])', returns: `the settlement, as for \`complete-mission\`, ${REFUSAL}`, does: 'Walk away from the mission: it settles as abandoned, with REASON (a string) in the log.', example: '(abandon-mission "too hot")' },
  { group: 'mission', kind: 'verb', name: 'settlement', signature: '(settlement)', returns: 'the last settlement in full: what `complete-mission` returned plus `:lines`, one map per reward `{:goal :state :currency :amount :flag :bucket :why}`; nil before the first (or after Mission Control restarted)', does: 'Each reward of the last mission: the goal\'s final state, the bucket the reward went to (`:banked :paid-at-resolve :deferred :recurring :forfeited :unearned`) and why, in words.', example: '(map (lambda (l) (list (get l :goal) (get l :bucket) (get l :why))) (get (settlement) :lines))' },
  // ---- goals
  { group: 'goals', kind: 'verb', name: 'goals', signature: '(goals)', returns: 'a list of goal maps: `:name :phase :parent :group :role :reveal :state :reward :hold :children …`, parents first', does: 'Every goal of `current-mission` as a map: what a script filters to decide what to close next.', example: "(filter (lambda (g) (= (get g :state) :open)) (goals))" },
  { group: 'goals', kind: 'verb', name: 'goal-info', signature: '(goal-info GOAL)', returns: 'the goal\'s map (as in `goals`), nil when there is no such goal', does: 'One goal by name.', example: "(get (goal-info 'breach) :state)" },
  { group: 'goals', kind: 'verb', name: 'goal-complete', signature: '(goal-complete GOAL)', returns: `the goal's new state, a keyword (\`:done\`), ${REFUSAL}`, does: 'Close an open goal as done. GOAL is a symbol, keyword, string, goal map or goal cell.', example: "(goal-complete 'breach)" },
  { group: 'goals', kind: 'verb', name: 'goal-fail', signature: '(goal-fail GOAL)', returns: `the goal's new state (\`:failed\`), ${REFUSAL}`, does: 'Give up an open goal; a failed primary fails the mission.', example: "(goal-fail 'exfil)" },
  { group: 'goals', kind: 'verb', name: 'goal-reveal', signature: '(goal-reveal GOAL)', returns: `the goal's new state, ${REFUSAL}`, does: 'Reveal a latent goal the operator found.', example: "(goal-reveal 'backdoor)" },
  { group: 'goals', kind: 'verb', name: 'goal-choose', signature: '(goal-choose GOAL)', returns: `the goal's new state (\`:open\`), ${REFUSAL}`, does: 'Pick one child of a `:branch` goal; its siblings are voided.', example: "(goal-choose 'quiet-route)" },
  { group: 'goals', kind: 'verb', name: 'goal-state', signature: '(goal-state GOAL)', returns: `the goal's state: \`:locked :open :done :failed :forfeit :void\`, ${REFUSAL}`, does: 'Ask the deck for one goal\'s state.', example: "(goal-state 'breach)" },
  // ---- reactive
  { group: 'reactive', kind: 'verb', name: 'on-telemetry', signature: '(on-telemetry FN)', returns: 't', does: 'Call FN with every telemetry map a cart sends during a capability call (`:event :trace …`). A handler cannot wait: deck calls in it are sent without an answer (a verb gives `:pending`).', example: '(on-telemetry (lambda (t) (log "trace" (get t :trace))))' },
  { group: 'reactive', kind: 'verb', name: 'on', signature: '(on EVENT FN)', returns: 't', does: 'Like `on-telemetry`, for one telemetry event only (`:hunter-spawn`, `:alarm`, `:node-entered`, `:exfil`, …). At most 32 handlers.', example: "(on :alarm (lambda (t) (log \"alarm at\" (get t :node))))" },
  { group: 'reactive', kind: 'hook', name: 'choose-move', signature: '(defun choose-move (PROMPT CART) …)', returns: 'a move: a map `{:verb "…" :target "…"}` or a name; anything else plays the cart\'s suggestion', does: 'Defined by the script, called by the runner (`nosh run --script`) when the cart asks for a move; the REPL plays the cart\'s suggestion. PROMPT has `:options`, `:suggested` and `:status`.', example: '(defun choose-move (prompt cart) (get prompt :suggested))' },
  // ---- the script
  { group: 'script', kind: 'hook', name: 'operate', signature: '(defun operate () …)', returns: 'anything (ignored)', does: 'Defined by the script: `nosh run --script FILE` loads FILE once, then calls `(operate)` once per mission. It should accept a contract and settle it.', example: '(defun operate () (accept 0) (complete-mission))' },
  { group: 'script', kind: 'verb', name: 'log', signature: '(log X …)', returns: 'nil', does: 'Write a line to the script log: strings as they are, anything else printed. Under `nosh run` the log goes out tagged with the mission: on stdout with the story, on stderr under `--json` (whose stdout is the JSON line); `--quiet` drops it (but not the script errors, which go to stderr); in the REPL to stderr.', example: '(log "accepted" (mission-params :contract))' },
  { group: 'script', kind: 'verb', name: 'random', signature: '(random [N])', returns: 'a float in [0, 1), or an integer in [0, N)', does: 'Seeded randomness: the same run seed gives the same draws.', example: '(random 6)' },
  { group: 'script', kind: 'verb', name: 'keyword', signature: '(keyword NAME)', returns: 'NAME as a keyword', does: 'Make a keyword from a string or symbol (to compare with `:carts`, `:inserted`, …).', example: '(keyword "ice-breaker")' },
  { group: 'script', kind: 'verb', name: 'help', signature: "(help [VERB])", returns: 'nil (it prints)', does: 'Print every operator verb with its signature, or one verb\'s signature, return value, what it does and an example.', example: "(help 'accept)" },
];

export function findVerb(name: string): OperatorVerb | undefined {
  return OPERATOR_VERBS.find((v) => v.name === name);
}

/** What `(help)` prints: one line a verb; with a name, that verb in full (null when no verb has the name). */
export function renderHelp(name?: string): string | null {
  if (name === undefined) {
    const width = Math.max(...OPERATOR_VERBS.map((v) => v.signature.length));
    return [...OPERATOR_VERBS.map((v) => `${v.signature.padEnd(width)}  → ${plain(v.returns)}`), "(help 'VERB) for one verb in full; docs/operator-scripts.md for all of them"].join('\n');
  }
  const v = findVerb(name);
  if (v === undefined) return null;
  return [v.signature, `  returns: ${plain(v.returns)}`, `  ${plain(v.does)}`, `  example: ${v.example}`].join('\n');
}

const GROUPS: Record<OperatorVerb['group'], string> = {
  deck: 'The deck',
  board: 'The board',
  mission: 'The mission',
  goals: 'Goals',
  reactive: 'Reacting during a call',
  script: 'The script',
};

/** The reference section of docs/operator-scripts.md (between its GENERATED markers). */
export function renderReference(): string {
  const out: string[] = [];
  for (const [group, title] of Object.entries(GROUPS)) {
    out.push(`### ${title}`, '');
    for (const v of OPERATOR_VERBS.filter((x) => x.group === group)) {
      const tag = v.kind === 'binding' ? ' (a binding)' : v.kind === 'hook' ? ' (the script defines it)' : '';
      out.push(`#### \`${v.name}\`${tag}`, '', `\`${v.signature}\` → ${v.returns}`, '', v.does, '', '```lisp', v.example, '```', '');
    }
  }
  return out.join('\n');
}

/** Backticks are for the doc; the terminal shows the text without them. */
function plain(text: string): string {
  return text.replace(/`/g, '');
}
