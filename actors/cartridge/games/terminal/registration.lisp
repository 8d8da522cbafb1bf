;; TERMINAL — System-tier baseline for the network domain (ADR-0030).
;; Shipped in the system image as a virtual cart: always present, never decays,
;; no cartridge bit. Single-phase contracts only (seed 004 §3.2.2).
(register-capabilities
  :module :terminal
  :tier :system
  :provides '(:terminal-probe :terminal-sweep)
  :affinities '(:digital :network)
  :seeds '(target-name terminal-host))

(register-mission-contributions
  :module :terminal
  :threat-cap 2
  :icon "TRM")
