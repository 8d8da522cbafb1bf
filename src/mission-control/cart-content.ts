import { deepFreeze } from '../deep-freeze.js';
import { ReadError } from '../lisp/errors.js';
import { readAll } from '../lisp/reader.js';
import { Cons, type Value, positionOf } from '../lisp/values.js';
import { MAX_CART_FILE_BYTES, MAX_CART_FILES, MAX_MODULES, MAX_SCHEMAS } from './limits.js';
import { type CapabilityForm, type ContributionForm, type ModuleDef, combineModule, headName, parseCapabilityForm, parseContributionForm } from './modules.js';
import { FormProblem, type Problem } from './problems.js';
import { type ContractSchema, parseSchemaForm } from './schema.js';

/** One cart file's text, read by the caller (this module does no I/O). */
export interface CartFile {
  /** Shown in every position: `actors/cartridge/games/ice-breaker/registration.lisp`. */
  readonly path: string;
  readonly text: string;
}

/** Every module and schema the cart files declare, and what was wrong with them. */
export interface CartContent {
  readonly modules: readonly ModuleDef[];
  readonly schemas: readonly ContractSchema[];
  readonly problems: readonly Problem[];
}

export const TOP_LEVEL_FORMS = ['register-capabilities', 'register-mission-contributions', 'defcontract-schema'] as const;

/**
 * Read cart files as declarations. A file that does not read, or a form that
 * does not parse, is a problem at its position; the rest still loads, so the
 * validator reports everything in one pass.
 */
export function loadCartContent(files: readonly CartFile[]): CartContent {
  const key = contentKey(files);
  const known = recent.get(key);
  if (known !== undefined) return known;
  const content = deepFreeze(readCartContent(files));
  if (recent.size >= MAX_REMEMBERED) recent.delete(recent.keys().next().value as string);
  recent.set(key, content);
  return content;
}

/**
 * Every campaign (and every Mission Control incarnation) reads the same cart files: the content of
 * the last few sets read is kept, frozen, so a soak parses them once per thread, not once per campaign.
 */
const recent = new Map<string, CartContent>();
const MAX_REMEMBERED = 4;

function contentKey(files: readonly CartFile[]): string {
  return files.map((f) => `${f.path}\u0000${f.text}`).join('\u0001');
}

function readCartContent(files: readonly CartFile[]): CartContent {
  const problems: Problem[] = [];
  if (files.length > MAX_CART_FILES) problems.push({ pos: undefined, message: `${files.length} cart files; the limit is ${MAX_CART_FILES}` });
  const capabilities: CapabilityForm[] = [];
  const contributions: ContributionForm[] = [];
  const schemas: ContractSchema[] = [];
  for (const file of files.slice(0, MAX_CART_FILES)) {
    if (file.text.length > MAX_CART_FILE_BYTES) {
      problems.push({ pos: { line: 1, col: 1, source: file.path }, message: `file is ${file.text.length} characters; the limit is ${MAX_CART_FILE_BYTES}` });
      continue;
    }
    let forms: Value[];
    try {
      forms = readAll(file.text, file.path);
    } catch (err) {
      if (err instanceof ReadError) {
        problems.push({ pos: err.pos, message: err.reason });
        continue;
      }
      throw err;
    }
    for (const form of forms) {
      try {
        const head = headName(form);
        if (head === 'register-capabilities') capabilities.push(parseCapabilityForm(form as Cons));
        else if (head === 'register-mission-contributions') contributions.push(parseContributionForm(form as Cons));
        else if (head === 'defcontract-schema') {
          const schema = parseSchemaForm(form as Cons);
          if (schema.objectiveProblem !== null) problems.push(schema.objectiveProblem);
          schemas.push(schema);
        }
        else {
          const what = head === null ? (form instanceof Cons ? 'a list' : 'an atom') : head;
          problems.push({ pos: positionOf(form), message: `unexpected top-level form ${what}: a cart file declares ${TOP_LEVEL_FORMS.join(', ')}` });
        }
      } catch (err) {
        if (err instanceof FormProblem) problems.push(err.problem);
        else throw err;
      }
    }
  }
  const modules = combine(capabilities, contributions, problems);
  return { modules, schemas: uniqueSchemas(schemas, problems), problems };
}

function combine(capabilities: readonly CapabilityForm[], contributions: readonly ContributionForm[], problems: Problem[]): ModuleDef[] {
  const caps = new Map<string, CapabilityForm>();
  for (const c of capabilities) {
    const prev = caps.get(c.module);
    if (prev !== undefined) problems.push({ pos: c.pos, message: `:${c.module} registers capabilities twice (first at line ${prev.pos?.line ?? '?'})` });
    else caps.set(c.module, c);
  }
  const contribs = new Map<string, ContributionForm>();
  for (const c of contributions) {
    const prev = contribs.get(c.module);
    if (prev !== undefined) problems.push({ pos: c.pos, message: `:${c.module} registers mission contributions twice (first at line ${prev.pos?.line ?? '?'})` });
    else if (!caps.has(c.module)) problems.push({ pos: c.pos, message: `mission contributions for :${c.module}, which registers no capabilities` });
    else contribs.set(c.module, c);
  }
  const modules: ModuleDef[] = [];
  const bits = new Map<number, string>();
  const providers = new Map<string, string>();
  for (const [name, c] of caps) {
    const contrib = contribs.get(name);
    if (contrib === undefined) {
      problems.push({ pos: c.pos, message: `:${name} has no register-mission-contributions form (it declares the module's :threat-cap)` });
      continue;
    }
    if (c.bit !== 0) {
      const other = bits.get(c.bit);
      if (other !== undefined) problems.push({ pos: c.bitPos, message: `:bit 0x${c.bit.toString(16)} is already :${other}'s` });
      bits.set(c.bit, name);
    }
    c.provides.forEach((cap, i) => {
      const other = providers.get(cap);
      if (other !== undefined) problems.push({ pos: c.providesPos[i], message: `capability :${cap} is already provided by :${other}: each capability has one provider` });
      else providers.set(cap, name);
    });
    modules.push(combineModule(c, contrib));
  }
  for (const m of modules) {
    if (m.supersedes === null) continue;
    const target = modules.find((x) => x.name === m.supersedes);
    if (m.system) problems.push({ pos: m.at.supersedes, message: `System baseline :${m.name} cannot supersede anything: supersession is one-directional, cart over baseline` });
    else if (target === undefined) problems.push({ pos: m.at.supersedes, message: `:supersedes :${m.supersedes} names no registered module` });
    else if (!target.system) problems.push({ pos: m.at.supersedes, message: `:supersedes :${m.supersedes} names a cartridge; only System baselines are superseded` });
  }
  if (modules.length > MAX_MODULES) problems.push({ pos: undefined, message: `${modules.length} modules; the limit is ${MAX_MODULES}` });
  return modules.slice(0, MAX_MODULES).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function uniqueSchemas(schemas: readonly ContractSchema[], problems: Problem[]): ContractSchema[] {
  const seen = new Map<string, ContractSchema>();
  for (const s of schemas) {
    const prev = seen.get(s.name);
    if (prev !== undefined) problems.push({ pos: s.at.name, message: `schema :${s.name} is defined twice (first at ${prev.at.name?.source ?? ''}:${prev.at.name?.line ?? '?'})` });
    else seen.set(s.name, s);
  }
  if (seen.size > MAX_SCHEMAS) problems.push({ pos: undefined, message: `${seen.size} schemas; the limit is ${MAX_SCHEMAS}` });
  return [...seen.values()].slice(0, MAX_SCHEMAS).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
