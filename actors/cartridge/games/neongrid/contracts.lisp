;; NEONGRID's contract schemas, threat up to its cap of 3.

(defcontract-schema :blackout-run
  :required-capabilities '(:grid-overload)
  :threat-range '(1 3)
  :phase-count 1
  :noun-generators '(target-name district-map)
  :condition-generators '(power-nodes)
  :payout-formula contract-payout-standard
  :brief "Black out {district-map} for {target}: {power-nodes}."
  :objectives
  (spine
    (goal overload :text "Overload the hottest substation" :role :primary :reveal :briefed :reward ((¤ (scale 450)))
      :branch ((surgical :text "SURGICAL: cut one feeder, quietly" :reward ((rep 1 :on-resolve)))
               (burn :text "BURN: take the whole block down" :reward ((¤ (scale 200))) :voids (cascade)))))
  (limbs
    (optional-pool :draw 0..1
      (goal cascade :text "Cascade the blackout into a second block" :role :optional :reveal :briefed :reward ((¤ (scale 250) :on-resolve))))))

(defcontract-schema :courier-dash
  :class :courier
  :required-capabilities '(:grid-routing :grid-courier)
  :threat-range '(1 3)
  :phase-count 2
  :noun-generators '(target-name district-map)
  :condition-generators '(patrol-routes cargo-type)
  :payout-formula contract-payout-standard
  :ttl-range '(3600 14400)
  :brief "Run {cargo-type} across {district-map} for {target}; {patrol-routes}."
  :objectives
  (spine
    (phase-1
      (goal route :text "Plot a route through the patrol gaps" :role :primary :reveal :briefed :reward ((¤ (scale 250)))))
    (phase-2
      (goal deliver :text "Deliver the package" :role :primary :reveal :briefed :reward ((¤ (scale 500))))))
  (limbs
    (optional-pool :draw 0..1
      (goal fast :text "Beat the clock — hold timer < 900" :role :optional :reveal :briefed :hold (< timer 900) :reward ((¤ (scale 200) :on-resolve) (rep 1 :on-resolve))))
    (escalation
      (on (>= trace 60) (goal shake :text "Shake the tail" :role :primary :reveal :latent :fail-on timeout)))))

(defcontract-schema :signal-tail
  :class :tracking
  :required-capabilities '(:grid-tracking)
  :threat-range '(2 3)
  :phase-count 1
  :noun-generators '(target-name district-map)
  :condition-generators '(patrol-routes)
  :payout-formula contract-payout-standard
  :opportunity-weight 0.7
  :brief "Tail {target}'s courier through {district-map} without tripping {patrol-routes}."
  :objectives
  (spine
    (goal tail :text "Keep the courier on the grid's cameras" :role :primary :reveal :briefed :reward ((¤ (scale 420)))))
  (limbs
    (optional-pool :draw 0..1
      (goal drop-point :text "Find the drop point" :role :optional :reveal :latent :reward ((intel 2))))))
