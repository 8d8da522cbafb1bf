;; DEPTHCHARGE's contract schemas, threat up to its cap of 5, and seed 004's
;; own example :encrypted-cache-recovery, which needs ICE BREAKER too.

(defcontract-schema :wreck-salvage
  :class :salvage
  :required-capabilities '(:underwater-navigation :deep-salvage)
  :threat-range '(1 5)
  :phase-count 2
  :noun-generators '(target-name wreck-field depth-profile)
  :condition-generators '(cargo-type current-map)
  :payout-formula salvage-payout
  :brief "Raise {cargo-type} from {wreck-field} for {target}; the dive {depth-profile}."
  :objectives
  (spine
    (phase-1
      (goal descend :text "Reach the wreck" :role :primary :reveal :briefed :reward ((¤ (scale 300)))))
    (phase-2
      (goal recover :text "Recover the cargo" :role :primary :reveal :briefed :reward ((¤ (scale 700)))
        :branch ((hand-over :text "HAND OVER: the client gets it all" :reward ((rep 2 :on-resolve)))
                 (sell-on :text "SELL ON: a buyer on the side, who pays when it clears" :reward ((¤ (scale 300) :deferred)) :voids (second-hold))))))
  (limbs
    (optional-pool :draw 0..1
      (goal second-hold :text "Search the second hold" :role :optional :reveal :latent :reward ((¤ (scale 350) :on-resolve))))
    (escalation
      (on (>= trace 70) (goal surface :text "Surface before the hull gives" :role :primary :reveal :latent :fail-on timeout)))))

(defcontract-schema :trench-survey
  :class :mapping
  :required-capabilities '(:sonar-mapping)
  :threat-range '(1 4)
  :phase-count 1
  :noun-generators '(target-name depth-profile)
  :condition-generators '(current-map)
  :payout-formula contract-payout-standard
  :opportunity-weight 0.8
  :brief "Chart the trench for {target}: {depth-profile}, {current-map}."
  :objectives
  (spine
    (goal chart :text "Chart the trench floor" :role :primary :reveal :briefed :reward ((¤ (scale 450)))))
  (limbs
    (optional-pool :draw 0..1
      (goal vent :text "Find the thermal vent" :role :optional :reveal :latent :reward ((intel 2))))))

(defcontract-schema :blockade-run
  :class :evasion
  :required-capabilities '(:submarine-evasion :underwater-navigation)
  :threat-range '(3 5)
  :phase-count 2
  :noun-generators '(target-name depth-profile)
  :condition-generators '(current-map cargo-type)
  :payout-formula contract-payout-standard
  :opportunity-weight 0.6
  :brief "Slip {cargo-type} past {target}'s blockade; the run {depth-profile}."
  :objectives
  (spine
    (phase-1
      (goal slip :text "Slip the picket line" :role :primary :reveal :briefed :reward ((¤ (scale 500)))))
    (phase-2
      (goal deliver :text "Deliver at the rendezvous" :role :primary :reveal :briefed :reward ((¤ (scale 700))))))
  (limbs
    (optional-pool :draw 0..1
      (goal silent :text "Silent running — hold trace < 35" :role :optional :reveal :briefed :hold (< trace 35) :reward ((rep 4 :on-resolve))))
    (escalation
      (on (>= trace 65) (goal crash-dive :text "Crash dive under the layer" :role :primary :reveal :latent :fail-on timeout)))))

(defcontract-schema :encrypted-cache-recovery
  :required-capabilities '(:underwater-navigation :network-penetration)
  :threat-range '(2 4)
  :phase-count 2
  :noun-generators '(target-name network-topology depth-profile)
  :condition-generators '(encryption-class ice-placement cargo-type)
  :payout-formula contract-payout-standard
  :ttl-range '(1800 7200) ; 30 min to 2 hours real time
  :opportunity-weight 0.3 ; lower = rarer
  :class :recovery
  :brief "Dive to {target}'s sunken data cache ({depth-profile}) and crack its {encryption-class}."
  :objectives
  (spine
    (phase-1
      (goal reach-cache :text "Reach the cache on the seabed" :role :primary :reveal :briefed :reward ((¤ (scale 400)))))
    (phase-2
      (goal crack :text "Crack the cache's encryption" :role :primary :reveal :briefed :reward ((¤ (scale 700))))))
  (limbs
    (optional-pool :draw 0..1
      (goal second-cache :text "Pull the backup cache too" :role :optional :reveal :latent :reward ((¤ (scale 400) :on-resolve) (intel 1))))
    (escalation
      (on (>= trace 75) (goal surface :text "Surface before the ICE calls the navy" :role :primary :reveal :latent :fail-on timeout)))))
