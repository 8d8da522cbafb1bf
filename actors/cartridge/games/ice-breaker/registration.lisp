;; ICE BREAKER — network intrusion in zaibatsu space. Registration as seed 004
;; §2.1 writes it, plus its mission contributions (§2.3, §3.2.1).
;; GLASS PAYROLL lives in glass-payroll.lisp beside this file.
(register-capabilities
  :module :ice-breaker
  :bit 0x01
  :provides '(:network-penetration :network-extraction :network-sabotage :network-surveillance)
  :affinities '(:digital :network)
  :seeds '(network-topology ice-placement encryption-depth))

(register-mission-contributions
  :module :ice-breaker
  :threat-cap 6
  :supersedes :terminal
  :icon "ICE")
