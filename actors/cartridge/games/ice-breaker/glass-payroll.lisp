;; GLASS PAYROLL — threat 3, ICE BREAKER (seed 003 §9, the worked example).
;;
;; The schema is seed 003 §6's `defcontract-schema` with the texts of the §9
;; panel and §4's ghost cell (`:reveal :briefed`, as §4 writes it). §6's own
;; flattened text lost its line breaks, and a `;` comment runs to the end of
;; its line, so the breaks after comments below are load-bearing.
;;
;; One screen shows the whole model: multi-currency rewards, primary vs
;; optional, briefed vs latent, a real branch that changes the payout and the
;; downstream contract (CORRUPT voids ghost and opens the ledger follow-on), a
;; constraint-as-goal in tension with the loot (exec-bonus spikes trace,
;; threatening ghost), escrowed risk, and a survival goal that pays nothing but
;; fails the mission if it fails.
;;
;; Play it without a deck (seed 1 draws both limbs, the hand §9 shows):
;;   nosh repl --mission actors/cartridges/ice-breaker/glass-payroll.lisp --seed 1 --sandbox

(defcontract-schema :glass-payroll
  :required-capabilities '(:network-penetration :network-extraction)
  :threat-range '(3 3)
  :payout-formula extract-payout ; ¤ amounts route through here
  :brief "Into {target}'s payroll subnet and out with the ledger. Stay a ghost and it pays more."
  :objectives
  (spine ; AUTHORED — the designed core arc
    (goal breach :text "Breach the payroll subnet" :role :primary :reveal :briefed
      :reward ((¤ (scale 600))))
    (goal exfil :text "Exfil the payroll ledger" :role :primary :reveal :briefed :requires breach
      :reward ((¤ (scale 900)))
      :branch ; the authored fork at the FINANCE node — the meaningful choice
      ((mirror :text "MIRROR (quiet): keeps ghost, lower ¤" :reward ((rep 4 :on-resolve)))
       (corrupt :text "CORRUPT (loud): voids ghost" :reward ((¤ (scale 700)) (access :ledger-followon)) :voids (ghost)))))
  (limbs ; PROCEDURAL — layered per instance, seeded
    (optional-pool :draw 0..2 ; procgen picks 0–2 of these
      (goal ghost :text "Ghost run — hold trace < 50" :role :optional :reveal :briefed
        :hold (< trace 50) :reward ((rep 4 :on-resolve)))
      (goal exec-bonus :text "Exec bonus pool" :role :optional :reveal :latent :at (node hr)
        :reward ((¤ (scale 700)) (intel 1))))
    (escalation ; procgen wires latent fail-states to threat
      (on (>= trace 75)
        (goal escape :text "ESCAPE before lockdown" :role :primary :reveal :latent :fail-on timeout)))))
