import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { equal } from '../src/lisp/equal.js';
import { ReadError } from '../src/lisp/errors.js';
import { print } from '../src/lisp/printer.js';
import { read, readAll } from '../src/lisp/reader.js';
import { Cons, Keyword, Lambda, LispMap, Native, Sym, type Value, Vec, list, listToArray } from '../src/lisp/values.js';
import { createEnv } from '../src/lisp/builtins.js';
import { evaluateSource } from '../src/lisp/evaluator.js';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/**
 * The seeds' Lisp exactly as it appears in the seed files (where the text was
 * flattened onto one line, so comments there swallow the rest of the line).
 */
const SEED_003 = [
  `(goal payroll-exfil :text "EXFIL payroll ledger" :role :primary :reveal :briefed :reward ((¤ 900 :on-resolve)) :state :open)`,
  `(goal ghost :text "Ghost run — hold trace < 50" :role :optional :reveal :briefed :hold (< trace 50) :reward ((rep 4 :on-resolve)))`,
  `(defcontract-schema :corporate-extraction :required-capabilities '(:network-extraction) :threat-range '(2 4) :payout-formula extract-payout ; existing — ¤ amounts route through here :objectives (spine ; AUTHORED — the designed core arc (goal breach :role :primary :reveal :briefed :reward ((¤ (scale 600)))) (goal exfil :role :primary :reveal :briefed :requires breach :reward ((¤ (scale 900))) :branch ; the authored fork — the meaningful choice ((mirror :reward ((rep 4 :on-resolve))) (corrupt :reward ((¤ (scale 700)) (access :ledger-followon)) :voids (ghost))))) (limbs ; PROCEDURAL — layered per instance, seeded (optional-pool :draw 0..2 ; procgen picks 0–2 of these (goal ghost :role :optional :hold (< trace 50) :reward ((rep 4 :on-resolve))) (goal exec-bonus :role :optional :reveal :latent :at (node hr) :reward ((¤ (scale 700)) (intel 1)))) (escalation ; procgen wires latent fail-states to threat (on (>= trace 75) (goal escape :role :primary :reveal :latent :fail-on timeout)))))`,
  `(goal-complete 'exfil)`,
  `(goal-reveal 'exec-bonus)`,
  `(goal-choose 'corrupt)`,
  `(goal-fail 'escape)`,
  `(goal-state 'ghost)`,
];

const SEED_004 = [
  `(register-capabilities :module :ice-breaker :bit 0x01 :provides '(:network-penetration :network-extraction :network-sabotage :network-surveillance) :affinities '(:digital :network) :seeds '(network-topology ice-placement encryption-depth))`,
  `(defcontract-schema :encrypted-cache-recovery :required-capabilities '(:underwater-navigation :network-penetration) :threat-range '(2 4) :phase-count 2 :noun-generators '(target-name network-topology depth-profile) :condition-generators '(encryption-class ice-placement cargo-type) :payout-formula contract-payout-standard :ttl-range '(1800 7200) ; 30 min to 2 hours real time :opportunity-weight 0.3) ; lower = rarer`,
  `(load-capability :ice-breaker :seed (mission-params :network-seed))`,
  `{:outcome :success ; :success | :failure | :partial | :abort :trace 22 ; final trace level :extracted '(:network-map :target-data) :turns 14 :bonuses '(:speed :stealth)}`,
  `(complete-mission current-mission)`,
  `(abandon-mission)`,
];

/** The fixture with our own `;;` annotation lines dropped and all whitespace collapsed. */
function flattened(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith(';;'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function roundTrip(forms: readonly Value[]): void {
  const printed = forms.map(print);
  const reread = printed.map((text) => read(text));
  reread.forEach((form, i) => {
    expect(equal(form, forms[i] as Value), `${printed[i]} did not read back equal`).toBe(true);
    // Canonical: printing what was read back gives the same text.
    expect(print(form)).toBe(printed[i]);
  });
}

function plist(form: Value, key: string): Value {
  const xs = listToArray(form as Cons);
  const i = xs.findIndex((x) => x instanceof Keyword && x.name === key);
  expect(i, `:${key} in ${print(form)}`).toBeGreaterThan(-1);
  return xs[i + 1] as Value;
}

describe('round trip read∘print on the seeds', () => {
  const glass = fixture('seed-003-glass-payroll.lisp');
  const board = fixture('seed-004-mission-control.lisp');

  it('the fixtures are the seed text, only line breaks restored', () => {
    expect(flattened(glass)).toBe(SEED_003.join(' '));
    expect(flattened(board)).toBe(SEED_004.join(' '));
  });

  it('the flattened seed text itself cannot be read: its comments swallow the rest of the line', () => {
    const err = (() => {
      try {
        readAll(SEED_003[2] as string);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).incomplete).toBe(true);
  });

  it('GLASS PAYROLL goal cells and defcontract-schema :corporate-extraction survive read∘print', () => {
    const forms = readAll(glass, 'seed-003-glass-payroll.lisp');
    expect(forms).toHaveLength(SEED_003.length);
    roundTrip(forms);

    const [payroll, ghost, schema] = forms as [Value, Value, Value];
    expect(print(payroll)).toBe(SEED_003[0]);
    expect(print(ghost)).toBe(SEED_003[1]);
    expect(print(plist(payroll, 'reward'))).toBe('((¤ 900 :on-resolve))');
    expect(print(plist(ghost, 'hold'))).toBe('(< trace 50)');
    expect((listToArray(schema as Cons)[1] as Keyword).name).toBe('corporate-extraction');
    expect(print(plist(schema, 'threat-range'))).toBe("'(2 4)");
    // :objectives is followed by its two halves, spine and limbs; the comments are gone.
    const xs = listToArray(schema as Cons);
    const at = xs.findIndex((x) => x instanceof Keyword && x.name === 'objectives');
    expect(((xs[at + 1] as Cons).car as Sym).name).toBe('spine');
    expect(((xs[at + 2] as Cons).car as Sym).name).toBe('limbs');
    expect(print(schema)).not.toContain('AUTHORED');
    expect(print(schema)).toContain('(optional-pool :draw 0..2 (goal ghost');
    expect((schema as Cons).pos).toEqual({ line: 14, col: 1, source: 'seed-003-glass-payroll.lisp' });
  });

  it('seed 004 forms survive read∘print (hex bit, decimals, a map with comments inside)', () => {
    const forms = readAll(board);
    roundTrip(forms);
    expect(plist(forms[0] as Value, 'bit')).toBe(1);
    expect(plist(forms[1] as Value, 'opportunity-weight')).toBe(0.3);
    const result = forms[3] as LispMap;
    expect(result).toBeInstanceOf(LispMap);
    expect(print(result)).toBe("{:outcome :success :trace 22 :extracted '(:network-map :target-data) :turns 14 :bonuses '(:speed :stealth)}");
  });
});

describe('canonical printing', () => {
  it.each([
    ['(a   b\n c)', '(a b c)'],
    ['()', 'nil'],
    ["(quote x)", "'x"],
    ["(quote x y)", '(quote x y)'],
    ['`(a ,b ,@c)', '`(a ,b ,@c)'],
    ['[1 [2] {}]', '[1 [2] {}]'],
    ['{:b 2 :a 1}', '{:b 2 :a 1}'],
    ['"tab\there \\"q\\" \\\\"', '"tab\\there \\"q\\" \\\\"'],
    ['0x10', '16'],
    ['1.50', '1.5'],
    ['1e21', '1e+21'],
    ['-0.0', '0'],
  ])('%j prints as %j', (text, printed) => {
    expect(print(read(text))).toBe(printed);
  });

  it('prints unreadable values as #<…>, which the reader refuses rather than misreads', () => {
    const values: Value[] = [
      new Lambda('f', [], null, () => null, createEnv()),
      new Native('car', () => null),
      new Sym('12'),
      new Sym('two words'),
      new Sym('nil'),
      new Keyword(''),
    ];
    for (const v of values) {
      const text = print(v);
      expect(text.startsWith('#<')).toBe(true);
      expect(() => read(text)).toThrow(ReadError);
    }
  });

  it('keeps the long form where sugar would read back differently', () => {
    const v = list(new Sym('unquote'), new Sym('@x'));
    expect(print(v)).toBe('(unquote @x)');
    expect(equal(read(print(v)), v)).toBe(true);
  });

  it('prints integers past 2^53 in exponent form, which reads back exactly', () => {
    for (const n of [2 ** 53, 2 ** 60, -(2 ** 70), Number.MAX_VALUE]) expect(read(print(n))).toBe(n);
  });

  it('round-trips what evaluation builds, not only what was read', async () => {
    const v = await evaluateSource(`(list (assoc {:a 1} :b [2 "x"]) (cons 'q '(r)) (vector :k 1.25 nil true))`, createEnv());
    expect(print(v)).toBe(`({:a 1 :b [2 "x"]} (q r) [:k 1.25 nil true])`);
    expect(equal(read(print(v)), v)).toBe(true);
    expect(v).toBeInstanceOf(Cons);
    expect(listToArray(v as Cons)[2]).toBeInstanceOf(Vec);
  });
});
