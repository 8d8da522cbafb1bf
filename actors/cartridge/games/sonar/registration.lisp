;; SONAR — System-tier baseline for the maritime domain (ADR-0030).
(register-capabilities
  :module :sonar
  :tier :system
  :provides '(:sonar-survey :sonar-track)
  :affinities '(:maritime)
  :seeds '(target-name sonar-contact))

(register-mission-contributions
  :module :sonar
  :threat-cap 2
  :icon "SNR")
