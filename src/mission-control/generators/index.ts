import { sonarContact, gridSector, ledgerSample, terminalHost } from './baselines.js';
import { cargoType, encryptionClass, targetNameGenerator } from './common.js';
import { districtMap, patrolRoutes, powerNodes } from './grid.js';
import { accountTree, ledgerAnomalies, shellCompanies } from './ledger.js';
import { currentMap, depthProfile, wreckField } from './maritime.js';
import { encryptionDepth, icePlacement, networkTopology } from './network.js';
import type { Generator } from './types.js';

export type { GenContext, Generated, Generator } from './types.js';

/**
 * Every generator a schema's `:noun-generators` / `:condition-generators` and
 * a cart's `:seeds` may name (seed 004 §3.2: "registered generator
 * functions"). A name not here is an unknown generator to the validator.
 */
export const GENERATORS: ReadonlyMap<string, Generator> = new Map<string, Generator>([
  ['target-name', targetNameGenerator],
  ['cargo-type', cargoType],
  ['encryption-class', encryptionClass],
  ['network-topology', networkTopology],
  ['ice-placement', icePlacement],
  ['encryption-depth', encryptionDepth],
  ['district-map', districtMap],
  ['power-nodes', powerNodes],
  ['patrol-routes', patrolRoutes],
  ['account-tree', accountTree],
  ['shell-companies', shellCompanies],
  ['ledger-anomalies', ledgerAnomalies],
  ['depth-profile', depthProfile],
  ['current-map', currentMap],
  ['wreck-field', wreckField],
  ['terminal-host', terminalHost],
  ['grid-sector', gridSector],
  ['ledger-sample', ledgerSample],
  ['sonar-contact', sonarContact],
]);
