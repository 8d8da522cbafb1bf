;; AUDIT — System-tier baseline for the financial domain (ADR-0030).
(register-capabilities
  :module :audit
  :tier :system
  :provides '(:ledger-reconcile :ledger-spot-check)
  :affinities '(:financial)
  :seeds '(target-name ledger-sample))

(register-mission-contributions
  :module :audit
  :threat-cap 2
  :icon "AUD")
