import type { Pos } from '../lisp/position.js';
import type { Cons } from '../lisp/values.js';
import { ObjectiveError } from '../objectives/errors.js';
import { type ObjectiveSchema, parseContractSchema } from '../objectives/schema.js';
import { type Located, booleanOf, elements, integerIn, integerPair, keywordList, keywordName, numberIn, plist, stringOf, symbolList, symbolName } from './forms.js';
import { MAX_BRIEF_LENGTH, MAX_DECLARED_THREAT, MAX_GENERATORS, MAX_NAME_LENGTH, MAX_REQUIRED_CAPABILITIES, MAX_TTL_SECONDS } from './limits.js';
import { type Problem, fail } from './problems.js';
import { MAX_PHASES } from '../deck/limits.js';

/**
 * A parsed `defcontract-schema` (seed 004 §3.2, seed 003 §6): the skeleton a
 * contract is generated from. Ranges are kept as written (an inverted one is
 * the validator's to report, with its position); everything else is checked
 * for shape here.
 */
export interface ContractSchema {
  /** kebab-case, without the colon: `encrypted-cache-recovery`. */
  readonly name: string;
  readonly requiredCapabilities: readonly string[];
  readonly threatRange: readonly [number, number];
  readonly phaseCount: number;
  readonly nounGenerators: readonly string[];
  readonly conditionGenerators: readonly string[];
  /** The payout formula's symbol (`contract-payout-standard`). */
  readonly payoutFormula: string;
  /** The schema's own TTL window in seconds, for Standard and Opportunity contracts; null: the Standard 2–8 h. */
  readonly ttlRange: readonly [number, number] | null;
  /** Selection weight on the board (seed: "lower = rarer"); 1 when not given. */
  readonly opportunityWeight: number;
  /** Episodic schemas (multi-session surveillance, implants) make contracts that wait until accepted. */
  readonly episodic: boolean;
  /** Contract class override (PENETRATION, EXTRACTION…); null: from the first required capability's verb. */
  readonly contractClass: string | null;
  /** One-line brief with `{generator}` and `{target}` placeholders; null: a generic one. */
  readonly brief: string | null;
  /** The forms after `:objectives` (`(spine …) (limbs …)`), as written. */
  readonly objectives: readonly Located[];
  /** The objective engine's reading of the whole form: spine phases, limbs, compiled conditions; null if it refused it. */
  readonly objectiveSchema: ObjectiveSchema | null;
  /** Why the objective engine refused the form (an authoring rule of seed 003), or null. */
  readonly objectiveProblem: Problem | null;
  readonly at: SchemaPositions;
}

export interface SchemaPositions {
  readonly form: Pos | undefined;
  readonly name: Pos | undefined;
  readonly requiredCapabilities: readonly (Pos | undefined)[];
  readonly threatRange: Pos | undefined;
  readonly phaseCount: Pos | undefined;
  readonly generators: readonly { readonly name: string; readonly pos: Pos | undefined }[];
  readonly payoutFormula: Pos | undefined;
  readonly ttlRange: Pos | undefined;
  readonly brief: Pos | undefined;
  readonly objectives: Pos | undefined;
}

export const DEFAULT_PAYOUT_FORMULA = 'contract-payout-standard';

const SCHEMA_KEYS = new Set([
  'required-capabilities',
  'threat-range',
  'phase-count',
  'noun-generators',
  'condition-generators',
  'payout-formula',
  'ttl-range',
  'opportunity-weight',
  'episodic',
  'class',
  'brief',
  'objectives',
]);

const REST_KEYS = new Set(['objectives']);

export function parseSchemaForm(form: Cons): ContractSchema {
  const items = elements(form.cdr);
  const nameAt = items[0];
  if (nameAt === undefined) fail(form.pos, 'defcontract-schema needs a :name, such as :encrypted-cache-recovery');
  const name = keywordName(nameAt, 'the schema name');
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || name.length > MAX_NAME_LENGTH) {
    fail(nameAt.pos, `schema name :${name} must be kebab-case, at most ${MAX_NAME_LENGTH} characters`);
  }
  const keys = plist(items.slice(1), REST_KEYS);
  for (const [key, { key: at }] of keys) {
    if (!SCHEMA_KEYS.has(key)) fail(at.pos, `defcontract-schema has no :${key} (known: ${[...SCHEMA_KEYS].map((k) => `:${k}`).join(' ')})`);
  }
  const value = (key: string): Located | undefined => keys.get(key)?.values[0];
  const need = (key: string): Located => {
    const v = value(key);
    if (v === undefined) fail(form.pos, `schema :${name} needs :${key}`);
    return v;
  };

  const caps = keywordList(need('required-capabilities'), ':required-capabilities', MAX_REQUIRED_CAPABILITIES);
  if (caps.names.length === 0) fail(value('required-capabilities')?.pos, `schema :${name} requires no capability: every contract is composed from at least one`);
  const threat = integerPair(need('threat-range'), ':threat-range', 1, MAX_DECLARED_THREAT);
  const phaseAt = value('phase-count');
  const nouns = value('noun-generators');
  const conditions = value('condition-generators');
  const nounList = nouns === undefined ? { names: [], items: [] } : symbolList(nouns, ':noun-generators', MAX_GENERATORS);
  const conditionList = conditions === undefined ? { names: [], items: [] } : symbolList(conditions, ':condition-generators', MAX_GENERATORS);
  const ttlAt = value('ttl-range');
  const weightAt = value('opportunity-weight');
  const classAt = value('class');
  const briefAt = value('brief');
  const episodicAt = value('episodic');
  const payoutAt = value('payout-formula');
  const objectives = keys.get('objectives');
  const engine = readObjectives(form);
  return {
    name,
    requiredCapabilities: caps.names,
    threatRange: threat.pair,
    phaseCount: phaseAt === undefined ? 1 : integerIn(phaseAt, ':phase-count', 1, MAX_PHASES),
    nounGenerators: nounList.names,
    conditionGenerators: conditionList.names,
    payoutFormula: payoutAt === undefined ? DEFAULT_PAYOUT_FORMULA : symbolName(payoutAt, ':payout-formula'),
    ttlRange: ttlAt === undefined ? null : integerPair(ttlAt, ':ttl-range', 1, MAX_TTL_SECONDS).pair,
    opportunityWeight: weightAt === undefined ? 1 : numberIn(weightAt, ':opportunity-weight', 0.001, 1),
    episodic: episodicAt === undefined ? false : booleanOf(episodicAt, ':episodic'),
    contractClass: classAt === undefined ? null : keywordName(classAt, ':class').toUpperCase(),
    brief: briefAt === undefined ? null : stringOf(briefAt, ':brief', MAX_BRIEF_LENGTH),
    objectives: objectives?.values ?? [],
    objectiveSchema: engine.schema,
    objectiveProblem: engine.problem,
    at: {
      form: form.pos,
      name: nameAt.pos,
      requiredCapabilities: caps.items.map((x) => x.pos),
      threatRange: value('threat-range')?.pos,
      phaseCount: phaseAt?.pos,
      generators: [...nounList.names.map((n, i) => ({ name: n, pos: nounList.items[i]?.pos })), ...conditionList.names.map((n, i) => ({ name: n, pos: conditionList.items[i]?.pos }))],
      payoutFormula: payoutAt?.pos,
      ttlRange: ttlAt?.pos,
      brief: briefAt?.pos,
      objectives: objectives?.key.pos,
    },
  };
}

/** The player-facing class: the schema's :class, or the verb of its first capability (`:network-penetration` → PENETRATION). */
export function contractClass(schema: ContractSchema): string {
  if (schema.contractClass !== null) return schema.contractClass;
  const first = schema.requiredCapabilities[0] ?? 'contract';
  const verb = first.includes('-') ? first.slice(first.indexOf('-') + 1) : first;
  return verb.replace(/-/g, ' ').toUpperCase();
}

/**
 * The objective engine reads the same form for its part (seed 003 §6): the
 * authoring rules it enforces (primary ⇒ briefed, links to existing goals,
 * unique names, conditions over known variables, phases that match
 * :phase-count…) become a problem at the position it names.
 */
function readObjectives(form: Cons): { schema: ObjectiveSchema | null; problem: Problem | null } {
  try {
    return { schema: parseContractSchema(form), problem: null };
  } catch (err) {
    if (!(err instanceof ObjectiveError)) throw err;
    return { schema: null, problem: { pos: err.pos ?? form.pos, message: `${err.goal === null ? '' : `goal ${err.goal}: `}${err.reason} [${err.rule}]` } };
  }
}
