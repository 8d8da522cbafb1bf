;; TERMINAL's contract schemas: small PROBE and SWEEP jobs at threat 1–2 that
;; teach the network domain. ICE BREAKER supersedes them while it is Inserted
;; or Recent.

(defcontract-schema :terminal-probe
  :required-capabilities '(:terminal-probe)
  :threat-range '(1 2)
  :phase-count 1
  :noun-generators '(target-name terminal-host)
  :payout-formula baseline-payout
  :opportunity-weight 1.0
  :brief "Probe {target}'s edge and map what answers: {terminal-host}."
  :objectives
  (spine
    (goal probe :text "Probe the exposed host" :role :primary :reveal :briefed :reward ((¤ (scale 200))))
    (goal log :text "Pull the access log" :role :primary :reveal :briefed :requires probe :reward ((¤ (scale 150)))))
  (limbs
    (optional-pool :draw 0..1
      (goal quiet :text "Stay quiet — hold trace < 30" :role :optional :reveal :briefed :hold (< trace 30) :reward ((rep 1 :on-resolve))))))

(defcontract-schema :terminal-sweep
  :required-capabilities '(:terminal-sweep)
  :threat-range '(1 2)
  :phase-count 1
  :noun-generators '(target-name terminal-host)
  :payout-formula baseline-payout
  :opportunity-weight 0.8
  :brief "Sweep {target} for stale credentials: {terminal-host}."
  :objectives
  (spine
    (goal sweep :text "Sweep the host for credentials" :role :primary :reveal :briefed :reward ((¤ (scale 300)))
      :branch ((wipe :text "WIPE: leave no tracks" :reward ((rep 1 :on-resolve)))
               (plant :text "PLANT: leave a backdoor for later" :reward ((intel 1))))))
  (limbs
    (optional-pool :draw 0..1
      (goal thorough :text "Harvest a second credential cache" :role :optional :reveal :latent :reward ((¤ (scale 100)) (intel 1))))))
