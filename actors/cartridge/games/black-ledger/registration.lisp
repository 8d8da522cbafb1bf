;; BLACK LEDGER — forensic accounting and the money that hides from it.
(register-capabilities
  :module :black-ledger
  :bit 0x04
  :provides '(:financial-forensics :financial-laundering :financial-extraction :financial-audit)
  :affinities '(:financial :corporate)
  :seeds '(account-tree shell-companies ledger-anomalies))

(register-mission-contributions
  :module :black-ledger
  :threat-cap 5
  :supersedes :audit
  :icon "BLK")
