/** Bounds on cart content and generation (TIGER_STYLE: a limit on everything). */

/** Modules (carts plus baselines) a registry holds; the cartridge_history bitfield has 32 bits. */
export const MAX_MODULES = 40;
/** Capabilities one module provides, affinities it declares, generator seeds it names. */
export const MAX_PROVIDES = 16;
export const MAX_AFFINITIES = 8;
export const MAX_SEEDS = 16;
/** Schemas across all carts. */
export const MAX_SCHEMAS = 256;
/** Capabilities one schema requires, generators it names. */
export const MAX_REQUIRED_CAPABILITIES = 6;
export const MAX_GENERATORS = 8;
/** Longest name (module, capability, schema, generator), in characters. */
export const MAX_NAME_LENGTH = 48;
/** Longest brief template and icon. */
export const MAX_BRIEF_LENGTH = 240;
export const MAX_ICON_LENGTH = 4;
/** TTLs a schema may declare, in seconds: a minute to a week. */
export const MIN_TTL_SECONDS = 60;
export const MAX_TTL_SECONDS = 7 * 24 * 3600;
/** Largest threat cap or threat level a module or schema may declare: seed 004 §3.2.1 tables threat 1..6. */
export const MAX_DECLARED_THREAT = 6;
/** Cart files the CLI reads, and their size. */
export const MAX_CART_FILES = 256;
export const MAX_CART_FILE_BYTES = 256 * 1024;
