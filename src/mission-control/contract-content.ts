import type { BoardEntry } from '../deck/uds.js';
import { rngFromSeed } from '../runtime/rng.js';
import type { CatalogSchema } from './catalog.js';
import { GENERATORS, type Generated } from './generators/index.js';
import { targetName } from './generators/common.js';
import { contractClass } from './schema.js';

/** A contract's flesh: what its generators made from its seed (seed 004 §3.2). */
export interface ContractContent {
  readonly target: string;
  readonly brief: string;
  /** Every generator's output, nouns first, then conditions, by name. */
  readonly generated: ReadonlyMap<string, Generated>;
}

/**
 * Contents kept per schema: a board holds at most 5 contracts, so a few of one schema at a time.
 * 64 kept about 4 MB of generated Lisp data alive by mission 1,000 of a campaign (the heap still
 * grew 1.10× to mission 10,000 as the rarer schemas filled theirs); 16 keeps 1.08× and costs no
 * more per mission.
 */
const MAX_KEPT_PER_SCHEMA = 16;
const kept = new WeakMap<CatalogSchema, Map<string, ContractContent>>();

/**
 * Run a contract's generators. The content depends on the schema, the
 * contract's seed, threat and phase count only — never on the UDS — so a
 * contract reads the same on the board, in the briefing, after acceptance and
 * after a power cycle. Being a function of those alone, it is made once per
 * contract and kept (the board, the briefing and the acceptance all ask).
 */
export function contractContent(cs: CatalogSchema, entry: Pick<BoardEntry, 'seed' | 'threat' | 'phases'>): ContractContent {
  let forSchema = kept.get(cs);
  if (forSchema === undefined) kept.set(cs, (forSchema = new Map()));
  const key = `${entry.seed}:${entry.threat}:${entry.phases}`;
  let content = forSchema.get(key);
  if (content === undefined) {
    content = generate(cs, entry);
    if (forSchema.size >= MAX_KEPT_PER_SCHEMA) forSchema.delete(forSchema.keys().next().value as string);
    forSchema.set(key, content);
  }
  return content;
}

function generate(cs: CatalogSchema, entry: Pick<BoardEntry, 'seed' | 'threat' | 'phases'>): ContractContent {
  const rng = rngFromSeed(`nosh:content:${entry.seed}`);
  const made = new Map<string, Generated>();
  const ctx = { rng, threat: entry.threat, phases: entry.phases, affinities: cs.affinities, made };
  for (const name of [...cs.schema.nounGenerators, ...cs.schema.conditionGenerators]) {
    const gen = GENERATORS.get(name);
    if (gen !== undefined && !made.has(name)) made.set(name, gen(ctx));
  }
  const named = made.get('target-name')?.value;
  const target = typeof named === 'string' ? named : targetName(rng, cs.affinities);
  return { target, brief: fillBrief(cs, target, made), generated: made };
}

/**
 * `{name}` placeholders take the generator's summary; `{target}` the target's name. The words
 * around a placeholder agree with what fills it: `{name}'s` is "Holdings'" after an s and
 * "Trust's" otherwise, and `a {name}` is "an" before a vowel ("an unknown pinger").
 */
function fillBrief(cs: CatalogSchema, target: string, made: ReadonlyMap<string, Generated>): string {
  const template = cs.schema.brief ?? `${contractClass(cs.schema)} for {target}.`;
  const fill = (name: string): string | null => (name === 'target' ? target : (made.get(name)?.summary ?? null));
  return template.replace(/\b([Aa]n?) \{([a-z0-9-]+)\}|\{([a-z0-9-]+)\}('s)?/g, (whole, article?: string, after?: string, name?: string, possessive?: string) => {
    const text = fill(after ?? name ?? '');
    if (text === null) return whole;
    if (article !== undefined) return `${articleBefore(text, article)} ${text}`;
    return possessive === undefined ? text : possessiveOf(text);
  });
}

/** "a" or "an" (capitalised as written) before `word`, by its first letter. */
function articleBefore(word: string, written: string): string {
  const an = /^[aeiou]/i.test(word);
  const article = an ? 'an' : 'a';
  return written[0] === 'A' ? `A${article.slice(1)}` : article;
}

function possessiveOf(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** Placeholders a brief may use: `{target}` and the schema's own generators. */
export function briefPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string);
}
