;; GRID — System-tier baseline for the city-grid domain (ADR-0030).
;; The lowest cap of all: GRID-only contracts never pass threat 1.
(register-capabilities
  :module :grid
  :tier :system
  :provides '(:grid-patrol :grid-relay)
  :affinities '(:urban :infrastructure)
  :seeds '(target-name grid-sector))

(register-mission-contributions
  :module :grid
  :threat-cap 1
  :icon "GRD")
