;; SONAR's contract schemas: listening work at threat 1–2.

(defcontract-schema :sonar-survey
  :class :survey
  :required-capabilities '(:sonar-survey)
  :threat-range '(1 2)
  :phase-count 1
  :noun-generators '(target-name)
  :condition-generators '(sonar-contact)
  :payout-formula baseline-payout
  :brief "Survey the shelf off {target}; a {sonar-contact} keeps showing up."
  :objectives
  (spine
    (goal survey :text "Complete the survey grid" :role :primary :reveal :briefed :reward ((¤ (scale 240)))
      :branch ((log-it :text "LOG IT: file the contact with the survey" :reward ((rep 1 :on-resolve)))
               (keep-it :text "KEEP IT: sell the bearing privately" :reward ((¤ (scale 80)))))))
  (limbs
    (optional-pool :draw 0..1
      (goal classify :text "Classify the contact" :role :optional :reveal :briefed :reward ((intel 1))))))

(defcontract-schema :sonar-track
  :class :tracking
  :required-capabilities '(:sonar-track)
  :threat-range '(1 2)
  :phase-count 1
  :noun-generators '(target-name)
  :condition-generators '(sonar-contact)
  :payout-formula baseline-payout
  :opportunity-weight 0.7
  :brief "Track a {sonar-contact} shadowing {target}."
  :objectives
  (spine
    (goal track :text "Hold the contact until it surfaces" :role :primary :reveal :briefed :reward ((¤ (scale 280)))))
  (limbs))
