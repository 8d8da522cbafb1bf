;; GRID's contract schemas. Their declared range reaches 2; GRID's cap of 1
;; clips it, so a GRID-only contract is always threat 1 (seed 004 §3.2.1).

(defcontract-schema :grid-patrol
  :required-capabilities '(:grid-patrol)
  :threat-range '(1 2)
  :phase-count 1
  :noun-generators '(target-name grid-sector)
  :payout-formula baseline-payout
  :brief "Walk {grid-sector} for {target} and flag the tampered ones."
  :objectives
  (spine
    (goal read :text "Read every meter on the route" :role :primary :reveal :briefed :reward ((¤ (scale 250)))))
  (limbs
    (optional-pool :draw 0..1
      (goal brisk :text "Finish inside the shift — hold timer < 900" :role :optional :reveal :briefed :hold (< timer 900) :reward ((rep 1 :on-resolve))))))

(defcontract-schema :grid-relay
  :required-capabilities '(:grid-relay)
  :threat-range '(1 1)
  :phase-count 1
  :noun-generators '(target-name grid-sector)
  :payout-formula baseline-payout
  :opportunity-weight 0.7
  :brief "Relay a maintenance packet for {target}, stopping at {grid-sector}."
  :objectives
  (spine
    (goal relay :text "Carry the packet to the substation" :role :primary :reveal :briefed :reward ((¤ (scale 220)))))
  (limbs))
