;; AUDIT's contract schemas: honest bookkeeping at threat 1–2.

(defcontract-schema :ledger-reconcile
  :class :audit
  :required-capabilities '(:ledger-reconcile)
  :threat-range '(1 2)
  :phase-count 1
  :noun-generators '(target-name ledger-sample)
  :payout-formula baseline-payout
  :brief "Reconcile {ledger-sample} for {target} before quarter close."
  :objectives
  (spine
    (goal reconcile :text "Reconcile the sampled ledger" :role :primary :reveal :briefed :reward ((¤ (scale 260)))))
  (limbs
    (optional-pool :draw 0..1
      (goal flag :text "Flag the planted entry" :role :optional :reveal :latent :reward ((rep 1 :on-resolve) (intel 1))))))

(defcontract-schema :ledger-spot-check
  :class :audit
  :required-capabilities '(:ledger-spot-check)
  :threat-range '(1 2)
  :phase-count 1
  :noun-generators '(target-name ledger-sample)
  :payout-formula baseline-payout
  :opportunity-weight 0.6
  :brief "Spot-check {target}'s books: {ledger-sample}."
  :objectives
  (spine
    (goal check :text "Spot-check the suspect entries" :role :primary :reveal :briefed :reward ((¤ (scale 240)))))
  (limbs))
