;; BLACK LEDGER's contract schemas, threat up to its cap of 5, and one that
;; needs ICE BREAKER too (a multi-cart composition: ceiling 6).

(defcontract-schema :shell-game
  :required-capabilities '(:financial-forensics)
  :threat-range '(2 5)
  :phase-count 1
  :noun-generators '(target-name account-tree)
  :condition-generators '(shell-companies ledger-anomalies)
  :payout-formula audit-payout
  :brief "Follow {target}'s money: {account-tree}, {shell-companies}."
  :objectives
  (spine
    (goal trace-funds :text "Trace the funds to the last shell" :role :primary :reveal :briefed :reward ((¤ (scale 550)))
      :branch ((expose :text "EXPOSE: hand it to the regulator" :reward ((rep 3 :on-resolve)))
               (pocket :text "POCKET: take a share first" :reward ((¤ (scale 250))) :voids (anomaly)))))
  (limbs
    (optional-pool :draw 0..2
      (goal anomaly :text "Document every anomaly" :role :optional :reveal :briefed :reward ((rep 2 :on-resolve) (intel 1)))
      (goal skim :text "Skim the dormant account" :role :optional :reveal :latent :reward ((¤ (scale 300) :on-resolve))))))

(defcontract-schema :wash-cycle
  :class :laundering
  :required-capabilities '(:financial-laundering)
  :threat-range '(2 5)
  :phase-count 2
  :noun-generators '(target-name shell-companies)
  :condition-generators '(ledger-anomalies)
  :payout-formula contract-payout-standard
  :opportunity-weight 0.8
  :brief "Wash {target}'s dirty money through {shell-companies}."
  :objectives
  (spine
    (phase-1
      (goal layer :text "Layer the deposits through the shells" :role :primary :reveal :briefed :reward ((¤ (scale 400)))))
    (phase-2
      (goal integrate :text "Land the money clean" :role :primary :reveal :briefed :reward ((¤ (scale 600))))))
  (limbs
    (optional-pool :draw 0..1
      (goal invisible :text "Never trip an audit — hold trace < 45" :role :optional :reveal :briefed :hold (< trace 45) :reward ((rep 3 :on-resolve))))
    (escalation
      (on (>= trace 70) (goal burn :text "Burn the shells before the regulator lands" :role :primary :reveal :latent :fail-on timeout)))))

(defcontract-schema :ledger-heist
  :class :extraction
  :required-capabilities '(:network-penetration :financial-extraction)
  :threat-range '(3 6)
  :phase-count 3
  :noun-generators '(target-name account-tree network-topology)
  :condition-generators '(ice-placement shell-companies)
  :payout-formula extract-payout
  :opportunity-weight 0.5
  :brief "Break into {target} ({network-topology}) and drain {account-tree}."
  :objectives
  (spine
    (phase-1
      (goal breach :text "Breach the clearing network" :role :primary :reveal :briefed :reward ((¤ (scale 500)))))
    (phase-2
      (goal map-accounts :text "Map the account tree" :role :primary :reveal :briefed :reward ((¤ (scale 300)))))
    (phase-3
      (goal drain :text "Drain the reserve account" :role :primary :reveal :briefed :reward ((¤ (scale 1000))))))
  (limbs
    (optional-pool :draw 0..1
      (goal frame :text "Frame a rival desk" :role :optional :reveal :latent :reward ((access :ledger-followon) (rep 2 :on-resolve))))
    (escalation
      (on (>= trace 75) (goal escape :text "Get out before the freeze" :role :primary :reveal :latent :fail-on timeout)))))
