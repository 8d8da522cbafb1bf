import type { Pos } from '../lisp/position.js';
import { Cons, Sym } from '../lisp/values.js';
import { type Located, elements, integerIn, keywordList, keywordName, plist, stringOf, symbolList } from './forms.js';
import { MAX_AFFINITIES, MAX_DECLARED_THREAT, MAX_ICON_LENGTH, MAX_NAME_LENGTH, MAX_PROVIDES, MAX_SEEDS } from './limits.js';
import { fail } from './problems.js';
import { at } from '../assert.js';

/**
 * A module that can contribute to contracts: a launch cartridge, or a System
 * baseline (TERMINAL, GRID, AUDIT, SONAR) shipped as a virtual cart. Put
 * together from its `register-capabilities` and `register-mission-contributions`
 * forms (seed 004 §2.1, §2.3, §3.2.1).
 */
export interface ModuleDef {
  /** kebab-case, as in the CLI: `ice-breaker`. */
  readonly name: string;
  /** System baselines are always present and never decay; they have no cartridge bit. */
  readonly system: boolean;
  /** The cartridge_history mask (`:bit 0x01`), 0 for a System baseline. */
  readonly bit: number;
  /** Capability names without the colon: `network-penetration`. */
  readonly provides: readonly string[];
  readonly affinities: readonly string[];
  /** Generator names this module's content draws on (`:seeds '(network-topology …)`). */
  readonly seeds: readonly string[];
  readonly threatCap: number;
  /** The baseline this cart supersedes (`:supersedes :terminal`), or null. */
  readonly supersedes: string | null;
  /** Short tag for the board's capability icons. */
  readonly icon: string;
  /** Where each part was declared, for the validator. */
  readonly at: ModulePositions;
}

export interface ModulePositions {
  readonly capabilities: Pos | undefined;
  readonly contributions: Pos | undefined;
  readonly bit: Pos | undefined;
  readonly provides: readonly (Pos | undefined)[];
  readonly supersedes: Pos | undefined;
  readonly threatCap: Pos | undefined;
  readonly seeds: readonly (Pos | undefined)[];
}

/** The capabilities half of a module: `(register-capabilities :module … :bit … :provides … :affinities … :seeds …)`. */
export interface CapabilityForm {
  readonly module: string;
  readonly system: boolean;
  readonly bit: number;
  readonly provides: readonly string[];
  readonly affinities: readonly string[];
  readonly seeds: readonly string[];
  readonly pos: Pos | undefined;
  readonly bitPos: Pos | undefined;
  readonly providesPos: readonly (Pos | undefined)[];
  readonly seedsPos: readonly (Pos | undefined)[];
}

/** The contributions half: `(register-mission-contributions :module … :threat-cap … :supersedes … :icon …)`. */
export interface ContributionForm {
  readonly module: string;
  readonly threatCap: number;
  readonly supersedes: string | null;
  readonly icon: string | null;
  readonly pos: Pos | undefined;
  readonly threatCapPos: Pos | undefined;
  readonly supersedesPos: Pos | undefined;
}

const CAPABILITY_KEYS = new Set(['module', 'tier', 'bit', 'provides', 'affinities', 'seeds']);
const CONTRIBUTION_KEYS = new Set(['module', 'threat-cap', 'supersedes', 'icon']);

function checkKeys(keys: Map<string, { key: Located }>, allowed: ReadonlySet<string>, form: string): void {
  for (const [name, { key }] of keys) {
    if (!allowed.has(name)) fail(key.pos, `${form} has no :${name} (known: ${[...allowed].map((k) => `:${k}`).join(' ')})`);
  }
}

function required(keys: Map<string, { key: Located; values: Located[] }>, name: string, form: Cons, what: string): Located {
  const entry = keys.get(name);
  if (entry === undefined) fail(form.pos, `${what} needs :${name}`);
  return at(entry.values, 0);
}

function kebab(at: Located, what: string): string {
  const name = keywordName(at, what);
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || name.length > MAX_NAME_LENGTH) {
    fail(at.pos, `${what} :${name} must be kebab-case (a-z, 0-9, single dashes), at most ${MAX_NAME_LENGTH} characters`);
  }
  return name;
}

export function parseCapabilityForm(form: Cons): CapabilityForm {
  const keys = plist(elements(form.cdr));
  checkKeys(keys, CAPABILITY_KEYS, 'register-capabilities');
  const module = kebab(required(keys, 'module', form, 'register-capabilities'), ':module');
  const tierAt = keys.get('tier')?.values[0];
  const tier = tierAt === undefined ? 'cartridge' : keywordName(tierAt, ':tier');
  if (tier !== 'system' && tier !== 'cartridge') fail(tierAt?.pos, `:tier must be :system or :cartridge, found :${tier}`);
  const system = tier === 'system';
  const bitAt = keys.get('bit')?.values[0];
  if (system && bitAt !== undefined) fail(bitAt.pos, `System baseline :${module} has no cartridge bit: it is never in cartridge_history`);
  if (!system && bitAt === undefined) fail(form.pos, `cartridge :${module} needs :bit (its cartridge_history mask, such as 0x01)`);
  let bit = 0;
  if (bitAt !== undefined) {
    bit = integerIn(bitAt, ':bit', 1, 2 ** 31);
    if ((bit & (bit - 1)) !== 0) fail(bitAt.pos, `:bit must be a single-bit mask (0x01, 0x02, 0x04, …), found 0x${bit.toString(16)}`);
  }
  const provides = keywordList(required(keys, 'provides', form, 'register-capabilities'), ':provides', MAX_PROVIDES);
  if (provides.names.length === 0) fail(form.pos, `:${module} provides no capabilities`);
  const affinitiesAt = keys.get('affinities')?.values[0];
  const seedsAt = keys.get('seeds')?.values[0];
  const seeds = seedsAt === undefined ? { names: [], items: [] } : symbolList(seedsAt, ':seeds', MAX_SEEDS);
  return {
    module,
    system,
    bit,
    provides: provides.names,
    affinities: affinitiesAt === undefined ? [] : keywordList(affinitiesAt, ':affinities', MAX_AFFINITIES).names,
    seeds: seeds.names,
    pos: form.pos,
    bitPos: bitAt?.pos,
    providesPos: provides.items.map((x) => x.pos),
    seedsPos: seeds.items.map((x) => x.pos),
  };
}

export function parseContributionForm(form: Cons): ContributionForm {
  const keys = plist(elements(form.cdr));
  checkKeys(keys, CONTRIBUTION_KEYS, 'register-mission-contributions');
  const module = kebab(required(keys, 'module', form, 'register-mission-contributions'), ':module');
  const capAt = required(keys, 'threat-cap', form, 'register-mission-contributions');
  const supersedesAt = keys.get('supersedes')?.values[0];
  const iconAt = keys.get('icon')?.values[0];
  return {
    module,
    threatCap: integerIn(capAt, ':threat-cap', 1, MAX_DECLARED_THREAT),
    supersedes: supersedesAt === undefined ? null : kebab(supersedesAt, ':supersedes'),
    icon: iconAt === undefined ? null : stringOf(iconAt, ':icon', MAX_ICON_LENGTH),
    pos: form.pos,
    threatCapPos: capAt.pos,
    supersedesPos: supersedesAt?.pos,
  };
}

/** The board's short tag for a module when it declares no :icon: the initials of a two-word name, else its first three letters. */
export function defaultIcon(name: string): string {
  const words = name.split('-');
  return (words.length > 1 ? words.map((w) => w[0]).join('') : name.slice(0, 3)).toUpperCase();
}

/** Player-facing name: `ice-breaker` → `ICE BREAKER`. */
export function moduleLabel(name: string): string {
  return name.replace(/-/g, ' ').toUpperCase();
}

export function combineModule(caps: CapabilityForm, contrib: ContributionForm): ModuleDef {
  return {
    name: caps.module,
    system: caps.system,
    bit: caps.bit,
    provides: caps.provides,
    affinities: caps.affinities,
    seeds: caps.seeds,
    threatCap: contrib.threatCap,
    supersedes: contrib.supersedes,
    icon: contrib.icon ?? defaultIcon(caps.module),
    at: {
      capabilities: caps.pos,
      contributions: contrib.pos,
      bit: caps.bitPos,
      provides: caps.providesPos,
      supersedes: contrib.supersedesPos,
      threatCap: contrib.threatCapPos,
      seeds: caps.seedsPos,
    },
  };
}

/** The head symbol of a top-level form, or null. */
export function headName(form: unknown): string | null {
  return form instanceof Cons && form.car instanceof Sym ? form.car.name : null;
}
