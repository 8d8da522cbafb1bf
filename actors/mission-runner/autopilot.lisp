;; autopilot.lisp: the operator `nosh run` plays unless --script names another.
;;
;; An ordinary Mission Runner script (seed 004 §5.2): read it, copy it, change
;; it. The runner loads it once, then calls (operate) for every mission. Each
;; call below that touches the deck (board, accept, load-capability, the goal
;; verbs, complete-mission…) is a message to another actor and a wait.

;; Who this operator is, drawn once from the run's seed.
(define appetite (random))   ; 0 cautious … 1 reckless: how much threat it takes on
(define greed (random))      ; 0 stealth … 1 greed: whether it chases the bonus goals
(define curiosity 0.3)       ; chance, per mission, of seating another cart it owns
(define wanderlust 0.06)     ; chance, per mission, of switching the deck off for a while

;; Said to two places: the draw itself stays exact, only the log is rounded.
(defun two-places (x) (/ (round (* x 100)) 100))
(log "autopilot: appetite" (two-places appetite) "greed" (two-places greed))

;; Seat one of the carts it owns before the first mission: the deck registers it.
(let ((owned (get (status) :owned)))
  (insert-cart (nth (random (length owned)) owned)))

;; ---- the board -----------------------------------------------------------

(defun score (c)
  ;; Payout, bent towards high threat by appetite and away from it by caution;
  ;; a contract that needs a Hot Swap costs a little patience.
  (* (get c :payout)
     (+ 0.5 (* appetite (get c :threat)) (* (- 1 appetite) (- 6 (get c :threat)) 0.3))
     (if (get c :swap-required) 0.85 1)))

(defun best (contracts)
  (reduce (lambda (a b) (if (> (score b) (score a)) b a)) contracts))

(defun cursor-to (index)
  ;; [CDR] down the board to the pick: the cursor moves on the deck's screen.
  (when (> index 0)
    (cdr-board)
    (cursor-to (- index 1))))

(defun take (pick)
  ;; As an operator at the deck: down to it, [CAR] to read its briefing, [EVAL] to take it.
  (cursor-to (get pick :index))
  (car-board)
  (eval-board))

;; ---- the deck ------------------------------------------------------------

(defun maybe-seat-another-cart ()
  ;; Now and then seat another cart it owns, so the deck registers it and the
  ;; board widens (contracts for the cart it took out then need a Hot Swap).
  (when (< (random) curiosity)
    (let* ((st (status))
           (others (filter (lambda (c) (not= c (get st :inserted))) (get st :owned))))
      (when (not (empty? others))
        (insert-cart (nth (random (length others)) others))))))

(defun bold? ()
  ;; Today's mood: appetite is how often this operator pushes on when it goes wrong.
  (< (random) appetite))

(defun maybe-take-a-break ()
  ;; Switch the deck off for 1–30 hours of deck time: contracts expire meanwhile.
  (when (< (random) wanderlust)
    (let ((hours (+ 1 (random 30))))
      (log "autopilot: deck off for" hours "h")
      (power-off hours))))

;; ---- goals ---------------------------------------------------------------

(defun open? (g) (= (get g :state) :open))
(defun locked? (g) (= (get g :state) :locked))
(defun primary? (g) (= (get g :role) :primary))
(defun phase-goals (phase) (filter (lambda (g) (= (get g :phase) phase)) (goals)))

(defun choose-branches ()
  ;; A goal with a :branch waits for a choice: the quiet route (first child)
  ;; for a stealthy operator, the loud one (last child) for a greedy one.
  (map (lambda (g)
         (let ((kids (get g :children)))
           (when (and kids (= (get g :group) nil) (not= (get g :state) :locked)
                      (locked? (goal-info (first kids))))
             (goal-choose (if (> greed 0.5) (nth (- (length kids) 1) kids) (first kids))))))
       (goals)))

(defun closeable? (g)
  ;; What a verb may close: open, not a hold (holds close themselves), not an
  ;; OR-group parent; optionals only when greedy enough to go after them.
  (and (open? g) (nil? (get g :hold)) (not= (get g :group) :any) (nil? (get g :any))
       (or (primary? g) (< (random) greed))))

(defun close-what-we-can (phase passes)
  ;; What this phase's call earned, and only this phase's: completing the last
  ;; primary advances the mission, and the next phase has not been played yet.
  ;; Completing one goal can open another (exfil requires breach): go round a few times.
  (when (> passes 0)
    (choose-branches)
    (let ((done (filter (lambda (g) (= (goal-complete (get g :name)) :done))
                        (filter closeable? (phase-goals phase)))))
      (when (not (empty? done)) (close-what-we-can phase (- passes 1))))))

(defun fail-first-primary (phase)
  (let ((p (first (filter (lambda (g) (and (primary? g) (open? g))) (phase-goals phase)))))
    (when p (goal-fail (get p :name)))))

;; ---- playing a mission -----------------------------------------------------

(defun call-cart (cart retries)
  ;; A cart that crashed or was pulled mid-call answers :abort: try again once.
  (let ((r (load-capability cart)))
    (if (and (= (get r :outcome) :abort) (> retries 0))
        (do (log "autopilot:" cart "aborted, retrying") (call-cart cart (- retries 1)))
        r)))

(defun play-phase (step)
  ;; One step of the phase plan: (phase (capabilities…) (carts…)); each cart in turn.
  (let ((phase (first step)))
    (reduce (lambda (ok cart)
              (if (not ok) ok
                  (let ((r (call-cart cart 1)))
                    (cond
                      ((get r :error) (log "autopilot: cannot call" cart ":" (get r :message)) false)
                      ((= (get r :outcome) :success) (close-what-we-can phase 4) true)
                      ((= (get r :outcome) :partial) (close-what-we-can phase 1) (bold?))
                      ((= (get r :outcome) :abort) false)
                      (else (when (bold?) (fail-first-primary phase)) false)))))
            true
            (nth 2 step))))

(defun still-running? () (= (mission-params :status) :running))

(defun play (plan)
  (when (and plan (still-running?))
    (when (play-phase (first plan))
      (advance-phase)
      (play (rest plan)))))

(defun finish ()
  ;; Finish what was started (a failed run settles as a failure);
  ;; a cautious operator walks away from a run gone wrong instead.
  (if (or (= (mission-params :ready) true) (not (still-running?)) (bold?))
      (complete-mission current-mission)
      (abandon-mission "walked away")))

(defun plan-from-here ()
  ;; The phases not yet played: all of them for a fresh run, the rest of a run
  ;; the deck was switched off in the middle of.
  (let ((now (mission-params :phase)))
    (filter (lambda (step) (>= (first step) now)) (mission-params :phase-plan))))

(defun pick-up ()
  ;; A deck that booted mid-mission (switched off or cut off in the middle of
  ;; a run, or its last commits lost) hands that mission back: go on from where it stopped.
  (log "autopilot: picking up" (mission-params :contract) "at phase" (mission-params :phase))
  (play (plan-from-here))
  (finish))

(defun take-on-a-contract ()
  (maybe-take-a-break)
  (if current-mission
      (pick-up)
      (do
        ;; Look in on the contracts already done: deferred pay-outs clear and implants report, once a session.
        (check-in)
        (maybe-seat-another-cart)
        (let ((pick (best (board))))
          (when pick
            (let ((accepted (take pick)))
              (if (get accepted :error)
                  (log "autopilot: could not accept:" (get accepted :message))
                  (do (play (plan-from-here)) (finish)))))))))

(defun operate ()
  (if current-mission (pick-up) (take-on-a-contract)))

;; ---- at the controls ---------------------------------------------------------

(defun choose-move (prompt cart)
  ;; The cart's suggestion, bent by temperament: a greedy operator grabs loot
  ;; whenever it is offered; a stealthy one leaves early when it gets warm.
  (let* ((options (get prompt :options))
         (offers (lambda (verb) (first (filter (lambda (o) (= (get o :verb) verb)) options))))
         (trace (get (get prompt :status) :trace)))
    (cond
      ((and (> greed 0.75) (offers "exfil")) (offers "exfil"))
      ((and (> greed 0.75) (offers "download")) (offers "download"))
      ((and (< greed 0.25) (> trace 70) (offers "disconnect")) (offers "disconnect"))
      (else (get prompt :suggested)))))

(on :hunter-spawn (lambda (t) (log "autopilot: hunter on us at trace" (get t :trace))))
