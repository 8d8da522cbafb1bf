;; NEONGRID — the city's lit grid: power, traffic, and the things that patrol it.
(register-capabilities
  :module :neongrid
  :bit 0x02
  :provides '(:grid-routing :grid-overload :grid-tracking :grid-courier)
  :affinities '(:urban :infrastructure)
  :seeds '(district-map power-nodes patrol-routes))

(register-mission-contributions
  :module :neongrid
  :threat-cap 3
  :supersedes :grid
  :icon "NEO")
