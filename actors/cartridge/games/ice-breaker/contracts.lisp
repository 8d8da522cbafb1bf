;; ICE BREAKER's contract schemas: PENETRATION, EXTRACTION, SABOTAGE and the
;; episodic SURVEILLANCE IMPLANT, threat up to ICE BREAKER's cap of 6.

(defcontract-schema :zaibatsu-penetration
  :required-capabilities '(:network-penetration)
  :threat-range '(1 6)
  :phase-count 1
  :noun-generators '(target-name network-topology)
  :condition-generators '(ice-placement encryption-depth)
  :payout-formula contract-payout-standard
  :ttl-range '(7200 28800)
  :opportunity-weight 1.0
  :brief "Crack {target}: {network-topology}, {ice-placement}."
  :objectives
  (spine
    (goal breach :text "Breach the perimeter gateway" :role :primary :reveal :briefed :reward ((¤ (scale 500))))
    (goal backdoor :text "Plant a backdoor on the core" :role :primary :reveal :briefed :requires breach :reward ((¤ (scale 400)) (rep 2 :on-resolve))))
  (limbs
    (optional-pool :draw 0..2
      (goal ghost :text "Ghost run — hold trace < 50" :role :optional :reveal :briefed :hold (< trace 50) :reward ((rep 3 :on-resolve)))
      (goal cartographer :text "Map every node on the way in" :role :optional :reveal :latent :reward ((intel 2))))
    (escalation
      (on (>= trace 80) (goal jack-out :text "Jack out before lockdown" :role :primary :reveal :latent :fail-on timeout)))))

(defcontract-schema :data-heist
  :required-capabilities '(:network-extraction)
  :threat-range '(2 5)
  :phase-count 2
  :noun-generators '(target-name network-topology)
  :condition-generators '(ice-placement encryption-class)
  :payout-formula extract-payout
  :ttl-range '(7200 21600)
  :opportunity-weight 0.9
  :brief "Lift {encryption-class} research data out of {target}; {ice-placement}."
  :objectives
  (spine
    (phase-1
      (goal breach :text "Breach the R&D subnet" :role :primary :reveal :briefed :reward ((¤ (scale 500)))))
    (phase-2
      (goal exfil :text "Exfil the research archive" :role :primary :reveal :briefed :reward ((¤ (scale 800)))
        :branch
        ((copy :text "Copy it quietly" :reward ((rep 3 :on-resolve)))
         (wipe :text "Take it and wipe the originals" :reward ((¤ (scale 600)) (access :rnd-followon)) :voids (ghost))))))
  (limbs
    (optional-pool :draw 0..2
      (goal ghost :text "Ghost run — hold trace < 50" :role :optional :reveal :briefed :hold (< trace 50) :reward ((rep 4 :on-resolve)))
      (goal lab-notes :text "Grab the lab notebooks" :role :optional :reveal :latent :reward ((¤ (scale 400) :on-resolve) (intel 1))))
    (escalation
      (on (>= trace 75) (goal escape :text "Escape before the trace lands" :role :primary :reveal :latent :fail-on timeout)))))

(defcontract-schema :black-ice-sabotage
  :required-capabilities '(:network-sabotage)
  :threat-range '(3 6)
  :phase-count 2
  :noun-generators '(target-name network-topology)
  :condition-generators '(ice-placement encryption-depth)
  :payout-formula contract-payout-standard
  :opportunity-weight 0.6
  :brief "Burn {target}'s control plane from the inside — {encryption-depth}, {ice-placement}."
  :objectives
  (spine
    (phase-1
      (goal breach :text "Get behind the black ice" :role :primary :reveal :briefed :reward ((¤ (scale 600)))))
    (phase-2
      (goal payload :text "Detonate the logic bomb on the core" :role :primary :reveal :briefed :reward ((¤ (scale 900))))))
  (limbs
    (optional-pool :draw 0..1
      (goal clean-exit :text "Leave no trace — hold trace < 40" :role :optional :reveal :briefed :hold (< trace 40) :reward ((rep 5 :on-resolve))))
    (escalation
      (on (>= trace 70) (goal escape :text "Get out before the counter-trace" :role :primary :reveal :latent :fail-on timeout)))))

(defcontract-schema :surveillance-implant
  :class :surveillance
  :required-capabilities '(:network-surveillance)
  :threat-range '(2 5)
  :phase-count 3
  :noun-generators '(target-name network-topology)
  :condition-generators '(ice-placement)
  :payout-formula recurring-payout
  :episodic true
  :opportunity-weight 0.4
  :brief "Implant a listener in {target}'s {network-topology} and keep it alive across sessions."
  :objectives
  (spine
    (phase-1
      (goal implant :text "Seat the implant on the mail server" :role :primary :reveal :briefed :reward ((¤ (scale 300)))))
    (phase-2
      (goal first-look :text "Check in on the implant" :role :primary :reveal :briefed :reward ((¤ (scale 200) :recurring))))
    (phase-3
      (goal harvest :text "Harvest the archive and pull the implant" :role :primary :reveal :briefed :reward ((¤ (scale 400)) (intel 1)))))
  (limbs
    (optional-pool :draw 0..1
      (goal deep-cover :text "Stay under trace 25 on every visit" :role :optional :reveal :briefed :hold (< trace 25) :reward ((rep 3 :on-resolve) (intel 2))))))
