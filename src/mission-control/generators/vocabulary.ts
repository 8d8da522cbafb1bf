/**
 * Word stock for generated names. Flavour follows the contributing modules'
 * affinities, so a BLACK LEDGER contract names banks and an ICE BREAKER one
 * zaibatsu.
 */
export const CORP_FIRST = ['Hoshida', 'Kuroda', 'Arkwright', 'Sable', 'Tanaka-Reyes', 'Vantablack', 'Okonkwo', 'Meridian', 'Ishikawa', 'Corvid', 'Halvorsen', 'Nakamura', 'Obsidian', 'Lumen', 'Sakai', 'Voss'] as const;
export const CORP_KIND = ['Zaibatsu', 'Data Trust', 'Systems', 'Biolabs', 'Heavy Industries', 'Networks', 'Dynamics', 'Cybernetics', 'Holdings', 'Logistics'] as const;
export const BANK_KIND = ['Private Bank', 'Capital', 'Clearing House', 'Sovereign Fund', 'Credit Union', 'Assurance', 'Bourse'] as const;
export const VESSEL_PREFIX = ['MV', 'RV', 'SS', 'DSV'] as const;
export const VESSEL_NAME = ['Kessler Dawn', 'Abyssal Rose', 'Tidewright', 'Pale Mariner', 'Seventh Fathom', 'Iron Cormorant', 'Hadal Queen', 'Saltglass', 'Drowned Lantern', 'Undertow'] as const;
export const PORT_NAME = ['Anselm', 'Kowloon Deep', 'Valparaíso', 'Narvik', 'Teodora', 'Salt Harbour', 'Tsushima'] as const;
export const DISTRICT_NAME = ['Neon Row', 'Kabuki Flats', 'Sector 9', 'Glasswater', 'the Stacks', 'Old Quarter', 'Lantern Market', 'Ward 13', 'Chrome Heights', 'the Sprawl'] as const;
export const UTILITY_KIND = ['Power Authority', 'Transit Consortium', 'Light & Signal', 'Grid Cooperative', 'Traffic Control'] as const;
export const NODE_ROLES = ['dmz', 'mail', 'hr', 'finance', 'rnd', 'archive', 'payroll', 'logistics', 'security', 'exec'] as const;
export const ICE_TYPES = ['tracer', 'sentry', 'wall', 'black-ice', 'tar-pit', 'hydra'] as const;
export const CIPHERS = ['xor-lattice', 'aes-256', 'quantum-salted', 'one-time-pad', 'elliptic', 'legacy-des'] as const;
export const CARGO = ['encrypted drive array', 'prototype reactor core', 'diplomatic pouch', 'bearer bonds', 'cold-storage wallet', 'gene-sequence vials', 'black-box recorder', 'crate of military optics'] as const;
export const WRECK_KINDS = ['container ship', 'research sub', 'cable layer', 'trawler', 'yacht', 'cargo plane'] as const;
export const SHELL_SUFFIX = ['Ltd', 'SA', 'GmbH', 'LLC', 'BV', 'Pte'] as const;
export const SHELL_JURISDICTION = ['Caymans', 'Labuan', 'Nevis', 'Seychelles', 'Delaware', 'Vaduz', 'Panamá'] as const;
export const ANOMALIES = ['round-tripped invoice', 'ghost payroll', 'duplicate vendor', 'backdated transfer', 'split deposits', 'orphaned subsidiary'] as const;
export const CONTACT_KINDS = ['merchant hull', 'submarine screw', 'whale song', 'seismic echo', 'drone buoy', 'unknown pinger'] as const;
export const HOST_KINDS = ['payroll terminal', 'maintenance console', 'kiosk', 'badge server', 'print spooler', 'camera NVR'] as const;
export const PATROL_UNITS = ['drone', 'cruiser', 'foot patrol', 'camera sweep'] as const;
