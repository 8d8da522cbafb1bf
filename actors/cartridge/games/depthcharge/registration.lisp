;; DEPTHCHARGE — submarine operations: the dive, the wreck, the blockade.
(register-capabilities
  :module :depthcharge
  :bit 0x08
  :provides '(:underwater-navigation :sonar-mapping :deep-salvage :submarine-evasion)
  :affinities '(:maritime :underwater)
  :seeds '(depth-profile current-map wreck-field))

(register-mission-contributions
  :module :depthcharge
  :threat-cap 5
  :supersedes :sonar
  :icon "DPC")
